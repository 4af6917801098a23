import type { Hono, MiddlewareHandler } from 'hono';
import type { ArticleStore, Page } from '../../store/port.js';
import { figureParamsSchema, quoteParamsSchema, relationParamsSchema } from '../api-schemas.js';
import { definedOptions as defined } from '../defined-options.js';
import { validate } from '../validate.js';

const pageBody = <T>(page: Page<T>) => ({
  items: page.items,
  next_cursor: page.nextCursor ?? null,
});

/**
 * Figures, quotes and relations across the archive, each with the article (and character offsets)
 * it came from, newest article first.
 */
export const addFactRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/figures', read, async (c) => {
    const p = validate(figureParamsSchema, c.req.query(), 'query parameters');
    const page = await store.listFigures({
      limit: p.limit,
      ...defined({
        entityId: p.entity,
        articleId: p.article,
        kind: p.kind,
        unit: p.unit,
        cursor: p.cursor,
      }),
    });
    return c.json(pageBody(page));
  });

  app.get('/api/quotes', read, async (c) => {
    const p = validate(quoteParamsSchema, c.req.query(), 'query parameters');
    const page = await store.listQuotes({
      limit: p.limit,
      ...defined({
        speakerId: p.speaker,
        entityId: p.entity,
        articleId: p.article,
        cursor: p.cursor,
      }),
    });
    return c.json(pageBody(page));
  });

  app.get('/api/relations', read, async (c) => {
    const p = validate(relationParamsSchema, c.req.query(), 'query parameters');
    const page = await store.listRelations({
      limit: p.limit,
      ...defined({
        entityId: p.entity,
        articleId: p.article,
        predicate: p.predicate,
        cursor: p.cursor,
      }),
    });
    return c.json(pageBody(page));
  });
};
