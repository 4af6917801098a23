import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HandlerRegistry } from '../../src/queue/handler-registry.js';
import { PostgresQueue } from '../../src/queue/postgres/postgres-queue.js';
import { runWorker } from '../../src/queue/worker.js';
import { LiveRuntime } from '../../src/sources/live-runtime.js';
import {
  enqueueDueSources,
  POLL_SOURCE_JOB,
  registerPollSourceJob,
} from '../../src/sources/poll-source-job.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../src/store/postgres/test-database.js';
import { createWatchlist } from '../../src/watchlists/watchlist-service.js';
import { FeedFixtureServer } from './feed-fixture-server.js';
import { loopbackFetcher, testConfig } from './live-harness.js';
import { WebhookReceiver } from './webhook-receiver.js';

/**
 * PostgreSQL: sources polled by several `sitrep worker`s through the job queue. Each source is
 * enqueued three times over (as several schedulers would) and two workers run at once: the source
 * lease still lets only one of them fetch it, and the watchlist alerts once.
 */
const skip = skipUnlessPostgres;
const server = new FeedFixtureServer();
const hooks = new WebhookReceiver();
let schema: TestSchema | undefined;

before(async () => {
  await server.listen();
  await hooks.listen();
});
after(async () => {
  await server.close();
  await hooks.close();
  await schema?.drop();
});

test('two workers never fetch the same source at once; alerts fire once', { skip }, async () => {
  schema = createTestSchema('workers');
  const stores = [
    await PostgresStore.open({ url: schema.url, poolMax: 4 }),
    await PostgresStore.open({ url: schema.url, poolMax: 4 }),
  ];
  const queue = await PostgresQueue.open({ url: schema.url });
  const [first, second] = stores as [PostgresStore, PostgresStore];
  const runtimes = stores.map(
    (store) =>
      new LiveRuntime({
        store,
        config: testConfig({ perHostLimit: 8 }),
        fetcher: loopbackFetcher(),
      }),
  );
  server.delayMs = 100;
  try {
    const urls = Array.from({ length: 12 }, (_, i) => {
      server.setFile(
        `/w/${i}.xml`,
        Buffer.from(
          `<rss version="2.0"><channel><title>Worker feed ${i}</title><item><title>Report ${i}</title><guid>r-${i}</guid><description>${i === 3 ? 'A frigate was launched.' : 'Routine update.'}</description></item></channel></rss>`,
        ),
      );
      return server.url(`/w/${i}.xml`);
    });
    await first.sources.addSources(
      urls.map((url) => ({ url, fullText: 'never' as const })),
      new Date().toISOString(),
    );
    await createWatchlist(
      first,
      { name: 'frigates', query: 'frigate', webhook: { url: hooks.url } },
      new Date(),
    );
    assert.equal(await enqueueDueSources(first, queue), 12);
    assert.equal(
      await enqueueDueSources(first, queue),
      0,
      'the same due instant is not enqueued twice',
    );
    // Extra jobs for the same sources, as a second scheduler would add.
    const sources = await first.sources.listSources();
    await queue.enqueueMany(
      sources.flatMap((s) =>
        [0, 1].map((n) => ({
          kind: POLL_SOURCE_JOB,
          payload: { sourceId: s.id },
          dedupeKey: `extra-${n}-${s.id}`,
          maxAttempts: 1,
        })),
      ),
    );

    const workers = stores.map((store, i) =>
      runWorker({
        queue,
        handlers: registerPollSourceJob(new HandlerRegistry(), store, runtimes[i]!),
        workerId: `w${i}`,
        concurrency: 4,
        pollMs: 20,
        once: true,
      }),
    );
    const summaries = await Promise.all(workers);
    assert.equal(
      summaries.reduce((n, s) => n + s.done, 0),
      36,
    );

    const fetchesByPath = new Map<string, number>();
    for (const request of server.seen)
      if (request.path.startsWith('/w/'))
        fetchesByPath.set(request.path, (fetchesByPath.get(request.path) ?? 0) + 1);
    assert.equal(fetchesByPath.size, 12);
    for (const [path, count] of fetchesByPath)
      assert.equal(count, 1, `${path} fetched ${count} times`);
    assert.equal((await second.countStats()).articles, 12);
    const polled = await second.sources.listSources();
    assert.ok(
      polled.every((s) => s.polls === 1 && s.etag),
      'each source polled once and recorded',
    );
    await hooks.waitFor(1);
    assert.equal(hooks.received.length, 1, 'one alert, delivered once');
  } finally {
    server.delayMs = 0;
    for (const runtime of runtimes) await runtime.close();
    await queue.close();
    for (const store of stores) await store.close();
  }
});
