import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../open-store.js';
import { applyConnectionSettings } from './connection-settings.js';
import { sqliteLiveSql } from './sqlite-live-sql.js';
import { holdWriteLock } from '../../../test/hold-write-lock.js';

/**
 * Another process (here another connection) holds the write lock for 300 ms, as an ingest's batch
 * transaction does. A write from serve's connection must wait for it without blocking the event
 * loop: a timer due in 50 ms fires on time, and the write then succeeds. With the connection's
 * busy_timeout the write blocked this thread for 5 s and failed with SQLITE_BUSY.
 */
describe('a write waiting for another connection’s transaction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-harden-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the live SQL (polling, watchlist cursor) waits without blocking', async () => {
    const path = join(dir, 'live.db');
    const store = await openStore(path);
    const db = new Database(path);
    applyConnectionSettings(db);
    try {
      const tick = holdWriteLock(path, 300);
      const changed = await sqliteLiveSql(db).run(
        "INSERT INTO watch_cursors (name, seq) VALUES ('serve', 2)",
      );
      assert.equal(changed, 1);
      assert.ok(
        // Blocked, it froze for the whole busy_timeout (5 s); 2 s leaves room for load average 40.
        tick.late < 2000,
        `the event loop was blocked: a 50 ms timer ran ${tick.late} ms late`,
      );
      const rows = db.prepare('SELECT name FROM watch_cursors ORDER BY name').all();
      assert.deepEqual(rows, [{ name: 'other' }, { name: 'serve' }]);
    } finally {
      db.close();
      await store.close();
    }
  });

  test('a store transaction (POST /api/ingest, polling ingest) waits without blocking', async () => {
    const path = join(dir, 'store.db');
    const store = await openStore(path);
    try {
      const tick = holdWriteLock(path, 300);
      const ran = await store.inTransaction!(async () => 'ran');
      assert.equal(ran, 'ran');
      assert.ok(
        // Blocked, it froze for the whole busy_timeout (5 s); 2 s leaves room for load average 40.
        tick.late < 2000,
        `the event loop was blocked: a 50 ms timer ran ${tick.late} ms late`,
      );
    } finally {
      await store.close();
    }
  });
});
