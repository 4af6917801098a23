import type { Hono, MiddlewareHandler } from 'hono';
import type { ArticleStore } from '../../store/port.js';

export const addStatsRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/stats', read, async (c) => {
    const stats = await store.countStats();
    return c.json({ backend: store.backend, ...stats });
  });
};
