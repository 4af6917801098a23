import { pageStories, type StorySummary } from '../stories/story-listing.js';
import type { Article } from '../core/article.js';
import type { ArticleStore, EntitySummary, StoreStats } from '../store/port.js';

export interface TrendingEntity extends EntitySummary {
  /** Articles per month, oldest first (the sparkline). */
  readonly timeline: { month: string; articles: number }[];
}

export interface OverviewView {
  readonly stats: StoreStats;
  readonly recent: Article[];
  /**
   * Of the recent articles, how many were ingested after `since` (the reader's last visit);
   * `atLeast` when all of them were, so there may be more.
   */
  readonly newSince: { readonly count: number; readonly atLeast: boolean } | undefined;
  readonly stories: StorySummary[];
  readonly entities: TrendingEntity[];
}

const RECENT = 12;
const TOP_ENTITIES = 10;

const newSinceOf = (recent: readonly Article[], since: string) => {
  const count = recent.filter((a) => a.ingestedAt > since).length;
  return { count, atLeast: count === recent.length && count > 0 };
};

export const overviewView = async (
  store: ArticleStore,
  since: string | undefined,
): Promise<OverviewView> => {
  // Counts and rankings come from aggregates the store keeps at write time (a few index reads), so
  // every request, the first included, sees the archive as it is.
  const [stats, recent, stories, entities] = await Promise.all([
    store.countStats(),
    store.listArticles({ limit: RECENT }),
    store.stories ? pageStories(store.stories, { limit: 8, minArticles: 2 }) : undefined,
    store.listEntities({ limit: TOP_ENTITIES }),
  ]);
  const timelines = await Promise.all(entities.map((e) => store.entityTimeline(e.id)));
  return {
    stats,
    recent: recent.items,
    newSince: since === undefined ? undefined : newSinceOf(recent.items, since),
    stories: stories?.items ?? [],
    entities: entities.map((e, i) => ({ ...e, timeline: timelines[i] ?? [] })),
  };
};
