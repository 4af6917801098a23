import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../store/open-store.js';
import { ingestEvents } from './ingest.js';
import { holdWriteLock } from '../../test/hold-write-lock.js';

/**
 * Another process (here another connection) holds the SQLite write lock for 300 ms, as a CLI
 * ingest's batch transaction does, while the serving process ingests (POST /api/ingest, polling):
 * its writes wait without blocking the event loop (src/store/sqlite/wait-for-lock.ts). Saving
 * articles outside a batch transaction blocked it for 5 s, then failed with SQLITE_BUSY.
 */
describe('ingest beside another writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-harden-ingest-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an ingest in the serving process (POST /api/ingest, polling) waits without blocking', async () => {
    const path = join(dir, 'ingest.db');
    const store = await openStore(path);
    try {
      const tick = holdWriteLock(path, 300);
      const text = 'Poland signed a contract for 48 HIMARS launchers on Friday.';
      const summary = await ingestEvents(
        (async function* () {
          yield {
            kind: 'item',
            item: {
              format: 'text',
              provenance: { path: 'api:ingest', recordIndex: 0 },
              raw: text,
              body: { kind: 'text', text },
              authors: [],
              categories: [],
            },
          } as const;
        })(),
        store,
      );
      assert.equal(summary.added, 1);
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
