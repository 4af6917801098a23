import type Database from 'better-sqlite3';
import type { LiveCell, LiveRow, LiveSql } from '../live-sql.js';
import { waitForLock } from './wait-for-lock.js';

/**
 * The sources and watchlists SQL on an SQLite connection (one process: no row locks needed). Run
 * by serve's polling loop beside a separate ingest process: a write waits for that process's
 * transaction without blocking the event loop (wait-for-lock.ts).
 */
export const sqliteLiveSql = (db: Database.Database): LiveSql => ({
  all: (sql, params: readonly LiveCell[] = []) =>
    waitForLock(db, () => db.prepare<LiveCell[], LiveRow>(sql).all(...params)),
  run: (sql, params: readonly LiveCell[] = []) =>
    waitForLock(db, () => db.prepare<LiveCell[]>(sql).run(...params).changes),
  skipLocked: '',
});
