import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../core/seeded-random.js';
import { fingerprintArticle } from '../../dedup/article-fingerprint.js';
import type { DedupInput } from '../../dedup/article-fingerprint.js';
import { decideSyndication } from '../../dedup/decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from '../../dedup/dedup-options.js';
import { MemoryNearDuplicateIndex } from '../../dedup/memory-near-duplicate-index.js';
import type { NearDuplicateIndex } from '../../dedup/near-duplicate-index.js';
import { nearDuplicateIndexContract } from '../../dedup/near-duplicate-index.test-suite.js';
import {
  NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL,
  NEAR_DUPLICATE_SCHEMA_SQL,
  SqliteNearDuplicateIndex,
  createNearDuplicateSchema,
} from './near-duplicate-index.js';
import {
  NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL,
  NEAR_DUPLICATE_LSH_MIGRATION_SQL,
} from './near-duplicate-lsh.js';

nearDuplicateIndexContract('SQLite', () => {
  const db = new Database(':memory:');
  createNearDuplicateSchema(db);
  return new SqliteNearDuplicateIndex(db);
});

// Every three articles the recent postings merge into the chunks.
const TINY = { recent: 3 * 32 };

nearDuplicateIndexContract('SQLite, merging recent LSH postings every few articles', () => {
  const db = new Database(':memory:');
  createNearDuplicateSchema(db);
  return new SqliteNearDuplicateIndex(db, TINY);
});

