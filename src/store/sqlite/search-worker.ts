import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isAppError } from '../../core/errors.js';
import type { SearchRequest } from '../port.js';
import { searchSqlite } from './sqlite-search.js';

/**
 * One search thread: its own read-only connection to the store file (WAL lets it read while the
 * server's connection or an ingest writes), so a slow query blocks this thread, never the
 * server's event loop. Started by search-worker-pool.ts.
 */
const { path } = workerData as { path: string };
const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');

parentPort?.on('message', (request: SearchRequest) => {
  try {
    parentPort?.postMessage({ ok: true, result: searchSqlite(db, request) });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      code: isAppError(error) ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
