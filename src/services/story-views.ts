import type { SyndicationStatus } from '../dedup/syndication-decision.js';
import { storyHeadersOf } from '../stories/story-headers.js';
import type { StoryIndex } from '../stories/story-index.js';
import { storyTimeline, summariseStory, type StorySummary } from '../stories/story-listing.js';
import type { ArticleStore } from '../store/port.js';

/** One article in a story's timeline, with whether it is a copy of another article. */
export interface StoryTimelineEntry {
  readonly article_id: string;
  readonly published: string | null;
  /** The UTC calendar day of `published` (YYYY-MM-DD): timelines group by it; null when undated. */
  readonly day: string | null;
  readonly source: string | null;
  readonly title: string | null;
  /** Cosine similarity to the story when the article joined (1 for the one that opened it). */
  readonly similarity: number;
  /** The syndication decision, when the store keeps them: copies point at their canonical. */
  readonly syndication: { readonly status: SyndicationStatus; readonly of: string | null } | null;
}

export interface StoryEntity {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Articles of the story mentioning it. */
  readonly articles: number;
}

export interface StoryDetail extends StorySummary {
  readonly timeline: StoryTimelineEntry[];
  /** Entities most articles of the story mention (from stored enrichment; empty without it). */
  readonly top_entities: StoryEntity[];
  /** How many of the story's articles had stored enrichment counted into top_entities. */
  readonly entities_from: number;
}

// Sources write dates with their own offsets ("21:30+03:00"); one day boundary (UTC) for all.
const utcDay = (published: string | undefined): string | null => {
  const time = published === undefined ? Number.NaN : Date.parse(published);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
};

/** Entity counts read at most this many articles' enrichment: a story of thousands stays quick. */
export const MAX_ENRICHMENTS_READ = 200;
const TOP_ENTITIES = 12;

const topEntities = async (
  store: ArticleStore,
  articleIds: readonly string[],
): Promise<{ entities: StoryEntity[]; from: number }> => {
  const counts = new Map<string, { id: string; name: string; type: string; articles: number }>();
  let from = 0;
  for (const id of articleIds.slice(0, MAX_ENRICHMENTS_READ)) {
    const enrichment = await store.getEnrichment(id);
    if (!enrichment) continue;
    from++;
    const seen = new Set<string>();
    for (const mention of enrichment.entities) {
      if (seen.has(mention.id)) continue;
      seen.add(mention.id);
      const entry = counts.get(mention.id);
      if (entry) entry.articles++;
      else
        counts.set(mention.id, {
          id: mention.id,
          name: mention.name,
          type: mention.type,
          articles: 1,
        });
    }
  }
  const entities = [...counts.values()]
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
    .slice(0, TOP_ENTITIES);
  return { entities, from };
};

/** A story's page: summary, the timeline with copies marked, and its most mentioned entities. */
export const storyDetail = async (
  store: ArticleStore,
  index: StoryIndex,
  storyId: string,
): Promise<StoryDetail | undefined> => {
  const [story, timeline] = await Promise.all([
    index.getStory(storyId),
    storyTimeline(index, storyId),
  ]);
  if (!story || !timeline) return undefined;
  const decisions = store.nearDuplicates;
  const entries = await Promise.all(
    timeline.timeline.map(async (member): Promise<StoryTimelineEntry> => {
      const decision = decisions ? await decisions.getDecision(member.articleId) : undefined;
      return {
        article_id: member.articleId,
        published: member.published ?? null,
        day: utcDay(member.published),
        source: member.source ?? null,
        title: member.title ?? null,
        similarity: member.similarity,
        syndication: decision ? { status: decision.status, of: decision.of ?? null } : null,
      };
    }),
  );
  const { entities, from } = await topEntities(
    store,
    entries.map((e) => e.article_id),
  );
  return {
    ...summariseStory(story),
    timeline: entries,
    top_entities: entities,
    entities_from: from,
  };
};

/** The story an article belongs to, or undefined when it is in none (yet). */
export const storyOfArticle = async (
  index: StoryIndex,
  articleId: string,
): Promise<StorySummary | undefined> => {
  const story = (await storyHeadersOf(index, [articleId])).get(articleId);
  return story ? summariseStory(story) : undefined;
};

/** The stories of several articles (a result page), in one read where the index can. */
export const storiesOfArticles = async (
  index: StoryIndex,
  articleIds: readonly string[],
): Promise<Map<string, StorySummary>> => {
  const byArticle = new Map<string, StorySummary>();
  for (const [articleId, story] of await storyHeadersOf(index, articleIds))
    byArticle.set(articleId, summariseStory(story));
  return byArticle;
};
