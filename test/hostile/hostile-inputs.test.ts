import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  createTestSchema,
  skipUnlessPostgres,
  type TestSchema,
} from '../../src/store/postgres/test-database.js';
import { tempDir } from '../cli/cli-harness.js';
import { repoPath } from '../shared-data.js';

/**
 * Issue 16's table of hostile inputs, one test per row, each input generated here (never checked
 * in) and ingested by the real CLI in its own process, so peak RSS and wall time are what a user
 * gets: rejected with a reason, the file's other records stored, RSS < 1 GiB, wall < 60 s.
 * Timings on a shared machine are noisy; the bars have wide margins on purpose.
 */

const GIB_KB = 1024 * 1024;
const TIME = '/usr/bin/time';

interface Measured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakRssKb?: number;
  readonly seconds: number;
}

const runMeasured = (
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const node = [process.execPath, '--import', 'tsx', repoPath('src/main.ts'), ...args];
    const measured = existsSync(TIME);
    const started = performance.now();
    const child = spawn(
      measured ? TIME : node[0]!,
      measured ? ['-f', 'peak-rss-kb=%M', ...node] : node.slice(1),
      {
        cwd: repoPath(),
        env: { ...process.env, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /peak-rss-kb=(\d+)/.exec(stderr);
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        ...(rss ? { peakRssKb: Number(rss[1]) } : {}),
      });
    });
  });

interface IngestSummary {
  added: number;
  rejected: number;
}

const assertBounded = (run: Measured): void => {
  // Reported for the closing notes (timings on a shared machine are noisy).
  console.log(
    `# measured: ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssKb === undefined ? '?' : `${(run.peakRssKb / 1024).toFixed(0)} MiB`}`,
  );
  assert.ok(run.seconds < 60, `took ${run.seconds.toFixed(1)} s`);
  if (run.peakRssKb !== undefined)
    assert.ok(run.peakRssKb < GIB_KB, `peak RSS ${(run.peakRssKb / 1024).toFixed(0)} MiB`);
  assert.doesNotMatch(run.stderr, /internal error|heap out of memory|Maximum call stack/);
};

const jsonl = (n: number, text: string): string =>
  JSON.stringify({ id: `rec-${n}`, title: `Record ${n}`, text, source: 'Hostile Wire' });

