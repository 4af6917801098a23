import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../store/postgres/test-database.js';
import type { BackoffPolicy } from '../backoff.js';
import { PostgresQueue } from './postgres-queue.js';

if (skipUnlessPostgres) console.log(`postgres-queue: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

const NO_WAIT: BackoffPolicy = { baseMs: 1, maxMs: 1, jitter: 0 };

const freshQueue = async (
  backoff: BackoffPolicy = NO_WAIT,
): Promise<{ queue: PostgresQueue; url: string }> => {
  const schema = createTestSchema('queue');
  schemas.push(schema);
  return { queue: await PostgresQueue.open({ url: schema.url, backoff }), url: schema.url };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const skip = skipUnlessPostgres;

describe('postgres queue', () => {
  test(
    'earlierRunning: true only while an earlier job of the same kind runs under a live lease',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        await queue.enqueueMany([
          { kind: 'k', payload: { i: 0 } },
          { kind: 'other', payload: { i: 1 } },
          { kind: 'k', payload: { i: 2 } },
        ]);
        const first = await queue.claim('w1', { leaseMs: 10_000, kinds: ['k'] });
        const other = await queue.claim('w2', { leaseMs: 10_000, kinds: ['other'] });
        const third = await queue.claim('w3', { leaseMs: 10_000, kinds: ['k'] });
        assert.ok(first && other && third);
        assert.equal(await queue.earlierRunning(third.id, 'k'), true);
        assert.equal(await queue.earlierRunning(first.id, 'k'), false, 'nothing before the first');
        assert.equal(await queue.earlierRunning(other.id, 'other'), false, 'other kinds ignored');
        await queue.complete(first.id, 'w1');
        assert.equal(await queue.earlierRunning(third.id, 'k'), false, 'done is not running');
      } finally {
        await queue.close();
      }
    },
  );

  test(
    'earlierRunning: a job that has organised all it will is not waited for; claimed again, it is',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        await queue.enqueueMany([
          { kind: 'k', payload: { i: 0 } },
          { kind: 'k', payload: { i: 1 } },
        ]);
        const first = await queue.claim('w1', { leaseMs: 10_000 });
        const second = await queue.claim('w2', { leaseMs: 10_000 });
        assert.ok(first && second);
        await queue.markOrganised(first.id, 'w2');
        assert.equal(await queue.earlierRunning(second.id, 'k'), true, 'only the holder marks');
        await queue.markOrganised(first.id, 'w1');
        assert.equal(await queue.earlierRunning(second.id, 'k'), false);
        assert.equal(await queue.fail(first.id, 'w1', 'boom'), 'queued');
        const again = await queue.claim('w3', { leaseMs: 10_000 });
        assert.equal(again?.id, first.id);
        assert.equal(await queue.earlierRunning(second.id, 'k'), true, 'a retry organises again');
      } finally {
        await queue.close();
      }
    },
  );

  test(
    'nextChange wakes at a job marked organised or completed in this schema, else times out',
    { skip },
    async () => {
      const { queue, url } = await freshQueue();
      const other = await PostgresQueue.open({ url, backoff: NO_WAIT });
      const { queue: elsewhere } = await freshQueue();
      try {
        await queue.enqueueMany([{ kind: 'k', payload: { i: 0 } }]);
        await elsewhere.enqueueMany([{ kind: 'k', payload: { i: 0 } }]);
        const job = await other.claim('w1', { leaseMs: 10_000 });
        const foreign = await elsewhere.claim('w1', { leaseMs: 10_000 });
        assert.ok(job && foreign);
        await queue.nextChange(200); // the first wait starts listening
        const timed = async (wake: () => Promise<unknown>): Promise<number> => {
          const from = Date.now();
          const changed = queue.nextChange(5_000);
          await wake();
          await changed;
          return Date.now() - from;
        };
        assert.ok((await timed(() => other.markOrganised(job.id, 'w1'))) < 2_000, 'organised');
        assert.ok((await timed(() => other.complete(job.id, 'w1'))) < 2_000, 'completed');
        const from = Date.now();
        const quiet = queue.nextChange(300);
        await elsewhere.complete(foreign.id, 'w1');
        await quiet;
        assert.ok(Date.now() - from >= 280, 'another schema does not wake it');
      } finally {
        await Promise.all([queue.close(), other.close(), elsewhere.close()]);
      }
    },
  );

  test(
    'earlierRunning: a job whose lease ran out (its worker died) is not waited for',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        await queue.enqueueMany([
          { kind: 'k', payload: { i: 0 } },
          { kind: 'k', payload: { i: 1 } },
        ]);
        const first = await queue.claim('w1', { leaseMs: 50 });
        const second = await queue.claim('w2', { leaseMs: 10_000 });
        assert.ok(first && second);
        await sleep(120);
        assert.equal(await queue.earlierRunning(second.id, 'k'), false);
      } finally {
        await queue.close();
      }
    },
  );

  test('two concurrent claimers never get the same job', { skip }, async () => {
    const { queue: first, url } = await freshQueue();
    const second = await PostgresQueue.open({ url, backoff: NO_WAIT });
    try {
      await first.enqueueMany(
        Array.from({ length: 30 }, (_, i) => ({ kind: 'k', payload: { i } })),
      );
      const drain = async (queue: PostgresQueue, worker: string): Promise<string[]> => {
        const ids: string[] = [];
        for (;;) {
          const job = await queue.claim(worker, { leaseMs: 10_000 });
          if (!job) return ids;
          ids.push(job.id);
          await sleep(3); // the job's "work", so the claimers interleave
        }
      };
      const [a, b] = await Promise.all([drain(first, 'w1'), drain(second, 'w2')]);
      const all = [...a, ...b];
      assert.equal(all.length, 30);
      assert.equal(new Set(all).size, 30);
      assert.ok(a.length > 0 && b.length > 0, 'both claimers got work');
      assert.deepEqual(await first.countJobs(), { queued: 0, running: 30, done: 0, dead: 0 });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test(
    'a job whose lease expired is reclaimed by another worker; the old owner cannot complete it',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        await queue.enqueue('k', { n: 1 });
        const first = await queue.claim('dead-worker', { leaseMs: 80 });
        assert.ok(first);
        assert.equal(await queue.claim('w2', { leaseMs: 10_000 }), undefined);
        await sleep(150);
        const again = await queue.claim('w2', { leaseMs: 10_000 });
        assert.equal(again?.id, first.id);
        assert.equal(again?.attempts, 2);
        assert.equal(await queue.complete(first.id, 'dead-worker'), false);
        assert.equal(await queue.complete(first.id, 'w2', { ok: true }), true);
        const [done] = await queue.listJobs({ state: 'done' });
        assert.deepEqual(done?.result, { ok: true });
      } finally {
        await queue.close();
      }
    },
  );

  test('heartbeats keep a lease alive', { skip }, async () => {
    const { queue } = await freshQueue();
    try {
      await queue.enqueue('k', {});
      const job = await queue.claim('w1', { leaseMs: 100 });
      for (let i = 0; i < 4; i++) {
        await sleep(50);
        assert.equal(await queue.heartbeat(job!.id, 'w1', 100), true);
      }
      assert.equal(await queue.claim('w2', { leaseMs: 100 }), undefined);
      assert.equal(await queue.heartbeat(job!.id, 'someone-else', 100), false);
    } finally {
      await queue.close();
    }
  });

  test('a failed job waits out its backoff, then runs again', { skip }, async () => {
    const { queue } = await freshQueue({ baseMs: 300, maxMs: 10_000, jitter: 0 });
    try {
      await queue.enqueue('k', {});
      const job = await queue.claim('w1', { leaseMs: 10_000 });
      assert.equal(await queue.fail(job!.id, 'w1', 'disk full'), 'queued');
      const [queued] = await queue.listJobs({ state: 'queued' });
      assert.equal(queued?.lastError, 'disk full');
      const waitMs = Date.parse(queued!.runAfter) - Date.parse(queued!.updatedAt);
      assert.ok(waitMs >= 290 && waitMs <= 310, `backoff of ${waitMs} ms`);
      assert.equal(await queue.claim('w1', { leaseMs: 10_000 }), undefined);
      await sleep(350);
      const retried = await queue.claim('w1', { leaseMs: 10_000 });
      assert.equal(retried?.id, job!.id);
      assert.equal(retried?.attempts, 2);
    } finally {
      await queue.close();
    }
  });

  test(
    'after max attempts a job is dead-lettered with its last error, and can be retried',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        await queue.enqueue('k', { file: 'x' }, { maxAttempts: 3 });
        const states: (string | undefined)[] = [];
        for (let attempt = 1; attempt <= 3; attempt++) {
          await sleep(5);
          const job = await queue.claim('w1', { leaseMs: 10_000 });
          assert.equal(job?.attempts, attempt);
          states.push(await queue.fail(job!.id, 'w1', `boom ${attempt}`));
        }
        assert.deepEqual(states, ['queued', 'queued', 'dead']);
        const [dead] = await queue.listJobs({ state: 'dead' });
        assert.equal(dead?.lastError, 'boom 3');
        assert.equal(await queue.claim('w1', { leaseMs: 10_000 }), undefined);
        assert.equal((await queue.countJobs()).dead, 1);
        assert.equal(await queue.retryDead(), 1);
        assert.equal((await queue.claim('w1', { leaseMs: 10_000 }))?.attempts, 1);
      } finally {
        await queue.close();
      }
    },
  );

  test('a permanent failure is dead at once', { skip }, async () => {
    const { queue } = await freshQueue();
    try {
      await queue.enqueue('k', {});
      const job = await queue.claim('w1', { leaseMs: 10_000 });
      assert.equal(await queue.fail(job!.id, 'w1', 'no such file', { permanent: true }), 'dead');
    } finally {
      await queue.close();
    }
  });

  test(
    'dedupe keys enqueue once; a dead job is revived by enqueueing it again',
    { skip },
    async () => {
      const { queue } = await freshQueue();
      try {
        const first = await queue.enqueue('k', { p: 1 }, { dedupeKey: 'file-a', maxAttempts: 1 });
        const again = await queue.enqueue('k', { p: 1 }, { dedupeKey: 'file-a' });
        assert.deepEqual(again, { id: first.id, enqueued: false });
        const many = await queue.enqueueMany([
          { kind: 'k', payload: {}, dedupeKey: 'file-a' },
          { kind: 'k', payload: {}, dedupeKey: 'file-b' },
          { kind: 'k', payload: {}, dedupeKey: 'file-b' },
          { kind: 'other', payload: {}, dedupeKey: 'file-a' },
        ]);
        assert.deepEqual(
          many.map((r) => r.enqueued),
          [false, true, false, true],
        );
        assert.equal(many[1]?.id, many[2]?.id);
        const job = await queue.claim('w1', { leaseMs: 10_000, kinds: ['k'] });
        assert.equal(job?.id, first.id);
        assert.equal(await queue.fail(job!.id, 'w1', 'bad'), 'dead');
        assert.equal((await queue.enqueue('k', { p: 1 }, { dedupeKey: 'file-a' })).enqueued, true);
        assert.equal((await queue.listJobs({ state: 'queued', kind: 'k' })).length, 2);
      } finally {
        await queue.close();
      }
    },
  );
});
