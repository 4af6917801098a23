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
