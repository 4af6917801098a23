import type Database from 'better-sqlite3';
import type { ArticleFingerprint } from '../../dedup/article-fingerprint.js';
import type {
  BandCandidate,
  IndexedCandidate,
  NearDuplicateIndex,
} from '../../dedup/near-duplicate-index.js';
import { groupDecisions } from '../../dedup/syndication-decision.js';
import {
  NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL,
  NEAR_DUPLICATE_LSH_MIGRATION_SQL,
  SqliteLshPostings,
} from './near-duplicate-lsh.js';
import type { LshCapacities } from './near-duplicate-lsh.js';
import type {
  SyndicationDecision,
  SyndicationGroup,
  SyndicationReason,
} from '../../dedup/syndication-decision.js';
import {
  candidatesOf,
  fingerprintColumns,
  toDecision as decisionOf,
  toFingerprint,
} from '../syndication-rows.js';
import { uint32Bytes } from '../uint32-bytes.js';
import type { DecisionRow as SyndicationRow, FingerprintRow } from '../syndication-rows.js';

/**
 * Tables of the near-duplicate index as first shipped (migration 20; never edit it: migration 22,
 * NEAR_DUPLICATE_LSH_MIGRATION_SQL, moves the buckets into near-duplicate-lsh.ts's levels). Bucket rows point at a
 * fingerprint's integer key (not the article id text) to keep the largest table small: one row per
 * (LSH band bucket, article). Word arrays are little-endian uint32 BLOBs.
 */
export const NEAR_DUPLICATE_SCHEMA_SQL = `
CREATE TABLE dedup_fingerprints (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  source TEXT,
  published TEXT,
  text_hash TEXT NOT NULL,
  url_hash TEXT,
  title_hash TEXT,
  words BLOB NOT NULL,
  paragraph_starts BLOB NOT NULL,
  figures BLOB NOT NULL,
  signature BLOB NOT NULL
);
CREATE INDEX dedup_fingerprints_text_hash ON dedup_fingerprints(text_hash);
CREATE INDEX dedup_fingerprints_url_hash ON dedup_fingerprints(url_hash) WHERE url_hash IS NOT NULL;
CREATE TABLE dedup_buckets (
  bucket INTEGER NOT NULL,
  fingerprint_id INTEGER NOT NULL REFERENCES dedup_fingerprints(id) ON DELETE CASCADE,
  PRIMARY KEY (bucket, fingerprint_id)
) WITHOUT ROWID;
CREATE TABLE syndication_decisions (
  article_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('original', 'duplicate', 'near-duplicate')),
  canonical_id TEXT,
  similarity REAL NOT NULL,
  reasons TEXT NOT NULL,
  version TEXT NOT NULL
);
CREATE INDEX syndication_decisions_canonical ON syndication_decisions(canonical_id) WHERE canonical_id IS NOT NULL;
`;

/** The current schema on a fresh database (tests and benches that do not run every migration). */
export const createNearDuplicateSchema = (db: Database.Database): void => {
  db.exec(NEAR_DUPLICATE_SCHEMA_SQL);
  db.exec(NEAR_DUPLICATE_LSH_MIGRATION_SQL);
  db.exec(NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL);
  db.exec(NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL);
};

/**
 * Migration 24: (fingerprint id, article id) in a narrow index. LSH candidates arrive as fingerprint
 * ids, and ranking ties by article id read up to hundreds of them per lookup from the wide rows.
 */
export const NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL = `
CREATE INDEX dedup_fingerprints_id_article ON dedup_fingerprints(id, article_id);
`;

type DecisionRow = SyndicationRow & { reasons: string };

const toBlob = uint32Bytes;

const toDecision = (row: DecisionRow): SyndicationDecision =>
  decisionOf(row, JSON.parse(row.reasons) as SyndicationReason[]);

/** NearDuplicateIndex on the store's SQLite database; the tables come from NEAR_DUPLICATE_SCHEMA_SQL. */
export class SqliteNearDuplicateIndex implements NearDuplicateIndex {
  private readonly insertFingerprint;
  private readonly lsh: SqliteLshPostings;
  private readonly selectArticleIds;
  private readonly selectFingerprint;
  private readonly selectCandidates;
  private readonly selectByText;
  private readonly selectByUrl;
  private readonly selectDecision;
  private readonly selectCopies;
  private readonly upsertDecision;
  private readonly selectAllDecisions;
  private readonly addAll;
  private readonly saveAll;