describe(
  'hostile inputs from issue 16 (each in its own sitrep process)',
  { timeout: 600_000 },
  () => {
    const dir = tempDir('sitrep-hostile-');
    writeFileSync(
      join(dir.path, 'ok.jsonl'),
      `${jsonl(99, 'A normal report on the Baltic air policing mission.')}\n`,
    );
    const schemas: TestSchema[] = [];
    after(async () => {
      dir.remove();
      await Promise.all(schemas.map((schema) => schema.drop()));
    });

    /** Six normal records with one of `bigBytes` in the middle, written without building it in memory twice. */
    const jsonlWithBigRecord = (name: string, bigBytes: number): string => {
      const path = join(dir.path, name);
      const fd = openSync(path, 'w');
      for (let n = 0; n < 3; n++)
        writeSync(fd, `${jsonl(n, `Ordinary report ${n} on air defence.`)}\n`);
      writeSync(fd, '{"id":"huge","title":"Huge","text":"');
      const block = Buffer.alloc(1024 * 1024, 'lorem ipsum ');
      for (let written = 0; written < bigBytes; written += block.length) writeSync(fd, block);
      writeSync(fd, '"}\n');
      for (let n = 3; n < 6; n++)
        writeSync(fd, `${jsonl(n, `Ordinary report ${n} on naval drills.`)}\n`);
      closeSync(fd);
      return path;
    };

    test('a JSONL file with one 200 MB record among six normal ones (SQLite)', async () => {
      const file = jsonlWithBigRecord('big.jsonl', 200 * 1024 * 1024);
      const run = await runMeasured([
        'ingest',
        file,
        '--db',
        join(dir.path, 'big.db'),
        '--json',
        '--no-enrich',
      ]);
      assertBounded(run);
      assert.equal(run.code, 3, run.stderr);
      const summary = JSON.parse(run.stdout) as IngestSummary;
      assert.equal(summary.added, 6);
      assert.equal(summary.rejected, 1);
      assert.match(
        run.stderr,
        /big\.jsonl record 3: jsonl line 4: record is 200\.0 MiB, more than the 16 MiB limit/,
      );
    });

    test('the same file on PostgreSQL', { skip: skipUnlessPostgres }, async () => {
      const schema = createTestSchema('hostile');
      schemas.push(schema);
      const file = jsonlWithBigRecord('big-pg.jsonl', 200 * 1024 * 1024);
      const run = await runMeasured(['ingest', file, '--db', schema.url, '--json', '--no-enrich']);
      assertBounded(run);
      assert.equal((JSON.parse(run.stdout) as IngestSummary).added, 6, run.stderr);
    });

    test('a 60 MB record alone is rejected with little memory', async () => {
      const path = join(dir.path, 'alone.jsonl');
      writeFileSync(path, `${jsonl(1, 'x'.repeat(60 * 1024 * 1024))}\n`);
      const run = await runMeasured(['ingest', path, '--db', join(dir.path, 'alone.db'), '--json']);
      assertBounded(run);
      assert.equal((JSON.parse(run.stdout) as IngestSummary).rejected, 1);
      if (run.peakRssKb !== undefined) assert.ok(run.peakRssKb < 600 * 1024, `${run.peakRssKb} KB`);
    });

    test('a 10 GB gzip bomb (10 MB compressed) is refused while inflating, with a reason', async () => {
      // 100 gzip members of 100 MiB of zeros each: 10 GiB inflated from about 10 MB.
      const member = gzipSync(Buffer.alloc(100 * 1024 * 1024));
      const path = join(dir.path, 'bomb.txt.gz');
      const fd = openSync(path, 'w');
      for (let i = 0; i < 100; i++) writeSync(fd, member);
      closeSync(fd);
      const run = await runMeasured(
        ['ingest', path, dir.path + '/ok.jsonl', '--db', join(dir.path, 'bomb.db'), '--json'],
        {},
      );
      assertBounded(run);
      assert.match(run.stderr, /bomb\.txt\.gz: gzip: decompresses to more than 50 times its/);
      assert.doesNotMatch(run.stderr, /corrupt gzip/);
    });

    test('HTML nested 100,000 and 1,000,000 divs deep: rejected fast; the other file is stored', async () => {
      for (const depth of [100_000, 1_000_000]) {
        const path = join(dir.path, `deep-${depth}.html`);
        writeFileSync(
          path,
          `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}NATO${'</div>'.repeat(depth)}</body></html>`,
        );
        const run = await runMeasured([
          'ingest',
          path,
          dir.path + '/ok.jsonl',
          '--db',
          join(dir.path, `deep-${depth}.db`),
          '--json',
        ]);
        assertBounded(run);
        assert.ok(run.seconds < 30, `${depth}: ${run.seconds.toFixed(1)} s`);
        const summary = JSON.parse(run.stdout) as IngestSummary;
        assert.deepEqual([summary.added, summary.rejected], [1, 1], run.stderr);
        assert.match(run.stderr, /HTML nested more than 1024 elements deep/);
      }
    });

    test('an RSS file of 100,000 items: read up to the item limit, the rest rejected with the reason', async () => {
      const items = Array.from(
        { length: 100_000 },
        (_, n) =>
          `<item><title>Item ${n}</title><link>https://feed.example/${n}</link><guid>g${n}</guid><description>Frigate ${n % 53} moved near port ${n % 71}.</description></item>`,
      );
      const path = join(dir.path, 'huge-feed.xml');
      writeFileSync(
        path,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${items.join('')}</channel></rss>`,
      );
      const run = await runMeasured(
        ['ingest', path, '--db', join(dir.path, 'feed.db'), '--json', '--no-enrich'],
        {
          SITREP_MAX_FEED_ITEMS: '300',
        },
      );
      assertBounded(run);
      const summary = JSON.parse(run.stdout) as IngestSummary;
      assert.deepEqual([summary.added, summary.rejected], [300, 1]);
      assert.match(
        run.stderr,
        /feed has 100000 items; items after the first 300 are not read \(SITREP_MAX_FEED_ITEMS\)/,
      );
    });

    test(
      'PostgreSQL: an article with one 700 KB "word" gets its story, on every re-run',
      { skip: skipUnlessPostgres },
      async () => {
        const schema = createTestSchema('longword');
        schemas.push(schema);
        const path = join(dir.path, 'longword.jsonl');
        writeFileSync(
          path,
          [
            jsonl(
              1,
              `Frigates sailed from Kiel. ${'a'.repeat(700 * 1024)} The navy confirmed the drill.`,
            ),
            jsonl(2, 'Frigates sailed from Kiel for a Baltic drill, the navy confirmed.'),
          ].join('\n'),
        );
        for (let round = 0; round < 2; round++) {
          const run = await runMeasured(['ingest', path, '--db', schema.url, '--json']);
          assertBounded(run);
          assert.equal(run.code, 0, run.stderr);
        }
        const stories = await runMeasured(['stories', '--db', schema.url, '--json']);
        const listed = JSON.parse(stories.stdout) as { stories: { article_count: number }[] };
        assert.equal(
          listed.stories.reduce((sum, story) => sum + story.article_count, 0),
          2,
        );
      },
    );
  },
);
