import type Database from 'better-sqlite3';
import type { LiveCell, LiveRow, LiveSql } from '../live-sql.js';

/** The sources and watchlists SQL on an SQLite connection (one process: no row locks needed). */
export const sqliteLiveSql = (db: Database.Database): LiveSql => ({
  all: async (sql, params: readonly LiveCell[] = []) =>
    db.prepare<LiveCell[], LiveRow>(sql).all(...params),
  run: async (sql, params: readonly LiveCell[] = []) =>
    db.prepare<LiveCell[]>(sql).run(...params).changes,
  skipLocked: '',
});
