import { AppError } from '../core/errors.js';
import type { StoryIndex, StoryMember, StoryRecord } from './story-index.js';

/** One story without its members: what lists show. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly first_seen: string | null;
  readonly last_seen: string | null;
  readonly sources: readonly string[];
  readonly article_count: number;
}

/** One story as `sitrep stories --json` prints it. */
export interface StoryListing extends StorySummary {
  readonly articles: string[];
}

export const summariseStory = (story: StoryRecord): StorySummary => ({
  id: story.id,
  title: story.title,
  first_seen: story.firstSeen ?? null,
  last_seen: story.lastSeen ?? null,
  sources: story.sources,
  article_count: story.articleCount,
});

/** `{"stories":[...]}`, most recently seen first; article ids in timeline order. */
export const listStories = async (index: StoryIndex): Promise<{ stories: StoryListing[] }> => {
  const stories: StoryListing[] = [];
  for (const story of await index.listStories()) {
    const members = await index.listMembers(story.id);
    stories.push({ ...summariseStory(story), articles: members.map((m) => m.articleId) });
  }
  return { stories };
};

/** `sitrep story <id>`: the story's articles by publication time, or undefined for an unknown id. */
export const storyTimeline = async (
  index: StoryIndex,
  storyId: string,
): Promise<{ id: string; title: string; timeline: StoryMember[] } | undefined> => {
  const story = await index.getStory(storyId);
  if (!story) return undefined;
  return { id: story.id, title: story.title, timeline: await index.listMembers(storyId) };
};

export interface StoryPageOptions {
  readonly limit: number;
  /** Opaque `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Case-insensitive part of the title. */
  readonly titleContains?: string;
  /** Only stories of at least this many articles (most stories of a big archive are single articles). */
  readonly minArticles?: number;
  /** Only these stories (e.g. those holding an entity's articles). */
  readonly storyIds?: ReadonlySet<string>;
}

type SortKey = readonly [lastSeen: string, id: string];

const keyOf = (story: StorySummary): SortKey => [story.last_seen ?? '', story.id];

// The order StoryIndex.listStories promises: last seen descending, then id ascending.
const compareKeys = (a: SortKey, b: SortKey): number =>
  b[0].localeCompare(a[0]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

const encodeStoryCursor = (key: SortKey): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const decodeStoryCursor = (cursor: string): SortKey => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'string'
    )
      return [key[0], key[1]];
  } catch {
    // falls through to the error below
  }
  throw new AppError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
};

/**
 * One page of stories, most recently seen first. The cursor is the last story's sort key (not an
 * offset), so a story that grows or opens while someone pages is neither skipped nor shown twice
 * unless its own position moved. Pages over the whole list in memory: the index has no paged read yet.
 */
export const pageStories = async (
  index: StoryIndex,
  options: StoryPageOptions,
): Promise<{ items: StorySummary[]; nextCursor?: string }> => {
  const after = options.cursor === undefined ? undefined : decodeStoryCursor(options.cursor);
  const needle = options.titleContains?.toLocaleLowerCase();
  const items: StorySummary[] = [];
  let more = false;
  for (const story of await index.listStories()) {
    if (options.storyIds && !options.storyIds.has(story.id)) continue;
    if (options.minArticles !== undefined && story.articleCount < options.minArticles) continue;
    if (needle !== undefined && !story.title.toLocaleLowerCase().includes(needle)) continue;
    const summary = summariseStory(story);
    if (after && compareKeys(keyOf(summary), after) <= 0) continue;
    if (items.length === options.limit) {
      more = true;
      break;
    }
    items.push(summary);
  }
  const last = items[items.length - 1];
  return { items, ...(more && last ? { nextCursor: encodeStoryCursor(keyOf(last)) } : {}) };
};
