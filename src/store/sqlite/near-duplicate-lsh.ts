import type Database from 'better-sqlite3';
import { AppError } from '../../core/errors.js';
import {
  MAX_PACKED_FINGERPRINT_ID,
  bandOf,
  chunkOf,
  forEachPosting,
  hashOf,
  mergePacked,
  packSorted,
  tagOf,
} from './lsh-chunks.js';
import { uint32Bytes, uint32sOf } from '../uint32-bytes.js';
import { MAX_BUCKET_POSTINGS } from '../../dedup/bucket-bound.js';
import { ChunkBucketFilter } from './lsh-chunk-filter.js';
import { RecentPostings } from './lsh-recent-postings.js';

/**
 * The LSH band postings of the SQLite near-duplicate index: the newest articles' postings in
 * memory, the rest in packed, sorted chunk BLOBs.
 *
 * Why: one B-tree row per (bucket, article) puts 32 rows per article at random places of one large
 * tree; at a million articles every commit rewrote thousands of scattered pages (measured: inserting
 * 300k articles' buckets alone took 206 s, and slowing). A first fix kept the newest postings in a
 * small B-tree and merged them down through two chunk levels, but inserting into that B-tree, reading
 * it and the second level's chunks were still ~40% of the index's time at 300k articles.
 *
 * Now every fingerprint row carries its bucket keys (`band_keys`) and the table `dedup_lsh_merged`
 * says up to which fingerprint id postings are in the chunks. Postings of the rows above that mark are
 * never written separately: each connection reads them from the rows into memory (RecentPostings),
 * checking on every lookup that the table has not changed under it (rows added, a merge, a rollback).
 * When they reach the capacity, they are merged into the chunks in one pass, which also moves the mark.
 * A lookup reads memory plus the chunks of those of its buckets a Bloom filter of the chunks' buckets
 * says may hold postings (ChunkBucketFilter; built by one scan of the chunks on the first lookup).
 * Which side holds a posting never changes an answer.
 */

/** Postings kept in memory before they are merged into the chunks (tests shrink it to exercise merges). */
export interface LshCapacities {
  readonly recent: number;
}

// 65,536 articles of 32 bands: ~40 MB of typed arrays, rebuilt from the rows in well under a second
// when a process opens the index; a merge every 65,536 articles rewrites each chunk once.
export const DEFAULT_LSH_CAPACITIES: LshCapacities = { recent: 65536 * 32 };

// Slices sized for ~120 postings (1 KB) per chunk at a million articles.
const CHUNK_BITS = 18;
/** Chunk rows read per query while merging, in id order. */
const MERGE_RANGE = 4096;

/**
 * Migration from one B-tree row per (bucket, article) to the levels. Every article's bucket keys
 * are also kept on its fingerprint row (`band_keys`, a JSON array), so the levels can be rebuilt
 * and `dedup_buckets` stays readable as a view for copies and checksums.
 */
export const NEAR_DUPLICATE_LSH_MIGRATION_SQL = `
ALTER TABLE dedup_fingerprints ADD COLUMN band_keys TEXT;
-- One grouped pass (dedup_buckets has no index by fingerprint, so a correlated subquery would scan it per row).
UPDATE dedup_fingerprints SET band_keys = g.keys
  FROM (SELECT fingerprint_id, json_group_array(bucket ORDER BY bucket) AS keys FROM dedup_buckets GROUP BY fingerprint_id) g
  WHERE g.fingerprint_id = dedup_fingerprints.id;
CREATE TABLE dedup_lsh_recent (
  bucket INTEGER NOT NULL,
  fingerprint_id INTEGER NOT NULL,
  PRIMARY KEY (bucket, fingerprint_id)
) WITHOUT ROWID;
CREATE TABLE dedup_lsh_chunks (
  id INTEGER PRIMARY KEY,
  entries BLOB NOT NULL
);
CREATE TABLE dedup_lsh_levels (
  level INTEGER PRIMARY KEY,
  postings INTEGER NOT NULL
);
INSERT INTO dedup_lsh_recent (bucket, fingerprint_id) SELECT bucket, fingerprint_id FROM dedup_buckets;
INSERT INTO dedup_lsh_levels (level, postings) VALUES (0, (SELECT count(*) FROM dedup_lsh_recent)), (1, 0), (2, 0);
DROP TABLE dedup_buckets;
CREATE VIEW dedup_buckets AS
  SELECT j.value AS bucket, f.id AS fingerprint_id FROM dedup_fingerprints f, json_each(f.band_keys) j;
`;

