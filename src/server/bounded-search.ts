import { AppError } from '../core/errors.js';
import { isPostgresLocation } from '../store/open-store.js';
import type { ArticleStore, SearchRequest, SearchResult } from '../store/port.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { SearchWorkerPool, timeoutError } from '../store/sqlite/search-worker-pool.js';

/** Answer within this many milliseconds (a result, or a 503 with a reason): issue 16's bar is 2 s. */
export const DEFAULT_QUERY_BUDGET_MS = 1500;

export interface BoundedSearchStore {
  readonly store: ArticleStore;
  close(): Promise<void>;
}

/** The store with `searchArticles` replaced; every other member is the store's own, bound to it. */
const withSearch = (
  store: ArticleStore,
  search: (request: SearchRequest) => Promise<SearchResult>,
): ArticleStore =>
  new Proxy(store, {
    get(target, property) {
      if (property === 'searchArticles') return search;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });

const POSTGRES_QUERY_CANCELED = '57014';

/**
 * Session settings of the PostgreSQL search pool. `statement_timeout` is the budget. `jit` off: a
 * search is a few short statements, and PostgreSQL 15 compiles any statement whose estimated cost
 * passes jit_above_cost (a common word over a large archive, a wide facet sample) for tens to
 * hundreds of milliseconds before running it, which only ever lengthens a search's tail.
 */
export const searchSessionSettings = (budgetMs: number): Record<string, string> => ({
  statement_timeout: String(budgetMs),
  jit: 'off',
});

/**
 * Searches for a serving process, bounded in time and kept off the event loop: on SQLite in
 * worker threads with their own read-only connections (search-worker-pool.ts); on PostgreSQL
 * through a second pool whose sessions carry `statement_timeout`, so the server cancels the
 * statement itself. Either way a search past its budget is a QUERY_TIMEOUT (HTTP 503).
 */
export const boundSearches = async (
  store: ArticleStore,
  location: string,
  options: { budgetMs?: number; workers?: number } = {},
): Promise<BoundedSearchStore> => {
  const budgetMs = options.budgetMs ?? DEFAULT_QUERY_BUDGET_MS;
  if (isPostgresLocation(location)) {
    const searchStore = await PostgresStore.open({
      url: location,
      poolMax: Math.max(2, options.workers ?? 4),
      applicationName: 'sitrep-search',
      sessionSettings: searchSessionSettings(budgetMs),
    });
    const search = async (request: SearchRequest): Promise<SearchResult> => {
      try {
        return await searchStore.searchArticles(request);
      } catch (error) {
        if ((error as { code?: unknown }).code === POSTGRES_QUERY_CANCELED)
          throw timeoutError(budgetMs);
        throw error;
      }
    };
    return { store: withSearch(store, search), close: () => searchStore.close() };
  }
  if (store.backend !== 'sqlite')
    throw new AppError('INTERNAL', `no bounded search for the ${store.backend} backend`);
  const pool = new SearchWorkerPool({
    path: location,
    budgetMs,
    ...(options.workers ? { workers: options.workers } : {}),
  });
  return { store: withSearch(store, (request) => pool.search(request)), close: () => pool.close() };
};
