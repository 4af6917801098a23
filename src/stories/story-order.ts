import type { StoryListKey, StoryMember } from './story-index.js';

type Listed = { readonly lastSeen?: string; readonly id: string };

export const storyListKey = (story: Listed) =>
  [story.lastSeen ?? '', story.id] as const satisfies StoryListKey;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * List order: most recently seen first (undated last), then id ascending. Plain code-unit order,
 * which is what SQLite's BINARY and PostgreSQL's "C" collation give, so a page read with SQL and a
 * list sorted here agree.
 */
export const compareStoryListKeys = (a: StoryListKey, b: StoryListKey): number =>
  byCodeUnit(b[0], a[0]) || byCodeUnit(a[1], b[1]);

/** Two stories (or headers) in list order. */
export const compareStoriesForList = (a: Listed, b: Listed): number =>
  compareStoryListKeys(storyListKey(a), storyListKey(b));

const publishedTime = (member: StoryMember): number => {
  const parsed = member.published === undefined ? Number.NaN : Date.parse(member.published);
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
};

/** Timeline order: by publication time (undated last), then article id. */
export const compareMembersByTime = (a: StoryMember, b: StoryMember): number =>
  publishedTime(a) - publishedTime(b) || byCodeUnit(a.articleId, b.articleId);

/** Undated articles go after every dated one ('~' sorts after digits and '-'). */
const UNDATED = '~';
/** Keeps a key well under PostgreSQL's btree row limit whatever URL or path an input names. */
const MAX_LOCATION = 512;

/**
 * An article's place in the canonical clustering order: publication time (UTC, undated last), then
 * where it came from (URL, or file path and record), then id. Stories are what clustering every
 * article once in this order gives (settle-stories.ts), so they do not depend on how runs were cut.
 * The location keeps a reading order among undated articles (a directory of text files): a run
 * reading them in that order never has to re-settle.
 */
export const storyOrderKey = (
  published: string | undefined,
  location: string | undefined,
  id: string,
): string => {
  const time = published === undefined ? Number.NaN : Date.parse(published);
  const date = Number.isNaN(time) ? UNDATED : new Date(time).toISOString();
  return `${date}|${(location ?? '').slice(0, MAX_LOCATION)}|${id}`;
};

/** Canonical order of two articles by key, then id (members saved before keys existed share ''). */
export const compareOrdered = (
  a: { readonly order?: string; readonly id: string },
  b: { readonly order?: string; readonly id: string },
): number => byCodeUnit(a.order ?? '', b.order ?? '') || byCodeUnit(a.id, b.id);
