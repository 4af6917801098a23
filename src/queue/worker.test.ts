import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseQuery } from '../search/index.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../store/postgres/test-database.js';
import { enqueueIngest } from './enqueue-ingest.js';
import { HandlerRegistry } from './handler-registry.js';
import { ingestFileHandler } from './handlers/ingest-file.js';
import { JOB_KINDS } from './job-kinds.js';
import { PostgresQueue } from './postgres/postgres-queue.js';
import { runWorker } from './worker.js';

if (skipUnlessPostgres) console.log(`worker: ${skipUnlessPostgres}`);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-worker-'));
const schemas: TestSchema[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((s) => s.drop()));
});

const STORIES = [
  [
    'Estonia receives HIMARS',
    'The first HIMARS launchers arrived in Tallinn on Monday, the ministry said.',
  ],
  [
    'Patriot batteries for Germany',
    'Germany ordered four more Patriot batteries to replace those sent abroad.',
  ],
  [
    'Frigate programme delayed',
    'The navy confirmed that the new frigate will enter service a year late.',
  ],
];

test(
  'a worker drains ingest jobs into the store, once per file, and dead-letters a missing file',
  { skip: skipUnlessPostgres },
  async () => {
    const schema = createTestSchema('worker');
    schemas.push(schema);
    STORIES.forEach(([title, text], i) => {
      writeFileSync(join(dir, `story-${i}.txt`), `${title}\n\n${text}\n${text}\n`);
    });
    const store = await PostgresStore.open({ url: schema.url });
    const queue = await PostgresQueue.open({ url: schema.url });
    try {
      assert.deepEqual(await enqueueIngest([dir], queue), {
        enqueued: 3,
        alreadyQueued: 0,
        files: 3,
      });
      assert.deepEqual(await enqueueIngest([dir], queue), {
        enqueued: 0,
        alreadyQueued: 3,
        files: 3,
      });
      await queue.enqueue(JOB_KINDS.ingestFile, { path: join(dir, 'vanished.txt') });

      const handlers = new HandlerRegistry().register(
        JOB_KINDS.ingestFile,
        ingestFileHandler(store),
      );
      const summary = await runWorker({
        queue,
        handlers,
        workerId: 'test-worker',
        concurrency: 2,
        once: true,
      });
      assert.deepEqual(summary, { done: 3, failed: 1, dead: 1 });

      const stats = await store.countStats();
      assert.equal(stats.articles, 3);
      const query = parseQuery('patriot');
      assert.ok(query.ok);
      const { hits } = await store.searchArticles({ query: query.value, limit: 5 });
      assert.deepEqual(
        hits.map((h) => h.title),
        ['Patriot batteries for Germany'],
      );
      const [dead] = await queue.listJobs({ state: 'dead' });
      assert.match(dead?.lastError ?? '', /vanished\.txt/);
      const done = await queue.listJobs({ state: 'done' });
      assert.equal(done.length, 3);
      assert.equal((done[0]?.result as { added?: number } | undefined)?.added, 1);
    } finally {
      await Promise.all([store.close(), queue.close()]);
    }
  },
);
