import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { repoPath, sharedPath, skipUnlessShared } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const dir = tempDir('sitrep-crash-');
after(() => dir.remove());

const runUntilKilled = (db: string, corpus: string, killAfterMs: number): Promise<void> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        repoPath('src/main.ts'),
        'ingest',
        corpus,
        '--db',
        db,
        '--json',
        '--batch-size',
        '50',
      ],
      { stdio: 'ignore' },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

test(
  'kill -9 mid-ingest, then a re-run: same count as a clean run, no duplicate, no empty row',
  { skip: skipUnlessShared('corpora', 'bbc-fulltext', 'bbc', 'politics'), timeout: 120_000 },
  async () => {
    // One category (417 articles) keeps the test quick; the kill lands at a random moment.
    const corpus = sharedPath('corpora', 'bbc-fulltext', 'bbc', 'politics')!;
    const clean = join(dir.path, 'clean.db');
    await runSitrep(['ingest', corpus, '--db', clean, '--json']);
    const expected = new Database(clean).prepare('SELECT count(*) AS n FROM articles').get() as {
      n: number;
    };

    const crashed = join(dir.path, 'crashed.db');
    const killAfter = 800 + Math.floor(Math.random() * 1500);
    await runUntilKilled(crashed, corpus, killAfter);
    const rerun = await runSitrep(['ingest', corpus, '--db', crashed, '--json']);
    assert.ok([0, 3].includes(rerun.code), rerun.stderr);

    const db = new Database(crashed, { readonly: true });
    const count = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    assert.equal(count.n, expected.n, `killed after ${killAfter} ms`);
    const duplicates = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT identity_key FROM articles GROUP BY identity_key HAVING count(*) > 1)',
      )
      .get() as { n: number };
    assert.equal(duplicates.n, 0);
    const empty = db
      .prepare("SELECT count(*) AS n FROM articles WHERE trim(text) = '' OR text IS NULL")
      .get() as { n: number };
    assert.equal(empty.n, 0);
    const orphans = db
      .prepare(
        'SELECT count(*) AS n FROM articles a LEFT JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision WHERE r.article_id IS NULL',
      )
      .get() as { n: number };
    assert.equal(orphans.n, 0);
    db.close();
  },
);
