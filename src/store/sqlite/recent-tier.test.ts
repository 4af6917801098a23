import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ArticleDraft } from '../../core/article.js';
import { sha256Hex } from '../../core/hash.js';
import { parseQuery } from '../../search/index.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-recent-tier-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const draft = (i: number, text: string): ArticleDraft => ({
  identityKey: `id:tier:${i}`,
  format: 'jsonl',
  provenance: { path: 'tier.jsonl', recordIndex: i },
  raw: JSON.stringify({ i, text }),
  rawMediaType: 'application/json',
  itemRecord: '{}',
  title: `Item ${i}`,
  text,
  authors: [],
  categories: [],
  contentHash: sha256Hex(text),
  stageVersions: {},
});

const recentRowids = (store: SqliteStore, word: string): number[] =>
  store.database
    .prepare<[string], { rowid: number }>(
      'SELECT rowid FROM articles_fts_recent WHERE articles_fts_recent MATCH ? ORDER BY rowid',
    )
    .all(`"${word}"`)
    .map((row) => row.rowid);

test('the recent tier follows inserts and new revisions, and holds only the newest 65,536', async () => {
  const store = SqliteStore.open({ path: join(dir, 'tier.db') });
  try {
    await store.saveArticles([draft(0, 'alpha first'), draft(1, 'alpha second')]);
    assert.deepEqual(recentRowids(store, 'alpha'), [1, 2]);
    // A new revision changes the text: the old words leave the tier, the new ones enter it.
    await store.saveArticles([draft(1, 'bravo second')]);
    assert.deepEqual(recentRowids(store, 'alpha'), [1]);
    assert.deepEqual(recentRowids(store, 'bravo'), [2]);
    // Bulk rows straight through SQL (the triggers are what is under test), past the width.
    store.database.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 65536)
      INSERT INTO articles (id, identity_key, revision, format, text, authors, categories,
        content_hash, stage_versions, provenance, raw_media_type, ingested_at, updated_at)
      SELECT 'bulk' || i, 'bulk:' || i, 1, 'text', 'charlie filler', '[]', '[]', 'h', '{}', '{}',
        'text/plain', '2026-01-01', '2026-01-01' FROM n;`);
    assert.deepEqual(recentRowids(store, 'alpha'), []);
    assert.deepEqual(recentRowids(store, 'bravo'), []);
    const charlie = recentRowids(store, 'charlie');
    assert.equal(charlie.length, 65536);
    assert.equal(charlie[0], 3); // seqs 3..65538: the newest 65,536
    // Search still finds old matches through the main index.
    const parsed = parseQuery('bravo');
    assert.ok(parsed.ok);
    const result = await store.searchArticles({ query: parsed.value, limit: 5 });
    assert.equal(result.total, 1);
    assert.equal(result.hits[0]?.title, 'Item 1');
    // A broad word is ranked from the tier and says it considered only the newest matches.
    const broad = parseQuery('charlie');
    assert.ok(broad.ok);
    const wide = await store.searchArticles({ query: broad.value, limit: 5 });
    assert.equal(wide.matchesConsidered, 1000);
    assert.ok(wide.hits.every((hit) => /\[charlie\]/.test(hit.snippet)));
  } finally {
    await store.close();
  }
});
