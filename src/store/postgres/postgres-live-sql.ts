import type pg from 'pg';
import type { LiveCell, LiveRow, LiveSql } from '../live-sql.js';

/** `?` -> $1, $2, …; the live SQL has no `?` inside literals. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The sources and watchlists SQL on a PostgreSQL pool; claims skip rows another worker holds. */
export const postgresLiveSql = (pool: pg.Pool): LiveSql => ({
  all: async (sql, params: readonly LiveCell[] = []) =>
    (await pool.query<LiveRow>(numbered(sql), [...params])).rows,
  run: async (sql, params: readonly LiveCell[] = []) =>
    (await pool.query(numbered(sql), [...params])).rowCount ?? 0,
  skipLocked: ' FOR UPDATE SKIP LOCKED',
});
