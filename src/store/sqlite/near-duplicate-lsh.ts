import type Database from 'better-sqlite3';
import { AppError } from '../../core/errors.js';
import {
  MAX_PACKED_FINGERPRINT_ID,
  bandOf,
  chunkOf,
  forEachPosting,
  fromBlob,
  viewOf,
  hashOf,
  mergePacked,
  packSorted,
  tagOf,
  toBlob,
} from './lsh-chunks.js';
import type { LshPosting } from './lsh-chunks.js';

/**
 * The LSH band postings of the SQLite near-duplicate index, as a small log-structured merge tree.
 *
 * Why: one B-tree row per (bucket, article) puts 32 rows per article at random places of one large
 * tree; at a million articles every commit rewrote thousands of scattered pages and indexing fell
 * to ~100 articles/s (measured: inserting 300k articles' buckets alone took 206 s, and slowing). Here new
 * postings go to a small B-tree (level 0) whose pages stay hot; when it fills, its postings are
 * merged into packed chunks of level 1 (hash space cut into 2^14 slices), and level 1 into level 2
 * (2^18 slices) when that fills. Each posting is rewritten a bounded number of times, pages are
 * written whole and in order, and a lookup is one query on level 0 plus one on the chunks.
 * Which level holds a posting never changes an answer: lookups read all levels.
 */

interface Level {
  readonly level: number;
  /** Hash-space slices (chunks) of the level, as bits. */
  readonly bits: number;
  /** Postings the level holds before it is merged into the next; the last level has no limit. */
  readonly capacity: number;
}

/** Postings each level holds before it is merged down (tests shrink them to exercise merges). */
export interface LshCapacities {
  readonly recent: number;
  readonly level1: number;
}

// Level 0 small enough that a batch's commit rewrites few pages (4096 articles of 32 bands, ~2.5 MB);
// level 1 16x larger: a posting is rewritten ~8 times in level 1, then once per level-2 merge (one
// every 65536 articles: 15 by a million articles), each merge writing level 2's chunks in order.
export const DEFAULT_LSH_CAPACITIES: LshCapacities = { recent: 4096 * 32, level1: 65536 * 32 };

// Slices sized for ~120 postings (1 KB) per chunk at a full level 1 and at a million articles in
// level 2: a lookup reads 64 chunks, and with 2^12 slices level 1's 4 KB chunks were most of its cost
// (measured at 450k articles: 144 KiB of BLOBs and 0.4 ms per lookup).
const chunkLevels = (capacities: LshCapacities): readonly Level[] => [
  { level: 1, bits: 14, capacity: capacities.level1 },
  { level: 2, bits: 18, capacity: Number.POSITIVE_INFINITY },
];
/** Row id of a chunk: level in the high bits, so one table holds every level. */
const chunkRowId = (level: number, chunk: number): number => level * 2 ** 24 + chunk;

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

export class SqliteLshLevels {
  private readonly insertRecent;
  private readonly countPostings;
  private readonly setPostings;
  private readonly selectRecentAll;
  private readonly deleteRecent;
  private readonly selectChunk;
  private readonly writeChunk;
  private readonly selectChunkIdsOfLevel;
  private readonly deleteChunk;
  private readonly recentQueries = new Map<number, Database.Statement<number[], number>>();
  private readonly chunkQueries = new Map<number, Database.Statement<number[], [number, Buffer]>>();

  private readonly levels: readonly Level[];

  constructor(
    private readonly db: Database.Database,
    private readonly capacities: LshCapacities = DEFAULT_LSH_CAPACITIES,
  ) {
    this.levels = chunkLevels(capacities);
    this.insertRecent = db.prepare<[number, string]>(
      'INSERT OR IGNORE INTO dedup_lsh_recent (bucket, fingerprint_id) SELECT value, ? FROM json_each(?)',
    );
    this.countPostings = db.prepare<[number, number], { postings: number }>(
      'UPDATE dedup_lsh_levels SET postings = postings + ? WHERE level = ? RETURNING postings',
    );
    this.setPostings = db.prepare<[number, number]>(
      'UPDATE dedup_lsh_levels SET postings = ? WHERE level = ?',
    );
    this.selectRecentAll = db.prepare<[], RecentRow>(
      'SELECT bucket, fingerprint_id FROM dedup_lsh_recent',
    );
    this.deleteRecent = db.prepare('DELETE FROM dedup_lsh_recent');
    this.selectChunk = db.prepare<[number], { entries: Buffer }>(
      'SELECT entries FROM dedup_lsh_chunks WHERE id = ?',
    );
    this.writeChunk = db.prepare<[number, Buffer]>(
      'INSERT OR REPLACE INTO dedup_lsh_chunks (id, entries) VALUES (?, ?)',
    );
    this.selectChunkIdsOfLevel = db.prepare<[number, number], { id: number }>(
      'SELECT id FROM dedup_lsh_chunks WHERE id >= ? AND id < ? ORDER BY id',
    );
    this.deleteChunk = db.prepare<[number]>('DELETE FROM dedup_lsh_chunks WHERE id = ?');
  }