/**
 * Migration 23: the newest postings move from the `dedup_lsh_recent` B-tree to memory, and the two
 * chunk levels become one. Existing chunks are dropped rather than re-sliced in SQL: every posting is
 * on its fingerprint row (`band_keys`), and with the mark at 0 the first lookup reads them all and
 * the first added article merges them into the new chunks.
 */
export const NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL = `
DROP TABLE dedup_lsh_recent;
DROP TABLE dedup_lsh_levels;
DELETE FROM dedup_lsh_chunks;
CREATE TABLE dedup_lsh_merged (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  upto INTEGER NOT NULL,
  postings INTEGER NOT NULL
);
INSERT INTO dedup_lsh_merged (singleton, upto, postings) VALUES (1, 0, 0);
`;

interface MergedState {
  upto: number;
  postings: number;
}

export class SqliteLshPostings {
  private readonly selectState;
  private readonly setState;
  private readonly selectArticleAt;
  private readonly selectNewer;
  private readonly selectChunkRange;
  private readonly selectAllChunks;
  private readonly writeChunk;
  private readonly chunkQueries = new Map<number, Database.Statement<number[], [number, Buffer]>>();
  private readonly recent = new RecentPostings();
  /** The mark `recent` was read against; -1 before the first read. */
  private upto = -1;
  /** Highest fingerprint id in `recent` (or the mark), and its article id, to notice a rollback. */
  private loadedTop = 0;
  private loadedTopArticle: string | undefined;
  /** Buckets present in the chunks as of mark `upto`; undefined until the first lookup needs it. */
  private filter: ChunkBucketFilter | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly capacities: LshCapacities = DEFAULT_LSH_CAPACITIES,
  ) {
    this.selectState = db.prepare<[], MergedState>(
      'SELECT upto, postings FROM dedup_lsh_merged WHERE singleton = 1',
    );
    this.setState = db.prepare<[number, number]>(
      'UPDATE dedup_lsh_merged SET upto = ?, postings = ? WHERE singleton = 1',
    );
    this.selectArticleAt = db
      .prepare<[number], string>('SELECT article_id FROM dedup_fingerprints WHERE id = ?')
      .pluck();
    this.selectNewer = db
      .prepare<[number], [number, string, string | null]>(
        'SELECT id, article_id, band_keys FROM dedup_fingerprints WHERE id > ? ORDER BY id',
      )
      .raw();
    this.selectChunkRange = db
      .prepare<[number, number], [number, Buffer]>(
        'SELECT id, entries FROM dedup_lsh_chunks WHERE id >= ? AND id < ?',
      )
      .raw();
    this.selectAllChunks = db.prepare<[], Buffer>('SELECT entries FROM dedup_lsh_chunks').pluck();
    this.writeChunk = db.prepare<[number, Buffer]>(
      'INSERT OR REPLACE INTO dedup_lsh_chunks (id, entries) VALUES (?, ?)',
    );
  }

  /**
   * Checks an article's bucket keys fit the packed format; call in the transaction that wrote its
   * fingerprint row (the id is known only then), so a throw rolls the row back.
   */
  static check(fingerprintId: number, buckets: readonly number[]): void {
    if (fingerprintId > MAX_PACKED_FINGERPRINT_ID)
      throw new AppError('INTERNAL', `near-duplicate index is full (${fingerprintId} articles)`);
    for (const bucket of buckets) {
      if (bandOf(bucket) > 31)
        throw new AppError('INTERNAL', `near-duplicate index holds 32 LSH bands at most`);
    }
  }

  /**
   * Call inside the transaction that wrote a fingerprint row (with its `band_keys`): picks the row's
   * postings up and merges the recent postings into the chunks when they reach the capacity.
   */
  added(): void {
    this.refresh();
    if (this.recent.size >= this.capacities.recent) this.merge();
  }

  /** Shared-bucket counts per fingerprint id. */
  sharedCounts(buckets: readonly number[]): Map<number, number> {
    this.refresh();
    const shared = new Map<number, number>();
    const count = (fingerprintId: number): void => {
      shared.set(fingerprintId, (shared.get(fingerprintId) ?? 0) + 1);
    };
    // Of each bucket its newest MAX_BUCKET_POSTINGS (bucket-bound.ts): the recent ones first (their
    // ids are above every chunk's), then the chunks' from the highest id down, for what is left.
    const filter = this.chunkFilter();
    const present: { bucket: number; left: number }[] = [];
    for (const bucket of buckets) {
      const band = bandOf(bucket);
      const hash = hashOf(bucket);
      const left =
        MAX_BUCKET_POSTINGS - this.recent.forEach(band, hash, count, MAX_BUCKET_POSTINGS);
      if (left > 0 && filter.mayHold(band, hash)) present.push({ bucket, left });
    }
    const ids = present.map(({ bucket }) => chunkOf(hashOf(bucket), CHUNK_BITS));
    const unique = [...new Set(ids)];
    const chunks = new Map<number, Uint32Array>();
    if (unique.length > 0)
      for (const [id, entries] of this.chunkQuery(unique.length).all(...unique))
        chunks.set(id, uint32sOf(entries));
    present.forEach(({ bucket, left }, b) => {
      const chunk = chunks.get(ids[b] as number);
      if (chunk) forEachPosting(chunk, bandOf(bucket), hashOf(bucket), count, left);
    });
    return shared;
  }

  /** Brings `recent` in line with the table: new rows read, everything re-read after a merge or rollback. */
  private refresh(): void {
    const state = this.selectState.get();
    if (!state) throw new AppError('INTERNAL', 'near-duplicate index: dedup_lsh_merged is empty');
    const rolledBack =
      this.loadedTop > this.upto &&
      this.selectArticleAt.get(this.loadedTop) !== this.loadedTopArticle;
    if (state.upto !== this.upto || rolledBack) {
      // A merge elsewhere (or a rolled-back one) changed the chunks without this filter.
      if (state.upto !== this.upto) this.filter = undefined;
      this.recent.clear();
      this.upto = state.upto;
      this.loadedTop = state.upto;
      this.loadedTopArticle = undefined;
    }
    for (const [id, articleId, keys] of this.selectNewer.iterate(this.loadedTop)) {
      if (keys !== null) {
        for (const bucket of JSON.parse(keys) as number[])
          this.recent.add(hashOf(bucket), tagOf(bandOf(bucket), id));
      }
      this.loadedTop = id;
      this.loadedTopArticle = articleId;
    }
  }

  /** Merges the recent postings into the chunks and moves the mark past them. */
  private merge(): void {
    const { hashes, tags } = this.recent.entries();
    const incoming = packSorted(hashes, tags);
    let start = 0;
    while (start < incoming.length) {
      // One range read covers the chunks of the next MERGE_RANGE slices that receive postings.
      const first = chunkOf(incoming[start] as number, CHUNK_BITS);
      const rangeEnd = first + MERGE_RANGE;
      const existing = new Map(this.selectChunkRange.all(first, rangeEnd));
      while (start < incoming.length) {
        const chunk = chunkOf(incoming[start] as number, CHUNK_BITS);
        if (chunk >= rangeEnd) break;
        let end = start + 2;
        while (end < incoming.length && chunkOf(incoming[end] as number, CHUNK_BITS) === chunk)
          end += 2;
        const part = incoming.subarray(start, end);
        const old = existing.get(chunk);
        this.writeChunk.run(
          chunk,
          uint32Bytes(old ? mergePacked(uint32sOf(old), part) : part.slice()),
        );
        start = end;
      }
    }
    const state = this.selectState.get() as MergedState;
    this.setState.run(this.loadedTop, state.postings + incoming.length / 2);
    this.filter?.addEntries(incoming);
    if (!this.filter?.roomy) this.filter = undefined;
    this.recent.clear();
    this.upto = this.loadedTop;
    this.loadedTopArticle = undefined;
  }

  /** The bucket filter, built from every chunk when missing (first lookup, after a foreign merge). */
  private chunkFilter(): ChunkBucketFilter {
    if (this.filter) return this.filter;
    const state = this.selectState.get() as MergedState;
    const filter = new ChunkBucketFilter(state.postings);
    for (const blob of this.selectAllChunks.iterate()) filter.addEntries(uint32sOf(blob));
    this.filter = filter;
    return filter;
  }

  private chunkQuery(size: number): Database.Statement<number[], [number, Buffer]> {
    let query = this.chunkQueries.get(size);
    if (!query) {
      query = this.db
        .prepare<number[], [number, Buffer]>(
          `SELECT id, entries FROM dedup_lsh_chunks WHERE id IN (${placeholders(size)})`,
        )
        .raw();
      this.chunkQueries.set(size, query);
    }
    return query;
  }
}

const placeholders = (size: number): string => Array.from({ length: size }, () => '?').join(', ');
