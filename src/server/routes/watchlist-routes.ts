import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { resolveParty } from '../../services/ledger-views.js';
import type { ArticleStore } from '../../store/port.js';
import { watchlistAtom } from '../../watchlists/atom-feed.js';
import { buildDigest, digestHtml, digestMarkdown } from '../../watchlists/digest.js';
import { sinceInstant } from '../../watchlists/duration.js';
import { watchlistsOf } from '../../watchlists/evaluate-new-articles.js';
import { watchlistJson } from '../../watchlists/watchlist-json.js';
import {
  createWatchlist,
  dryRunWatchlist,
  editWatchlist,
  requireWatchlist,
  type NodeResolver,
  WatchlistInputSchema,
  WatchlistPatchSchema,
} from '../../watchlists/watchlist-service.js';
import { jsonBody } from './json-body.js';
import { validate } from '../validate.js';

const TestSchema = z
  .object({
    since: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
const DigestSchema = z
  .object({
    since: z.string().default('24h'),
    format: z.enum(['md', 'html', 'json']).default('json'),
  })
  .strict();
const FeedSchema = z
  .object({
    token: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Links in digests and feeds point back to where the client reached this server. */
export const publicOrigin = (c: Context): string => new URL(c.req.url).origin;

const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Watchlists (create, edit, pause, test, digest, delivery log) and their Atom feeds. */
export const addWatchlistRoutes = (
  app: Hono,
  read: MiddlewareHandler,
  write: MiddlewareHandler,
  store: ArticleStore,
  kb: () => KnowledgeBase = () => loadKnowledgeBase(),
): void => {
  // Ledger conditions name a node as the graph keys it (the KB id): loaded once, when first asked.
  let loaded: KnowledgeBase | undefined;
  const resolveNode: NodeResolver = (nameOrId) => resolveParty((loaded ??= kb()), nameOrId);
  app.get('/api/watchlists', read, async (c) => {
    const watchlists = watchlistsOf(store);
    const [lists, unread] = [await watchlists.listWatchlists(), await watchlists.countUnread()];
    return c.json({ items: lists.map((w) => watchlistJson(w, unread[w.id] ?? 0)) });
  });

  app.post('/api/watchlists', write, async (c) => {
    const input = validate(WatchlistInputSchema, await jsonBody(c), 'body');
    const created = await createWatchlist(store, input, new Date(), resolveNode);
    // The webhook secret and feed token are shown once, here.
    return c.json(watchlistJson(created, 0, { includeSecrets: true }), 201);
  });

  app.get('/api/watchlists/:id', read, async (c) => {
    const w = await requireWatchlist(store, c.req.param('id'));
    const unread = (await watchlistsOf(store).countUnread())[w.id] ?? 0;
    return c.json(watchlistJson(w, unread));
  });

  app.patch('/api/watchlists/:id', write, async (c) => {
    const input = validate(WatchlistPatchSchema, await jsonBody(c), 'body');
    const updated = await editWatchlist(store, c.req.param('id'), input, new Date(), resolveNode);
    return c.json(
      watchlistJson(updated, (await watchlistsOf(store).countUnread())[updated.id] ?? 0),
    );
  });

  app.delete('/api/watchlists/:id', write, async (c) => {
    const w = await requireWatchlist(store, c.req.param('id'));
    await watchlistsOf(store).removeWatchlist(w.id);
    return c.json({ removed: w.id });
  });

  app.get('/api/watchlists/:id/test', read, async (c) => {
    const q = validate(TestSchema, c.req.query(), 'query parameters');
    const w = await requireWatchlist(store, c.req.param('id'));
    const since = q.since ? sinceInstant(q.since, new Date()) : undefined;
    const result = await dryRunWatchlist(store, w, { ...(since ? { since } : {}), limit: q.limit });
    return c.json({
      matches: result.matches.map((m) => ({
        article_id: m.articleId,
        title: m.title ?? null,
        source: m.source ?? null,
        published: m.published ?? null,
        copies: m.copies,
        entities: m.entities,
      })),
      considered: result.considered,
    });
  });

  app.get('/api/watchlists/:id/digest', read, async (c) => {
    const q = validate(DigestSchema, c.req.query(), 'query parameters');
    const w = await requireWatchlist(store, c.req.param('id'));
    const now = new Date();
    const digest = await buildDigest(store, w, sinceInstant(q.since, now), now);
    if (q.format === 'md')
      return c.body(digestMarkdown(digest, publicOrigin(c)), 200, {
        'content-type': 'text/markdown; charset=utf-8',
      });
    if (q.format === 'html') return c.html(digestHtml(digest, publicOrigin(c)));
    return c.json(digest);
  });

  app.get('/api/watchlists/:id/deliveries', read, async (c) => {
    const w = await requireWatchlist(store, c.req.param('id'));
    const items = await watchlistsOf(store).listDeliveries({ watchlistId: w.id, limit: 100 });
    return c.json({
      items: items.map((d) => ({
        id: d.id,
        alert_id: d.alertId,
        channel: d.channel,
        state: d.state,
        attempts: d.attempts,
        next_attempt_at: d.nextAttemptAt,
        last_error: d.lastError ?? null,
        last_status: d.lastStatus ?? null,
        sent_at: d.sentAt ?? null,
        created_at: d.createdAt,
      })),
    });
  });

  // The Atom feed: the watchlist's feed token in the URL (?token=) or a header lets a feed reader
  // in without a bearer token; otherwise the read rule applies (a bearer token when reads are closed).
  const feed = async (c: Context): Promise<Response> => {
    const q = validate(FeedSchema, c.req.query(), 'query parameters');
    const w = await requireWatchlist(store, c.req.param('id') ?? '');
    if (!sameSecret(q.token ?? c.req.header('x-sitrep-feed-token'), w.feedToken))
      await read(c, async () => undefined);
    const alerts = await watchlistsOf(store).listAlerts({ watchlistId: w.id, limit: q.limit });
    const self = new URL(c.req.url);
    self.searchParams.delete('token');
    return c.body(watchlistAtom(w, alerts, publicOrigin(c), self.toString()), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
    });
  };
  app.get('/watchlists/:id/atom.xml', feed);
  app.get('/api/watchlists/:id/atom.xml', feed);
};