/** Seeded articles: originals from a small vocabulary, and copies with a few words changed. */
const syntheticArticles = (count: number): DedupInput[] => {
  const random = seededRandom(7);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}`);
  const word = (): string => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  const originals: string[] = [];
  const articles: DedupInput[] = [];
  for (let i = 0; i < count; i++) {
    let text: string;
    if (originals.length > 0 && random() < 0.4) {
      const base = originals[Math.floor(random() * originals.length)] as string;
      text = base.replace(/\w+/g, (w) => (random() < 0.05 ? word() : w));
    } else {
      text = Array.from({ length: 3 }, () =>
        Array.from({ length: 40 + Math.floor(random() * 40) }, word).join(' '),
      ).join('\n\n');
      originals.push(text);
    }
    const day = 1 + Math.floor(random() * 28);
    articles.push({ id: `a${i}`, text, published: `2024-02-${String(day).padStart(2, '0')}` });
  }
  return articles;
};

const decideAll = async (
  articles: readonly DedupInput[],
  index: NearDuplicateIndex,
): Promise<unknown> => {
  for (const article of articles) await decideSyndication(article, index);
  return index.listGroups();
};

test('recent postings and chunks give the same candidates and groups as the in-memory index, whatever merges happened', async () => {
  const articles = syntheticArticles(240);
  const memory = new MemoryNearDuplicateIndex();
  const db = new Database(':memory:');
  createNearDuplicateSchema(db);
  const sqlite = new SqliteNearDuplicateIndex(db, TINY);
  const expected = await decideAll(articles, memory);
  assert.deepEqual(await decideAll(articles, sqlite), expected);
  assert.ok((expected as unknown[]).length > 10, 'the set should hold copies');
  const merged = db
    .prepare<[], { upto: number; postings: number }>('SELECT upto, postings FROM dedup_lsh_merged')
    .get();
  assert.ok(merged && merged.upto > 200 && merged.postings > 200 * 32, JSON.stringify(merged));
  for (const article of articles.slice(0, 40)) {
    const { bands } = fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
    assert.deepEqual(
      await sqlite.findBandCandidates(bands, 5),
      await memory.findBandCandidates(bands, 5),
    );
  }
});

test('migrations 22 to 24 keep the buckets of the first schema readable and findable', async () => {
  const articles = syntheticArticles(60);
  const db = new Database(':memory:');
  db.exec(NEAR_DUPLICATE_SCHEMA_SQL);
  const insertFingerprint = db.prepare<[string, Buffer]>(
    `INSERT INTO dedup_fingerprints (article_id, text_hash, words, paragraph_starts, figures, signature)
     VALUES (?, 'h', x'', x'', x'', ?)`,
  );
  const insertBucket = db.prepare<[number, number]>(
    'INSERT INTO dedup_buckets (bucket, fingerprint_id) VALUES (?, ?)',
  );
  const memory = new MemoryNearDuplicateIndex();
  const bandsOf = articles.map((article) => fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS));
  bandsOf.forEach(({ fingerprint, bands }, i) => {
    insertFingerprint.run(fingerprint.articleId, Buffer.alloc(0));
    for (const band of bands) insertBucket.run(band, i + 1);
  });
  for (const { fingerprint, bands } of bandsOf) await memory.addFingerprint(fingerprint, bands);
  const before = db.prepare('SELECT bucket, fingerprint_id FROM dedup_buckets ORDER BY 1, 2').all();
  db.exec(NEAR_DUPLICATE_LSH_MIGRATION_SQL);
  db.exec(NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL);
  db.exec(NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL);
  assert.deepEqual(
    db.prepare('SELECT bucket, fingerprint_id FROM dedup_buckets ORDER BY 1, 2').all(),
    before,
  );
  const sqlite = new SqliteNearDuplicateIndex(db, TINY);
  // Every posting is read from band_keys; the next article finds them over capacity and merges them.
  const next = fingerprintArticle(syntheticArticles(61)[60] as DedupInput, DEFAULT_DEDUP_OPTIONS);
  await sqlite.addFingerprint(next.fingerprint, next.bands);
  await memory.addFingerprint(next.fingerprint, next.bands);
  for (const { bands } of [...bandsOf.slice(0, 20), next])
    assert.deepEqual(
      await sqlite.findBandCandidates(bands, 8),
      await memory.findBandCandidates(bands, 8),
    );
});

const sameCandidates = async (
  index: NearDuplicateIndex,
  memory: NearDuplicateIndex,
  articles: readonly DedupInput[],
): Promise<void> => {
  for (const article of articles) {
    const { bands } = fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
    assert.deepEqual(
      await index.findBandCandidates(bands, 8),
      await memory.findBandCandidates(bands, 8),
      article.id,
    );
  }
};

const addAll = async (
  index: NearDuplicateIndex,
  articles: readonly DedupInput[],
): Promise<void> => {
  for (const article of articles) {
    const { fingerprint, bands } = fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
    await index.addFingerprint(fingerprint, bands);
  }
};

test('postings read into memory are dropped when their transaction rolls back and the ids are reused', async () => {
  const articles = syntheticArticles(80);
  const db = new Database(':memory:');
  createNearDuplicateSchema(db);
  const sqlite = new SqliteNearDuplicateIndex(db, { recent: 1000 * 32 });
  const memory = new MemoryNearDuplicateIndex();
  await addAll(sqlite, articles.slice(0, 20));
  await addAll(memory, articles.slice(0, 20));
  db.exec('BEGIN');
  await addAll(sqlite, articles.slice(20, 50));
  const doomed = fingerprintArticle(articles[25] as DedupInput, DEFAULT_DEDUP_OPTIONS);
  assert.equal((await sqlite.findBandCandidates(doomed.bands, 1))[0]?.articleId, 'a25');
  db.exec('ROLLBACK');
  // Fingerprint ids 21.. now belong to other articles.
  await addAll(sqlite, articles.slice(50, 80));
  await addAll(memory, articles.slice(50, 80));
  await sameCandidates(sqlite, memory, articles);
});

test('an index sees articles another connection added and merged', async () => {
  const articles = syntheticArticles(90);
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-lsh-')), 'index.db');
  const first = new Database(path);
  createNearDuplicateSchema(first);
  const reader = new SqliteNearDuplicateIndex(first, TINY);
  const writer = new SqliteNearDuplicateIndex(new Database(path), TINY);
  const memory = new MemoryNearDuplicateIndex();
  await addAll(writer, articles.slice(0, 40));
  await addAll(memory, articles.slice(0, 40));
  await sameCandidates(reader, memory, articles.slice(0, 10));
  await addAll(writer, articles.slice(40, 41)); // new rows, no merge
  await addAll(memory, articles.slice(40, 41));
  await sameCandidates(reader, memory, articles.slice(35, 45));
  await addAll(writer, articles.slice(41, 90)); // merges several times
  await addAll(memory, articles.slice(41, 90));
  await sameCandidates(reader, memory, articles);
});