  constructor(db: Database.Database, lshCapacities?: LshCapacities) {
    this.insertFingerprint = db.prepare<
      [
        string,
        string | null,
        string | null,
        string,
        string | null,
        string | null,
        Buffer,
        Buffer,
        Buffer,
        Buffer,
        string,
      ],
      { id: number }
    >(
      `INSERT INTO dedup_fingerprints (article_id, source, published, text_hash, url_hash, title_hash, words, paragraph_starts, figures, signature, band_keys)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING RETURNING id`,
    );
    this.lsh = new SqliteLshPostings(db, lshCapacities);
    this.selectArticleIds = db.prepare<[string], { id: number; article_id: string }>(
      // The narrow index (migration 24) answers without reading the wide fingerprint rows.
      `SELECT id, article_id FROM dedup_fingerprints INDEXED BY dedup_fingerprints_id_article
        WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.selectFingerprint = db.prepare<[string], FingerprintRow>(
      `SELECT ${fingerprintColumns()} FROM dedup_fingerprints WHERE article_id = ?`,
    );
    this.selectCandidates = db.prepare<[string], FingerprintRow & { canonical_id: string | null }>(
      `SELECT ${fingerprintColumns('f')}, d.canonical_id FROM json_each(?) j
         JOIN dedup_fingerprints f ON f.article_id = j.value
         LEFT JOIN syndication_decisions d ON d.article_id = f.article_id`,
    );
    this.selectByText = db.prepare<[string], { article_id: string }>(
      'SELECT article_id FROM dedup_fingerprints WHERE text_hash = ? ORDER BY article_id',
    );
    this.selectByUrl = db.prepare<[string], { article_id: string }>(
      'SELECT article_id FROM dedup_fingerprints WHERE url_hash = ? ORDER BY article_id',
    );
    this.selectDecision = db.prepare<[string], DecisionRow>(
      'SELECT * FROM syndication_decisions WHERE article_id = ?',
    );
    this.selectCopies = db.prepare<[string], DecisionRow>(
      'SELECT * FROM syndication_decisions WHERE canonical_id = ? ORDER BY article_id',
    );
    this.upsertDecision = db.prepare<[string, string, string | null, number, string, string]>(
      `INSERT INTO syndication_decisions (article_id, status, canonical_id, similarity, reasons, version)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, canonical_id = excluded.canonical_id,
         similarity = excluded.similarity, reasons = excluded.reasons, version = excluded.version`,
    );
    this.selectAllDecisions = db.prepare<[], DecisionRow>(
      'SELECT * FROM syndication_decisions WHERE canonical_id IS NOT NULL',
    );
    this.addAll = db.transaction((fingerprint: ArticleFingerprint, bands: readonly number[]) => {
      const bandsJson = JSON.stringify(bands);
      const row = this.insertFingerprint.get(
        fingerprint.articleId,
        fingerprint.source ?? null,
        fingerprint.published ?? null,
        fingerprint.textHash,
        fingerprint.urlHash ?? null,
        fingerprint.titleHash ?? null,
        toBlob(fingerprint.words),
        toBlob(fingerprint.paragraphStarts),
        toBlob(fingerprint.figures),
        toBlob(fingerprint.signature),
        bandsJson,
      );
      if (!row) return;
      SqliteLshPostings.check(row.id, bands);
      this.lsh.added();
    });
    this.saveAll = db.transaction((decisions: readonly SyndicationDecision[]) => {
      for (const d of decisions) {
        this.upsertDecision.run(
          d.articleId,
          d.status,
          d.of ?? null,
          d.similarity,
          JSON.stringify(d.reasons),
          d.version,
        );
      }
    });
  }

  async addFingerprint(fingerprint: ArticleFingerprint, bands: readonly number[]): Promise<void> {
    this.addAll(fingerprint, bands);
  }

  async getFingerprint(articleId: string): Promise<ArticleFingerprint | undefined> {
    const row = this.selectFingerprint.get(articleId);
    return row ? toFingerprint(row) : undefined;
  }

  async getCandidates(articleIds: readonly string[]): Promise<Map<string, IndexedCandidate>> {
    return candidatesOf(this.selectCandidates.all(JSON.stringify(articleIds)));
  }

  async findBandCandidates(bands: readonly number[], limit: number): Promise<BandCandidate[]> {
    if (bands.length === 0 || limit <= 0) return [];
    const shared = this.lsh.sharedCounts(bands);
    if (shared.size === 0) return [];
    // Only counts that can make the top `limit` need article ids (for the tie order).
    const counts = [...shared.values()].sort((a, b) => b - a);
    const cutoff = counts[Math.min(limit, counts.length) - 1] as number;
    const kept = [...shared.entries()].filter(([, count]) => count >= cutoff).map(([id]) => id);
    return this.selectArticleIds
      .all(JSON.stringify(kept))
      .map((row) => ({ articleId: row.article_id, sharedBands: shared.get(row.id) as number }))
      .sort(
        (a, b) =>
          b.sharedBands - a.sharedBands ||
          (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0),
      )
      .slice(0, limit);
  }

  async findByTextHash(textHash: string): Promise<string[]> {
    return this.selectByText.all(textHash).map((row) => row.article_id);
  }

  async findByUrlHash(urlHash: string): Promise<string[]> {
    return this.selectByUrl.all(urlHash).map((row) => row.article_id);
  }

  async getDecision(articleId: string): Promise<SyndicationDecision | undefined> {
    const row = this.selectDecision.get(articleId);
    return row ? toDecision(row) : undefined;
  }

  async listCopiesOf(canonicalId: string): Promise<SyndicationDecision[]> {
    return this.selectCopies.all(canonicalId).map(toDecision);
  }

  async saveDecisions(decisions: readonly SyndicationDecision[]): Promise<void> {
    this.saveAll(decisions);
  }

  async listGroups(): Promise<SyndicationGroup[]> {
    return groupDecisions(this.selectAllDecisions.all().map(toDecision));
  }
}