  /** Adds an article's bucket keys; call inside the transaction that adds its fingerprint. */
  add(fingerprintId: number, buckets: readonly number[], bucketsJson: string): void {
    if (fingerprintId > MAX_PACKED_FINGERPRINT_ID)
      throw new AppError('INTERNAL', `near-duplicate index is full (${fingerprintId} articles)`);
    for (const bucket of buckets) {
      if (bandOf(bucket) > 31)
        throw new AppError('INTERNAL', `near-duplicate index holds 32 LSH bands at most`);
    }
    this.insertRecent.run(fingerprintId, bucketsJson);
    const row = this.countPostings.get(buckets.length, 0);
    if (row && row.postings >= this.capacities.recent) this.mergeRecent();
  }

  /** Shared-bucket counts per fingerprint id. */
  sharedCounts(buckets: readonly number[]): Map<number, number> {
    const shared = new Map<number, number>();
    const count = (fingerprintId: number): void => {
      shared.set(fingerprintId, (shared.get(fingerprintId) ?? 0) + 1);
    };
    for (const fingerprintId of this.recentQuery(buckets.length).all(...buckets))
      count(fingerprintId);
    const ids: number[] = [];
    for (const bucket of buckets)
      for (const { level, bits } of this.levels)
        ids.push(chunkRowId(level, chunkOf(hashOf(bucket), bits)));
    const unique = [...new Set(ids)];
    const chunks = new Map<number, Uint32Array>();
    for (const [id, entries] of this.chunkQuery(unique.length).all(...unique))
      chunks.set(id, viewOf(entries));
    buckets.forEach((bucket, b) => {
      const band = bandOf(bucket);
      const hash = hashOf(bucket);
      for (let l = 0; l < this.levels.length; l++) {
        const chunk = chunks.get(ids[b * this.levels.length + l] as number);
        if (chunk) forEachPosting(chunk, band, hash, count);
      }
    });
    return shared;
  }

  private recentQuery(size: number): Database.Statement<number[], number> {
    let query = this.recentQueries.get(size);
    if (!query) {
      query = this.db
        .prepare<number[], number>(
          `SELECT fingerprint_id FROM dedup_lsh_recent WHERE bucket IN (${placeholders(size)})`,
        )
        .pluck();
      this.recentQueries.set(size, query);
    }
    return query;
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

  /** Level 0 into level 1 (and on down while a level overflows). */
  private mergeRecent(): void {
    const postings: LshPosting[] = this.selectRecentAll.all().map((row) => ({
      hash: hashOf(row.bucket),
      tag: tagOf(bandOf(row.bucket), row.fingerprint_id),
    }));
    this.deleteRecent.run();
    this.setPostings.run(0, 0);
    this.mergeInto(0, packSorted(postings));
  }

  /** Merges sorted postings leaving level `from` into the next level, cascading when it overflows. */
  private mergeInto(from: number, incoming: Uint32Array): void {
    const target = this.levels.find((l) => l.level === from + 1);
    if (!target) throw new AppError('INTERNAL', `no LSH level after ${from}`);
    let start = 0;
    while (start < incoming.length) {
      const chunk = chunkOf(incoming[start] as number, target.bits);
      let end = start + 2;
      while (end < incoming.length && chunkOf(incoming[end] as number, target.bits) === chunk)
        end += 2;
      const id = chunkRowId(target.level, chunk);
      const existing = this.selectChunk.get(id);
      const part = incoming.subarray(start, end);
      const merged = existing ? mergePacked(fromBlob(existing.entries), part) : part.slice();
      this.writeChunk.run(id, toBlob(merged));
      start = end;
    }
    const row = this.countPostings.get(incoming.length / 2, target.level);
    if (row && row.postings >= target.capacity) this.mergeLevel(target);
  }

  /** Empties a chunk level into the next, chunk by chunk in hash order (so the result stays sorted). */
  private mergeLevel(level: Level): void {
    const ids = this.selectChunkIdsOfLevel
      .all(chunkRowId(level.level, 0), chunkRowId(level.level + 1, 0))
      .map((row) => row.id);
    const parts: Uint32Array[] = [];
    let total = 0;
    for (const id of ids) {
      const row = this.selectChunk.get(id);
      if (!row) continue;
      const entries = fromBlob(row.entries);
      parts.push(entries);
      total += entries.length;
      this.deleteChunk.run(id);
    }
    const all = new Uint32Array(total);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    this.setPostings.run(0, level.level);
    this.mergeInto(level.level, all);
  }
}

interface RecentRow {
  bucket: number;
  fingerprint_id: number;
}

const placeholders = (size: number): string => Array.from({ length: size }, () => '?').join(', ');
