import type pg from 'pg';
import { AppError } from '../../core/errors.js';

/** One append-only schema step. Never edit a shipped entry: add a new one. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration in a database takes this advisory lock, so workers starting together (and
 * test files creating schemas concurrently) never apply a step twice or race on CREATE EXTENSION.
 */
const MIGRATION_LOCK_KEY = 7_311_992_001;

const LEDGER_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Applies every migration not yet recorded in `ledger` (a table in the current schema), each in its
 * own transaction. Safe to call on every open. Returns the versions applied now.
 */
export const migratePostgres = async (
  pool: pg.Pool,
  migrations: readonly PostgresMigration[],
  ledger: string,
): Promise<number[]> => {
  if (!LEDGER_NAME.test(ledger)) throw new AppError('INTERNAL', `bad ledger name ${ledger}`);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    // A pool may carry a tight statement_timeout (the search pool's budget is the session default);
    // migrating and waiting for another process's migration must never be cut short by it.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ledger} (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ version: number }>(`SELECT version FROM ${ledger}`)).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${ledger} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (cause) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new AppError(
          'STORE_MIGRATION',
          `PostgreSQL migration ${ledger} ${migration.version} (${migration.name}) failed: ${(cause as Error).message}`,
          { cause },
        );
      }
      applied.push(migration.version);
    }
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    // Back to the session's own default (its startup options), so the pool keeps its budget.
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
  return applied;
};
