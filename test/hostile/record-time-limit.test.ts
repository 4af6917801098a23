import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { tempDir } from '../cli/cli-harness.js';
import { repoPath } from '../shared-data.js';

/**
 * The per-record time limit (SITREP_MAX_RECORD_SECONDS), with a real slow record rather than a
 * test hook: 4.2 MB of knowledge-base names ("NATO Lockheed Martin HIMARS" again and again), which
 * enrichment takes many minutes over (edge extraction grows faster than linearly; 224 KB: 20 s) and
 * which even a linear enricher could not do in the 3 s allowed here (the NER tagger alone runs at
 * ~150k tokens/s: 600k tokens). The normal records around it take milliseconds.
 */
const jsonl = (id: string, text: string): string =>
  JSON.stringify({ id, title: `Record ${id}`, text, source: 'Slow Wire' });

const ingest = (args: readonly string[]) => {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', repoPath('src/main.ts'), 'ingest', ...args, '--json'],
    {
      cwd: repoPath(),
      // 3 s: normal records take milliseconds, but at load average 30 a 1 s limit caught them too.
      env: { ...process.env, SITREP_MAX_RECORD_SECONDS: '3' },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  return { ...run, seconds: (performance.now() - started) / 1000 };
};

interface Summary {
  added: number;
  unchanged: number;
  rejected: number;
  enriched: number;
}

describe('per-record time limit', { timeout: 600_000 }, () => {
  const dir = tempDir('sitrep-time-limit-');
  after(() => dir.remove());
  const file = join(dir.path, 'slow.jsonl');
  writeFileSync(
    file,
    [
      jsonl('a', 'Poland signed a contract for 48 HIMARS launchers on Friday.'),
      jsonl('b', 'Estonia received its first HIMARS systems, the defence forces said.'),
      jsonl('slow', 'NATO Lockheed Martin HIMARS '.repeat(150_000)),
      jsonl('c', 'Romania will buy two more Patriot batteries, officials said.'),
    ].join('\n') + '\n',
  );

  // On worker threads the pool stops the thread running the record; on one thread (inline) V8's
  // execution watchdog stops it (src/pipeline/record-time-limit.ts).
  for (const threads of ['1', '2', '3']) {
    test(`--threads ${threads}: the slow record is reported with file, record and reason; nothing is lost`, () => {
      const db = join(dir.path, `t${threads}.db`);
      const run = ingest([file, '--db', db, '--threads', threads]);
      console.log(`# --threads ${threads}: ${run.seconds.toFixed(1)} s`);
      assert.equal(run.status, 3, run.stderr);
      const summary = JSON.parse(run.stdout) as Summary;
      // The slow one is reported; stopped in enrichment it is stored without it, in cleaning not stored.
      const inCleaning = /record 2: cleaning took longer/.test(run.stderr);
      assert.equal(summary.added, inCleaning ? 3 : 4, run.stderr);
      assert.equal(summary.enriched, 3, run.stderr);
      assert.equal(summary.rejected, 1, run.stderr);
      if (!inCleaning) assert.match(run.stderr, /record 2: .*stored without enrichment/);
      assert.match(
        run.stderr,
        /slow\.jsonl record 2: .*took longer than the per-record limit of 3 s \(SITREP_MAX_RECORD_SECONDS\)/,
      );
      assert.ok(run.seconds < 120, `${run.seconds.toFixed(1)} s`);

      // A second run finds everything stored; it tries the missing enrichment again, and says so.
      const again = ingest([file, '--db', db, '--threads', threads]);
      const second = JSON.parse(again.stdout) as Summary;
      assert.equal(second.unchanged, inCleaning ? 3 : 4, again.stderr);
      assert.equal(second.rejected, 1);
      assert.equal(second.enriched, 0);
    });
  }
});
