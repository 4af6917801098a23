import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repoPath, sharedPath, skipUnlessShared } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const dir = tempDir('sitrep-cli-');
after(() => dir.remove());
let dbCounter = 0;
const freshDb = () => join(dir.path, `cli-${++dbCounter}.db`);

interface IngestJson {
  added: number;
  unchanged: number;
  revised: number;
  rejected: number;
  skipped: number;
}

describe('sitrep ingest', () => {
  test('the sample corpus ingests cleanly, and a second run adds nothing', async () => {
    const db = freshDb();
    const first = await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const counts = first.json<IngestJson>();
    assert.ok(counts.added >= 25, `expected the ~30 sample articles, got ${counts.added}`);
    assert.equal(counts.rejected, 0);
    const second = (
      await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json'])
    ).json<IngestJson & { feeds: { added: number; unchanged: number } }>();
    assert.equal(second.added, 0);
    assert.equal(second.revised, 0);
    assert.equal(second.unchanged, counts.added);
    assert.deepEqual(second.feeds, { added: 0, unchanged: 6 });
    const stats = await runSitrep(['stats', '--db', db, '--json']);
    assert.equal(stats.json<{ articles: number }>().articles, counts.added);
  });

  test(
    'seeds and the BBC corpus: the second run reports added 0',
    { skip: skipUnlessShared('corpora', 'bbc-fulltext') },
    async () => {
      const db = freshDb();
      const inputs = [sharedPath('seeds')!, sharedPath('corpora', 'bbc-fulltext')!];
      const first = await runSitrep(['ingest', ...inputs, '--db', db, '--json']);
      const firstCounts = first.json<IngestJson>();
      // 2,225 BBC files hold 2,127 distinct texts (98 byte-identical copies are one article each) + 4 seeds.
      assert.ok(firstCounts.added >= 2131, `added ${firstCounts.added}`);
      const second = await runSitrep(['ingest', ...inputs, '--db', db, '--json']);
      const secondCounts = second.json<IngestJson>();
      assert.equal(secondCounts.added, 0);
      assert.equal(secondCounts.revised, 0);
      assert.equal(secondCounts.unchanged, firstCounts.added + firstCounts.unchanged);
    },
  );

  test('a changed record at the same id becomes a revision, not a second article', async () => {
    const db = freshDb();
    const file = join(dir.path, 'wire.jsonl');
    const record = (text: string) =>
      `${JSON.stringify({ id: 'w-1', source: 'Wire', title: 'Patriot order', text })}\n`;
    writeFileSync(file, record('Germany orders four Patriot batteries.'));
    assert.equal(
      (await runSitrep(['ingest', file, '--db', db, '--json'])).json<IngestJson>().added,
      1,
    );
    writeFileSync(file, record('Germany orders five Patriot batteries, the ministry said.'));
    const revised = (await runSitrep(['ingest', file, '--db', db, '--json'])).json<IngestJson>();
    assert.equal(revised.revised, 1);
    assert.equal(revised.added, 0);
    const listed = await runSitrep(['list', '--db', db, '--json']);
    const { articles } = listed.json<{
      articles: { id: string; revision: number; text: string }[];
    }>();
    assert.equal(articles.length, 1);
    assert.equal(articles[0]?.revision, 2);
    assert.match(articles[0]?.text ?? '', /five Patriot/);
    const shown = await runSitrep(['show', articles[0]!.id, '--db', db, '--revisions', '--json']);
    assert.equal(shown.json<{ revisions: unknown[] }>().revisions.length, 2);
  });

  test('bad records are reported with file and reason, stored nothing, and exit 3', async () => {
    const db = freshDb();
    const file = join(dir.path, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'ok-1', title: 'Good', text: 'HIMARS delivered to Estonia.' }),
        '{"id": "broken", ',
        JSON.stringify({ id: 'empty', title: 'No body' }),
        JSON.stringify({ id: 'ok-2', title: 'Also good', text: 'Rafale jets for Serbia.' }),
      ].join('\n'),
    );
    const errors = join(dir.path, 'errors.jsonl');
    const run = await runSitrep(['ingest', file, '--db', db, '--json', '--errors', errors]);
    assert.equal(run.code, 3);
    const counts = run.json<IngestJson>();
    assert.equal(counts.added, 2);
    assert.equal(counts.rejected, 2);
    assert.match(run.stderr, /mixed\.jsonl record 1: /);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    const lines = readFileSync(errors, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      const entry = JSON.parse(line) as { file: string; reason: string };
      assert.ok(entry.file.endsWith('mixed.jsonl'));
      assert.ok(entry.reason.length > 5);
    }
  });

  test('a missing path is a usage error naming it (exit 2), not a rejected record', async () => {
    const run = await runSitrep([
      'ingest',
      join(dir.path, 'nope.txt'),
      '--db',
      freshDb(),
      '--json',
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nope\.txt: no such file or directory/);
  });

  test('"-" reads stdin', async () => {
    const db = freshDb();
    const stdin = `${JSON.stringify({ id: 's-1', title: 'From stdin', text: 'Leopard 2 tanks arrive.' })}\n`;
    const run = await runSitrep(['ingest', '-', '--db', db, '--json'], { stdin });
    assert.equal(run.json<IngestJson>().added, 1);
    const found = await runSitrep(['search', 'leopard', '--db', db, '--json']);
    assert.deepEqual(
      found.json<{ hits: { title: string }[] }>().hits.map((h) => h.title),
      ['From stdin'],
    );
  });

  test('SITREP_DB chooses the database when --db is absent', async () => {
    const db = freshDb();
    const file = join(dir.path, 'env.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'e', title: 'Env', text: 'Body text here.' })}\n`);
    await runSitrep(['ingest', file, '--json'], { env: { SITREP_DB: db } });
    const stats = await runSitrep(['stats', '--db', db, '--json']);
    assert.equal(stats.json<{ articles: number }>().articles, 1);
  });

  test('usage errors exit 2 with a message, and --help works on every command', async () => {
    const bad = await runSitrep(['ingest']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /missing required argument/);
    for (const command of ['ingest', 'list', 'show', 'search', 'stats', 'export', 'reprocess']) {
      const help = await runSitrep([command, '--help']);
      assert.equal(help.code, 0, command);
      assert.match(help.stdout, new RegExp(`Usage: sitrep ${command}`));
    }
  });
});

describe('enrichment during ingest', () => {
  test('articles stored without enrichment are enriched by the next run', async () => {
    const db = freshDb();
    const sample = repoPath('examples/sample');
    const bare = (await runSitrep(['ingest', sample, '--db', db, '--json', '--no-enrich'])).json<
      IngestJson & { enriched: number }
    >();
    assert.equal(bare.enriched, 0);
    const weapons = async () =>
      (await runSitrep(['search', 'type:weapon', '--db', db, '--json'])).json<{ total: number }>()
        .total;
    assert.equal(await weapons(), 0);
    const second = (await runSitrep(['ingest', sample, '--db', db, '--json'])).json<
      IngestJson & { enriched: number }
    >();
    assert.equal(second.added, 0);
    assert.equal(second.enriched, bare.added, 'every article is enriched once');
    assert.ok((await weapons()) >= 10, 'most sample articles name a weapon system');
    const ukraine = await runSitrep(['search', 'country:ua', '--db', db, '--json']);
    assert.ok(ukraine.json<{ total: number }>().total >= 1);
    const third = (await runSitrep(['ingest', sample, '--db', db, '--json'])).json<{
      enriched: number;
    }>();
    assert.equal(third.enriched, 0, 'current enrichment is not redone');
  });
});
