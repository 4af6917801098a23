import { storyHeadersOf } from '../stories/story-headers.js';
import type { StoryHeader, StoryIndex } from '../stories/story-index.js';
import { summariseStory, type StorySummary } from '../stories/story-listing.js';
import type { ArticleStore, EntitySummary } from '../store/port.js';
import { newestArticlesOf } from './entity-context.js';

/**
 * Stories are found through the entity's most recent articles: one search and one read of their
 * stories (story-headers.ts; one statement on PostgreSQL, where 200 sequential membership reads
 * held a pooled connection through 200 round trips per entity page), so an entity mentioned a
 * million times costs the same as one mentioned 200.
 */
export const ENTITY_ARTICLES_SCANNED = 200;

export interface EntityStoryScan {
  /** Story id -> how many of the scanned articles mentioning the entity it holds. */
  readonly articlesByStory: ReadonlyMap<string, number>;
  /** Those stories' headers, by story id. */
  readonly stories: ReadonlyMap<string, StoryHeader>;
  /** Articles mentioning the entity that were looked at (the most recently published). */
  readonly articlesScanned: number;
  /** Articles mentioning the entity in all (a lower bound when the search capped its count). */
  readonly articlesTotal: number;
}

export const scanEntityStories = async (
  store: ArticleStore,
  index: StoryIndex,
  entityId: string,
  /** The entity, when the caller has read it already (its article count is not read again). */
  known?: EntitySummary,
): Promise<EntityStoryScan> => {
  // The store's entity-article index when it has one (a seek and 200 rows, entity-stats.ts), else
  // the search engine's `entity:` filter.
  const [newest, entity] = await Promise.all([
    newestArticlesOf(store, entityId, ENTITY_ARTICLES_SCANNED),
    known ?? (store.entityArticles ? store.getEntity(entityId) : undefined),
  ]);
  const articlesByStory = new Map<string, number>();
  const stories = new Map<string, StoryHeader>();
  for (const story of (await storyHeadersOf(index, newest.ids)).values()) {
    articlesByStory.set(story.id, (articlesByStory.get(story.id) ?? 0) + 1);
    stories.set(story.id, story);
  }
  return {
    articlesByStory,
    stories,
    articlesScanned: newest.ids.length,
    articlesTotal: entity?.id === entityId ? entity.articles : newest.total,
  };
};

export interface RelatedStory extends StorySummary {
  /** Articles of this story mentioning the entity (among those scanned). */
  readonly entity_articles: number;
}

/** Stories holding the entity's recent articles, most such articles first, then most recent. */
export const relatedStories = async (
  store: ArticleStore,
  index: StoryIndex,
  entityId: string,
  limit: number,
  known?: EntitySummary,
): Promise<{ stories: RelatedStory[]; scan: EntityStoryScan }> => {
  const scan = await scanEntityStories(store, index, entityId, known);
  const stories: RelatedStory[] = [];
  for (const [storyId, count] of scan.articlesByStory) {
    const story = scan.stories.get(storyId);
    if (story) stories.push({ ...summariseStory(story), entity_articles: count });
  }
  stories.sort(
    (a, b) =>
      b.entity_articles - a.entity_articles ||
      (b.last_seen ?? '').localeCompare(a.last_seen ?? '') ||
      (a.id < b.id ? -1 : 1),
  );
  return { stories: stories.slice(0, limit), scan };
};
