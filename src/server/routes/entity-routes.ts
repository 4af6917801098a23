import type { Hono, MiddlewareHandler } from 'hono';
import { relatedStories } from '../../services/entity-stories.js';
import { entitySearchQuery } from '../../services/entity-query.js';
import type { ArticleStore } from '../../store/port.js';
import { entityIdSchema, entityListParamsSchema, entityParamsSchema } from '../api-schemas.js';
import { definedOptions } from '../defined-options.js';
import { HttpError } from '../http-error.js';
import { validate } from '../validate.js';
import { storyLinks } from '../story-links.js';

/** The entity index and one entity's page data: who or what it is, over time, with its facts. */
export const addEntityRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/entities', read, async (c) => {
    const p = validate(entityListParamsSchema, c.req.query(), 'query parameters');
    const items = await store.listEntities({
      limit: p.limit,
      ...definedOptions({ type: p.type, namePrefix: p.prefix }),
    });
    return c.json({ items });
  });

  app.get('/api/entities/:id', read, async (c) => {
    const key = validate(entityIdSchema, c.req.param('id'), 'entity id');
    const { limit } = validate(entityParamsSchema, c.req.query(), 'query parameters');
    const entity = await store.getEntity(key);
    if (!entity) throw new HttpError(404, 'NOT_FOUND', `no entity with id or name "${key}"`);
    const id = entity.id;
    const [timeline, cooccurring, quotesBy, quotesNear, relations, figures, related] =
      await Promise.all([
        store.entityTimeline(id),
        store.listCooccurringEntities(id, limit),
        store.listQuotes({ speakerId: id, limit }),
        // One page more than shown: the entity's own quotes are taken out of "about" below.
        store.listQuotes({ entityId: id, limit: limit * 2 }),
        store.listRelations({ entityId: id, limit }),
        store.listFigures({ entityId: id, limit }),
        store.stories ? relatedStories(store, store.stories, id, limit, entity) : undefined,
      ]);
    const query = entitySearchQuery(id);
    const encoded = encodeURIComponent(id);
    return c.json({
      entity,
      timeline,
      cooccurring,
      quotes_by: quotesBy.items,
      // Quotes in articles that mention it, by someone else: what is said around it.
      quotes_about: quotesNear.items.filter((q) => q.speakerId !== id).slice(0, limit),
      relations: relations.items,
      figures: figures.items,
      // null when the store keeps no story index (optional on the port).
      related_stories: related
        ? related.stories.map((story) => ({ ...story, links: storyLinks(story.id) }))
        : null,
      links: {
        page: `/entities/${encoded}`,
        search: `/api/search?q=${encodeURIComponent(query)}`,
        search_query: query,
        quotes_by: `/api/quotes?speaker=${encoded}`,
        quotes_about: `/api/quotes?entity=${encoded}`,
        relations: `/api/relations?entity=${encoded}`,
        figures: `/api/figures?entity=${encoded}`,
        stories: `/api/stories?entity=${encoded}`,
      },
    });
  });
};
