import { Hono } from 'hono';
import type { ArticleStore } from '../store/port.js';
import { requireScope, type AuthOptions } from './auth.js';
import { hostCheck } from './host-check.js';
import { toErrorResponse } from './http-error.js';
import { buildOpenApiDocument } from './openapi.js';
import { addArticleRoutes } from './routes/article-routes.js';
import { addEntityRoutes } from './routes/entity-routes.js';
import { addFactRoutes } from './routes/fact-routes.js';
import { addIngestRoutes } from './routes/ingest-routes.js';
import { addSearchRoutes } from './routes/search-routes.js';
import { addStatsRoutes } from './routes/stats-routes.js';
import { addStoryRoutes } from './routes/story-routes.js';
import { addLedgerRoutes } from './routes/ledger-routes.js';
import { addAlertRoutes } from './routes/alert-routes.js';
import { addSourceRoutes } from './routes/source-routes.js';
import { addAdminRoutes, type BackupProvider } from './routes/admin-routes.js';
import { addTokenRoutes } from './routes/token-routes.js';
import { addWatchlistRoutes } from './routes/watchlist-routes.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { securityHeaders } from './security-headers.js';
import { addUiRoutes } from './ui/ui-routes.js';

export interface AppOptions {
  readonly store: ArticleStore;
  readonly auth: AuthOptions;
  /**
   * Host names (no port) the app answers to; others get a 403. Set it to LOOPBACK_HOSTNAMES when
   * bound to localhost with open reads. Absent: any host.
   */
  readonly allowedHostnames?: readonly string[];
  /** Shown in the OpenAPI document. */
  readonly version?: string;
  /** Where unexpected errors are logged (their details never reach the client). */
  readonly logError?: (error: unknown) => void;
  /** Per-client and per-token limits weighted by cost (rate-limit.ts); absent: none (tests). */
  readonly rateLimits?: RateLimitOptions;
  /** Clock for provenance of API ingests; injectable for tests. */
  readonly now?: () => Date;
  /** How POST /api/admin/backup backs up the served store; absent: that endpoint answers 501. */
  readonly backup?: BackupProvider;
}

/** The HTTP API and the web UI as one Hono app; `app.request()` runs it in-process for tests. */
export const createApp = (options: AppOptions): Hono => {
  const { store, auth } = options;
  const clock = options.now ?? (() => new Date());
  const read = requireScope(store, auth, 'read', clock);
  const write = requireScope(store, auth, 'write', clock);
  const admin = requireScope(store, auth, 'admin', clock);
  const openApi = buildOpenApiDocument(options.version ?? '0.0.0');
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  const app = new Hono();
  app.use('*', securityHeaders);
  if (options.allowedHostnames) app.use('*', hostCheck(options.allowedHostnames));
  if (options.rateLimits) app.use('*', rateLimit(options.rateLimits));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openApi));
  addSearchRoutes(app, read, store);
  addArticleRoutes(app, read, store);
  addStatsRoutes(app, read, store);
  addEntityRoutes(app, read, store);
  addFactRoutes(app, read, store);
  addStoryRoutes(app, read, store);
  addLedgerRoutes(app, read, store);
  addIngestRoutes(app, write, store, clock);
  addTokenRoutes(app, admin, store, clock);
  addAdminRoutes(app, admin, options.backup);
  if (store.sources) addSourceRoutes(app, read, write, store);
  if (store.watchlists) addWatchlistRoutes(app, read, write, store);
  if (store.watchlists) addAlertRoutes(app, read, write, store);
  addUiRoutes(app, store, auth);

  app.notFound((c) =>
    c.json(
      { error: { code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const { status, body } = toErrorResponse(error);
    // 501 is a known gap of the backend (no story index), not a fault worth a log line.
    if (status >= 500 && status !== 501) logError(error);
    return c.json(body, status);
  });
  return app;
};
