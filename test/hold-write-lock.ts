import Database from 'better-sqlite3';
import { applyConnectionSettings } from '../src/store/sqlite/connection-settings.js';

/** How late a timer due 50 ms after the lock was taken fired: NaN until it has fired. */
export interface TimerLateness {
  late: number;
}

/**
 * For tests: another connection (as another process's ingest batch would) takes the SQLite write
 * lock on `path` and keeps it for `ms`. The returned lateness tells whether this thread's event
 * loop stayed free meanwhile: a write blocked in busy_timeout freezes it for the whole 5 s.
 */
export const holdWriteLock = (path: string, ms: number): TimerLateness => {
  const other = new Database(path);
  applyConnectionSettings(other);
  other.exec('BEGIN IMMEDIATE');
  other.exec("INSERT INTO watch_cursors (name, seq) VALUES ('other', 1)");
  const tick: TimerLateness = { late: Number.NaN };
  const due = performance.now() + 50;
  setTimeout(() => (tick.late = performance.now() - due), 50);
  setTimeout(() => {
    other.exec('COMMIT');
    other.close();
  }, ms);
  return tick;
};
