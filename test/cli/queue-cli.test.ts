import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../src/store/postgres/test-database.js';
import { repoPath } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const schemas: TestSchema[] = [];
const dir = tempDir('sitrep-queue-cli-');
after(async () => {
  dir.remove();
  await Promise.all(schemas.map((s) => s.drop()));
});

test(
  'ingest --queue then worker --once stores what an in-process ingest stores',
  { skip: skipUnlessPostgres, timeout: 120_000 },
  async () => {
    const schema = createTestSchema('queuecli');
    schemas.push(schema);
    const sample = repoPath('examples/sample');
    const enqueued = await runSitrep(['ingest', sample, '--queue', '--db', schema.url, '--json']);
    assert.equal(enqueued.code, 0, enqueued.stderr);
    const files = enqueued.json<{ enqueued: number; files: number }>();
    assert.ok(files.enqueued >= 15, `enqueued ${files.enqueued}`);
    const again = await runSitrep(['ingest', sample, '--queue', '--db', schema.url, '--json']);
    assert.equal(again.json<{ enqueued: number }>().enqueued, 0, 'the same files are queued once');

    const worker = await runSitrep(['worker', '--once', '--quiet', '--db', schema.url]);
    assert.equal(worker.code, 0, worker.stderr);
    const viaQueue = (await runSitrep(['stats', '--db', schema.url, '--json'])).json<{
      articles: number;
      feeds: number;
    }>();
    const local = (
      await runSitrep(['ingest', sample, '--db', `${dir.path}/local.db`, '--json'])
    ).json<{ added: number }>();
    assert.equal(viaQueue.articles, local.added);
    assert.equal(viaQueue.feeds, 6);

    const jobs = (await runSitrep(['jobs', '--db', schema.url, '--json'])).json<{
      counts: { done: number; dead: number; queued: number };
    }>();
    assert.equal(jobs.counts.dead, 0);
    assert.equal(jobs.counts.queued, 0);
  },
);

test('ingest --queue on an SQLite store is a clear usage error', async () => {
  const run = await runSitrep([
    'ingest',
    repoPath('examples/sample'),
    '--queue',
    '--db',
    `${dir.path}/x.db`,
  ]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /postgres/i);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});
