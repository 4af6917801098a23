import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../store/postgres/test-database.js';
import type { JobContext } from '../handler-registry.js';
import { turnUnderLock } from '../handlers/ingest-file.js';
import { PostgresQueue } from './postgres-queue.js';

if (skipUnlessPostgres) console.log(`turn-under-lock: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

test(
  "a later job's story transaction waits under the lock until the earlier job's commit carries its mark",
  { skip: skipUnlessPostgres, timeout: 60_000 },
  async () => {
    const schema = createTestSchema('turnlock');
    schemas.push(schema);
    const queue = await PostgresQueue.open({ url: schema.url });
    // Two stores = two worker processes on the queue's schema.
    const first = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    const second = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    try {
      await queue.enqueueMany([
        { kind: 'k', payload: { i: 0 } },
        { kind: 'k', payload: { i: 1 } },
      ]);
      const earlier = await queue.claim('w1', { leaseMs: 30_000 });
      const later = await queue.claim('w2', { leaseMs: 30_000 });
      assert.ok(earlier && later);
      const events: string[] = [];
      const context = {
        signal: new AbortController().signal,
        workerId: 'w2',
        earlierRunning: () => queue.earlierRunning(later.id, 'k'),
        nextChange: (ms: number) => queue.nextChange(ms),
      } satisfies JobContext;
      // Some work of its own already done, so the bounded wait has room (3x its work).
      const started = Date.now() - 5_000;
      const check = turnUnderLock(context, started, queue.earlierRunningCheck(later.id, 'k'));
      const laterRun = second.organiseInTurn(
        () => Promise.reject(new Error('turn() is not awaited when checked under the lock')),
        () =>
          second.inTransaction(async () => {
            await second.stories.lastOrder();
            events.push('later organises');
          }, 'stories'),
        { underLock: check },
      );
      // The later job tried, found the earlier one still running, and waits for a change.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(events.length, 0);
      const mark = { statement: queue.organisedStatement(earlier.id, 'w1'), marked: false };
      await first.organiseInTurn(
        async () => undefined,
        () =>
          first.inTransaction(async () => {
            await first.stories.lastOrder();
            events.push('earlier organises');
            first.lastOrganising();
          }, 'stories'),
        { organised: mark },
      );
      await laterRun;
      assert.deepEqual(events, ['earlier organises', 'later organises']);
      assert.equal(mark.marked, true);
      assert.equal(await queue.earlierRunning(later.id, 'k'), false, 'the mark was committed');
      const stats = second.organiseLockStats();
      assert.ok(stats.batches >= 2, 'at least one attempt turned back before the one that ran');
      assert.ok(stats.turnWaitSeconds > 0.2);
    } finally {
      await Promise.all([queue.close(), first.close(), second.close()]);
    }
  },
);
