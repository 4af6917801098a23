import type { RelationRecord } from '../core/enrichment.js';
import type { StorySummary } from '../stories/story-listing.js';
import type { ArticleStore, EntitySummary, Fact } from '../store/port.js';
import { entityContext, newestArticlesOf, type EntityContext } from './entity-context.js';
import { ENTITY_ARTICLES_SCANNED, type RelatedStory } from './entity-stories.js';
import type { StoryIndex } from '../stories/story-index.js';
import { summariseStory } from '../stories/story-listing.js';
import { kbProfile, type KbProfile } from './kb-facts.js';

/** Everything the entity page shows, read in one go. */
export interface EntityView {
  readonly entity: EntitySummary;
  readonly timeline: { month: string; articles: number }[];
  readonly context: EntityContext;
  /** Relations where it is subject or object. */
  readonly relations: Fact<RelationRecord>[];
  readonly stories: (StorySummary & Pick<RelatedStory, 'entity_articles'>)[] | null;
  readonly kb: KbProfile | undefined;
}

/** Stories holding the entity's newest articles, most such articles first, then most recent. */
const storiesOfEntity = async (
  store: ArticleStore,
  index: StoryIndex,
  entityId: string,
  limit: number,
): Promise<RelatedStory[]> => {
  const { ids } = await newestArticlesOf(store, entityId, ENTITY_ARTICLES_SCANNED);
  const counts = new Map<string, number>();
  for (const id of ids) {
    const member = await index.getMembership(id);
    if (member) counts.set(member.storyId, (counts.get(member.storyId) ?? 0) + 1);
  }
  const stories: RelatedStory[] = [];
  for (const [storyId, count] of counts) {
    const story = await index.getStory(storyId);
    if (story) stories.push({ ...summariseStory(story), entity_articles: count });
  }
  return stories
    .sort(
      (a, b) =>
        b.entity_articles - a.entity_articles ||
        (b.last_seen ?? '').localeCompare(a.last_seen ?? '') ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
};

export const entityView = async (
  store: ArticleStore,
  idOrName: string,
  limit: number,
): Promise<EntityView | undefined> => {
  const entity = await store.getEntity(idOrName);
  if (!entity) return undefined;
  const kb = kbProfile(entity.id);
  const [timeline, context, relations, stories] = await Promise.all([
    store.entityTimeline(entity.id),
    entityContext(store, entity.id, {
      limit,
      aliases: kb ? [kb.name, ...kb.aliases] : [],
      articlesTotal: entity.articles,
    }),
    store.listRelations({ entityId: entity.id, limit }),
    store.stories ? storiesOfEntity(store, store.stories, entity.id, 8) : undefined,
  ]);
  return {
    entity,
    timeline,
    context,
    relations: relations.items,
    stories: stories ?? null,
    kb,
  };
};
