import type Database from 'better-sqlite3';

/**
 * Settings of every connection the SQLite store opens (benchmarks apply the same, so their figures
 * are the store's):
 * - WAL, so the server reads while ingest writes; NORMAL is durable across process crashes (kill -9)
 *   in WAL mode, only an OS crash may lose the last commit.
 * - A 256 MiB page cache instead of SQLite's 2 MiB: a million-article store is gigabytes, and its
 *   indexes (search, near-duplicate chunks, fingerprint keys) are read at random on every article.
 * - A checkpoint every 64 MiB of WAL instead of 4 MiB: ingest commits a batch every few hundred
 *   articles, and checkpointing after nearly every one cost a third of commit time (measured with
 *   bench/dedup-scale.ts at 300k articles: commits 14.5 s -> 9.6 s).
 */
export const applyConnectionSettings = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -262144');
  db.pragma('wal_autocheckpoint = 16384');
};
