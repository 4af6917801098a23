import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ArticleStore } from '../../store/port.js';
import type { AlertRecord } from '../../store/watchlists-port.js';
import { watchlistsOf } from '../../watchlists/evaluate-new-articles.js';
import { requireWatchlist } from '../../watchlists/watchlist-service.js';
import { HttpError } from '../http-error.js';
import { validate } from '../validate.js';

const ListSchema = z
  .object({
    watchlist: z.string().min(1).optional(),
    unread: z.enum(['0', '1', 'true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.string().min(1).optional(),
  })
  .strict();

const ReadSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(1000).optional(),
    watchlist: z.string().min(1).optional(),
  })
  .strict()
  .refine((v) => v.ids !== undefined || v.watchlist !== undefined, 'give "ids" or "watchlist"');

export const alertJson = (a: AlertRecord) => ({
  id: a.id,
  watchlist_id: a.watchlistId,
  article_id: a.articleId,
  story_id: a.storyId ?? null,
  title: a.title ?? null,
  source: a.source ?? null,
  url: a.url ?? null,
  published: a.published ?? null,
  entities: a.entities,
  ...(a.why ? { why: a.why } : {}),
  created_at: a.createdAt,
  read_at: a.readAt ?? null,
  links: {
    page: `/articles/${encodeURIComponent(a.articleId)}`,
    api: `/api/articles/${encodeURIComponent(a.articleId)}`,
  },
});

/** The alerts list with unread counts (what the UI's alert badge and list read). */
export const addAlertRoutes = (
  app: Hono,
  read: MiddlewareHandler,
  write: MiddlewareHandler,
  store: ArticleStore,
): void => {
  app.get('/api/alerts', read, async (c) => {
    const q = validate(ListSchema, c.req.query(), 'query parameters');
    const watchlists = watchlistsOf(store);
    const w = q.watchlist ? await requireWatchlist(store, q.watchlist) : undefined;
    const items = await watchlists.listAlerts({
      limit: q.limit,
      ...(w ? { watchlistId: w.id } : {}),
      ...(q.unread === '1' || q.unread === 'true' ? { unreadOnly: true } : {}),
      ...(q.before ? { before: q.before } : {}),
    });
    const unread = await watchlists.countUnread();
    return c.json({
      items: items.map(alertJson),
      unread: { total: Object.values(unread).reduce((a, b) => a + b, 0), by_watchlist: unread },
      next_before: items.length === q.limit ? (items[items.length - 1]?.id ?? null) : null,
    });
  });

  app.post('/api/alerts/read', write, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'INVALID_ARGUMENT', 'the body is not JSON');
    }
    const input = validate(ReadSchema, body, 'body');
    const w = input.watchlist ? await requireWatchlist(store, input.watchlist) : undefined;
    const marked = await watchlistsOf(store).markAlertsRead(
      { ...(input.ids ? { ids: input.ids } : {}), ...(w ? { watchlistId: w.id } : {}) },
      new Date().toISOString(),
    );
    return c.json({ marked });
  });
};
