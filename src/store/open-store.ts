import type { ArticleStore } from './port.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { assertSqliteFileOrNew } from './sqlite/sqlite-file-check.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/** True for a postgres:// or postgresql:// URL (a `?schema=` parameter selects the schema). */
export const isPostgresLocation = (location: string): boolean =>
  /^postgres(ql)?:\/\//i.test(location);

/**
 * Chooses the backend from a location: a postgres:// URL selects PostgreSQL, anything else is
 * a path to an SQLite file. Called only from the composition root (CLI, server, worker).
 */
export const openStore = async (location: string): Promise<ArticleStore> => {
  if (isPostgresLocation(location)) return PostgresStore.open({ url: location });
  assertSqliteFileOrNew(location);
  return SqliteStore.open({ path: location });
};
