import { AppError } from '../core/errors.js';
import type { StoryHeader, StoryIndex, StoryListKey, StoryMember } from './story-index.js';
import { compareStoriesForList, compareStoryListKeys, storyListKey } from './story-order.js';

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

export const summariseStory = (story: StoryHeader): StorySummary => ({
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

const encodeStoryCursor = (key: StoryListKey): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const decodeStoryCursor = (cursor: string): StoryListKey => {
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

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/** Headers of the given stories after `after`, in list order: bounded by the set, not the archive. */
const headersOf = async (
  index: StoryIndex,
  storyIds: ReadonlySet<string>,
  after: StoryListKey | undefined,
): Promise<StoryHeader[]> =>
  (await Promise.all([...storyIds].map((id) => index.getStory(id))))
    .filter(isDefined)
    .filter((story) => !after || compareStoryListKeys(storyListKey(story), after) > 0)
    .sort(compareStoriesForList);

/** Headers in list order from `after` on, read from the index a chunk at a time. */
async function* headersAfter(
  index: StoryIndex,
  after: StoryListKey | undefined,
  chunk: number,
  minArticles: number | undefined,
): AsyncGenerator<StoryHeader> {
  let position = after;
  for (;;) {
    const headers = await index.listStoryHeaders({
      limit: chunk,
      ...(position ? { after: position } : {}),
      ...(minArticles !== undefined ? { minArticles } : {}),
    });
    yield* headers;
    const last = headers[headers.length - 1];
    if (!last || headers.length < chunk) return;
    position = storyListKey(last);
  }
}

/**
 * One page of stories, most recently seen first. The cursor is the last story's sort key (not an
 * offset), so a story that grows or opens while someone pages is neither skipped nor shown twice
 * unless its own position moved. Reads headers (no term vectors) a page at a time; a title filter
 * reads on in bigger chunks until the page is full.
 */
export const pageStories = async (
  index: StoryIndex,
  options: StoryPageOptions,
): Promise<{ items: StorySummary[]; nextCursor?: string }> => {
  const after = options.cursor === undefined ? undefined : decodeStoryCursor(options.cursor);
  const needle = options.titleContains?.toLocaleLowerCase();
  const keeps = (story: StoryHeader): boolean =>
    (options.minArticles === undefined || story.articleCount >= options.minArticles) &&
    (needle === undefined || story.title.toLocaleLowerCase().includes(needle));
  // Given story ids bound the read by the set; otherwise headers come from the index in order,
  // in bigger chunks when a title filter may drop most of them.
  const chunk = needle === undefined ? options.limit + 1 : Math.max(options.limit + 1, 500);
  const stories = options.storyIds
    ? await headersOf(index, options.storyIds, after)
    : headersAfter(index, after, chunk, options.minArticles);
  const found: StoryHeader[] = [];
  for await (const story of stories) if (keeps(story) && found.push(story) > options.limit) break;
  const shown = found.slice(0, options.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(summariseStory),
    ...(found.length > options.limit && last
      ? { nextCursor: encodeStoryCursor(storyListKey(last)) }
      : {}),
  };
};
