import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCommand } from '../../test/server/command-runner.js';
import { enqueueIngest } from '../queue/enqueue-ingest.js';
import { PostgresQueue } from '../queue/postgres/postgres-queue.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { draftFor } from '../store/store-contract.suite.js';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../store/postgres/test-database.js';
import { register as registerJobs } from './jobs-command.js';
import { register as registerMigrate } from './migrate-command.js';
import { register as registerWorker } from './worker-command.js';

if (skipUnlessPostgres) console.log(`postgres commands: ${skipUnlessPostgres}`);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-cli-'));
const schemas: TestSchema[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(schemas.map((s) => s.drop()));
});
const freshUrl = (): string => {
  const schema = createTestSchema('cli');
  schemas.push(schema);
  return schema.url;
};
const skip = skipUnlessPostgres;

describe('PostgreSQL commands', () => {
  test(
    'sitrep migrate copies an SQLite store and prints matching checksums',
    { skip },
    async () => {
      const from = join(dir, 'source.db');
      const sqlite = SqliteStore.open({ path: from });
      await sqlite.saveArticles([draftFor('a'), draftFor('b')]);
      await sqlite.close();
      const run = await runCommand(registerMigrate, ['migrate', '--from', from, '--to', freshUrl()])
        .done;
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /copied 2 articles, 2 revisions/);
      const checksums = /checksum\s+sqlite (\w+)\s+postgres (\w+)\s+ok/.exec(run.stdout);
      assert.ok(checksums, run.stdout);
      assert.equal(checksums[1], checksums[2]);
      assert.match(run.stdout, /verified/);
    },
  );

  test('sitrep migrate refuses a target that is not PostgreSQL', { skip }, async () => {
    await assert.rejects(
      runCommand(registerMigrate, [
        'migrate',
        '--from',
        join(dir, 'x.db'),
        '--to',
        join(dir, 'y.db'),
      ]).done,
      { code: 'INVALID_ARGUMENT' },
    );
  });

  test(
    'sitrep worker --once drains the queue; sitrep jobs shows counts and the dead letter',
    { skip },
    async () => {
      const url = freshUrl();
      writeFileSync(
        join(dir, 'one.txt'),
        'Drills begin\n\nThe navy began drills in the Baltic Sea on Monday, officials said.\n',
      );
      const queue = await PostgresQueue.open({ url });
      try {
        await enqueueIngest([join(dir, 'one.txt')], queue);
        await queue.enqueue('ingest-file', { path: join(dir, 'vanished.txt') });
        // A kind no handler knows stays queued for a worker that knows it.
        await queue.enqueue('future-kind', {});
      } finally {
        await queue.close();
      }
      const worker = await runCommand(registerWorker, [
        'worker',
        '--db',
        url,
        '--once',
        '--json',
        '--nice',
        '0',
      ]).done;
      assert.equal(worker.code, 0, worker.stderr);
      const { organiseLock, ...counts } = JSON.parse(worker.stdout) as {
        organiseLock: {
          batches: number;
          waitSeconds: number;
          heldSeconds: number;
          roundTrips: number;
          turnWaitSeconds: number;
          resettled: number;
        };
      };
      assert.deepEqual(counts, { done: 1, failed: 1, dead: 1 });
      // One transaction for syndication, one for stories, each under its own lock.
      assert.equal(organiseLock.batches, 2);
      assert.ok(organiseLock.waitSeconds >= 0 && organiseLock.heldSeconds > 0);
      // Per transaction: BEGIN with the lock and the first reads, COMMIT with the held-back writes.
      assert.ok(organiseLock.roundTrips >= 4, `${organiseLock.roundTrips} round trips`);
      assert.equal(organiseLock.resettled, 0);
      assert.ok(organiseLock.turnWaitSeconds >= 0);

      const jobs = await runCommand(registerJobs, ['jobs', '--db', url, '--json']).done;
      const report = JSON.parse(jobs.stdout) as {
        counts: Record<string, number>;
        jobs: { kind: string; lastError: string }[];
      };
      assert.deepEqual(report.counts, { queued: 1, running: 0, done: 1, dead: 1 });
      assert.equal(report.jobs.length, 1);
      assert.match(report.jobs[0]?.lastError ?? '', /vanished\.txt/);

      const text = await runCommand(registerJobs, ['jobs', '--db', url]).done;
      assert.match(text.stdout, /queued 1, running 0, done 1, dead 1/);
      assert.match(text.stdout, /last error: .*vanished\.txt/);
    },
  );
});
