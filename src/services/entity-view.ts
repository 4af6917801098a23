import type { RelationRecord } from '../core/enrichment.js';
import type { StorySummary } from '../stories/story-listing.js';
import type { ArticleStore, EntitySummary, Fact } from '../store/port.js';
import { entityContext, type EntityContext } from './entity-context.js';
import { relatedStories, type RelatedStory } from './entity-stories.js';
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
    store.stories ? relatedStories(store, store.stories, entity.id, 8, entity) : undefined,
  ]);
  return {
    entity,
    timeline,
    context,
    relations: relations.items,
    stories: stories?.stories ?? null,
    kb,
  };
};
