import type Database from 'better-sqlite3';

/**
 * How long a statement keeps trying for the write lock before its SQLITE_BUSY is passed on: an
 * ingest commits a batch every few seconds (organising 200 articles is one transaction), so a
 * serving process's small write usually gets in within one batch.
 */
export const LOCK_WAIT_MS = 60_000;

const isBusy = (error: unknown): boolean =>
  /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code ?? ''));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a statement (or `BEGIN IMMEDIATE`) without blocking this thread while another connection
 * holds the write lock. better-sqlite3 is synchronous: with the connection's busy_timeout (5 s)
 * a write waiting for another process's transaction blocks the event loop, and in `sitrep serve`
 * every request with it. That was the SQLITE_BUSY of bench/load: the live-polling loop's small
 * writes (claiming due sources, the watchlist cursor) waited 5 s for the ingest's batch
 * transactions, froze the server (searches answered 503, max 5.2 s), then failed with "database
 * is locked". Here the statement is tried with busy_timeout 0 and retried after a pause
 * (5 ms doubling to 100 ms) that leaves the event loop free, up to `waitMs`.
 *
 * Inside a transaction the statement runs as it is: the transaction holds the lock already (an
 * IMMEDIATE one), or retrying one statement could not help (a stale read snapshot).
 */
export const waitForLock = async <T>(
  db: Database.Database,
  statement: () => T,
  waitMs = LOCK_WAIT_MS,
): Promise<T> => {
  if (db.inTransaction) return statement();
  const started = performance.now();
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
    db.pragma('busy_timeout = 0');
    try {
      return statement();
    } catch (error) {
      if (!isBusy(error) || performance.now() - started >= waitMs) throw error;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    await sleep(pause);
  }
};
