import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runSitrep, tempDir } from './cli-harness.js';

const dir = tempDir('sitrep-read-');
const db = join(dir.path, 'read.db');
after(() => dir.remove());

const RECORDS = [
  {
    id: 'r1',
    source: 'Wire A',
    title: 'Estonia receives HIMARS',
    text: 'The first HIMARS launchers arrived in Tallinn, the ministry said.',
    published: '2025-02-01T09:00:00Z',
  },
  {
    id: 'r2',
    source: 'Wire B',
    title: 'Patriot batteries for Germany',
    text: 'Germany orders more Patriot missiles, "quickly", officials said.',
    published: '2025-02-03T09:00:00Z',
  },
  {
    id: 'r3',
    source: 'Wire A',
    title: 'Rafale jets, again',
    text: 'Serbia confirmed a second batch of Rafale fighters.\n\nDelivery starts in 2028.',
    published: '2025-02-05T09:00:00Z',
  },
];

before(async () => {
  const file = join(dir.path, 'records.jsonl');
  writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  const run = await runSitrep(['ingest', file, '--db', db, '--json']);
  assert.equal(run.code, 0, run.stderr);
});

describe('reading commands', () => {
  test('list pages newest first with a cursor', async () => {
    const first = await runSitrep(['list', '--db', db, '--limit', '2', '--json']);
    const page1 = first.json<{ articles: { title: string }[]; next_cursor: string }>();
    assert.deepEqual(
      page1.articles.map((a) => a.title),
      ['Rafale jets, again', 'Patriot batteries for Germany'],
    );
    const second = await runSitrep([
      'list',
      '--db',
      db,
      '--limit',
      '2',
      '--cursor',
      page1.next_cursor,
      '--json',
    ]);
    const page2 = second.json<{ articles: { title: string }[]; next_cursor: string | null }>();
    assert.deepEqual(
      page2.articles.map((a) => a.title),
      ['Estonia receives HIMARS'],
    );
    assert.equal(page2.next_cursor, null);
    const human = await runSitrep(['list', '--db', db]);
    assert.match(human.stdout, /2025-02-05 {2}Wire A/);
  });

  test('search ranks, highlights and reports nothing found plainly', async () => {
    const hits = (await runSitrep(['search', 'patriot', '--db', db, '--json'])).json<{
      hits: { id: string; title: string; snippet: string }[];
    }>().hits;
    assert.deepEqual(
      hits.map((h) => h.title),
      ['Patriot batteries for Germany'],
    );
    assert.match(hits[0]!.snippet, /\[Patriot\]/);
    const none = await runSitrep(['search', 'submarine', '--db', db]);
    assert.match(none.stdout, /no article matches "submarine"/);
    const filtered = (
      await runSitrep(['search', 'source:"wire a"', 'after:2025-02-04', '--db', db, '--json'])
    ).json<{
      total: number;
      hits: { title: string }[];
    }>();
    assert.deepEqual(
      filtered.hits.map((h) => h.title),
      ['Rafale jets, again'],
    );
    const faceted = (await runSitrep(['search', 'said', '--facets', '--db', db, '--json'])).json<{
      facets: { source: { value: string; count: number }[] };
    }>();
    assert.deepEqual(faceted.facets.source, [
      { value: 'Wire A', count: 1 },
      { value: 'Wire B', count: 1 },
    ]);
    const bad = await runSitrep(['search', '"unclosed', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /quote/);
    assert.match(bad.stderr, /\n {2}\^\n/);
  });

  test('show prints metadata, text and the raw record', async () => {
    const hits = (await runSitrep(['search', 'rafale', '--db', db, '--json'])).json<{
      hits: { id: string }[];
    }>().hits;
    const id = hits[0]!.id;
    const shown = await runSitrep(['show', id, '--db', db]);
    assert.match(shown.stdout, /title {6}Rafale jets, again/);
    assert.match(shown.stdout, /Delivery starts in 2028\./);
    const raw = await runSitrep(['show', id, '--db', db, '--raw']);
    assert.deepEqual(JSON.parse(raw.stdout), RECORDS[2]);
    const missing = await runSitrep(['show', 'a0000', '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no article with id "a0000"/);
  });

  test('export writes every article as JSON lines and as CSV', async () => {
    const jsonl = await runSitrep(['export', '--db', db]);
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string });
    assert.deepEqual(
      lines.map((l) => l.title),
      RECORDS.map((r) => r.title),
    );
    const out = join(dir.path, 'out.csv');
    await runSitrep(['export', '--db', db, '--format', 'csv', '--output', out]);
    const csv = readFileSync(out, 'utf8');
    assert.ok(csv.startsWith('id,title,source,'));
    assert.match(csv, /"Rafale jets, again"/);
    assert.match(csv, /"Germany orders more Patriot missiles, ""quickly"", officials said\."/);
    const bad = await runSitrep(['export', '--db', db, '--format', 'xml']);
    assert.equal(bad.code, 2);
  });

  test('stats counts by source', async () => {
    const stats = (await runSitrep(['stats', '--db', db, '--json'])).json<{
      articles: number;
      bySource: Record<string, number>;
    }>();
    assert.equal(stats.articles, 3);
    assert.deepEqual(stats.bySource, { 'Wire A': 2, 'Wire B': 1 });
  });

  test('reprocess re-derives articles whose stage version changed, from raw', async () => {
    const store = SqliteStore.open({ path: db });
    const page = await store.listArticles({ limit: 1 });
    const article = page.items[0]!;
    await store.updateDerived(article.id, {
      text: 'stale derivation',
      authors: [],
      contentHash: 'stale',
      stageVersions: { clean: 'an-old-version' },
    });
    await store.close();
    const run = await runSitrep(['reprocess', '--db', db, '--json']);
    // The re-derived article is re-enriched too; the others' enrichment is current.
    assert.deepEqual(run.json(), { examined: 3, rederived: 1, enriched: 1, failed: 0 });
    const shown = (await runSitrep(['show', article.id, '--db', db, '--json'])).json<{
      text: string;
    }>();
    assert.equal(shown.text, article.text);
    const again = await runSitrep(['reprocess', '--db', db, '--json']);
    assert.deepEqual(again.json(), { examined: 3, rederived: 0, enriched: 0, failed: 0 });
  });
});
