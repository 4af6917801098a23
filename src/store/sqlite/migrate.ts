import type Database from 'better-sqlite3';
import { AppError } from '../../core/errors.js';
import { SQLITE_MIGRATIONS, type Migration } from './migrations.js';

/** Applies every migration not yet recorded, each in its own transaction; safe to call on every open. */
export const migrateSqlite = (
  db: Database.Database,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
): number[] => {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, new Date().toISOString());
      })();
    } catch (cause) {
      throw new AppError(
        'STORE_MIGRATION',
        `migration ${migration.version} (${migration.name}) failed: ${(cause as Error).message}`,
        { cause },
      );
    }
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
};
