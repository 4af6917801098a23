import type Database from 'better-sqlite3';
import type pg from 'pg';
import { pgJson, pgText } from './article-row.js';

/** Rows copied by copyOrganiseState (rows already in PostgreSQL are not counted). */
export interface OrganiseCopyCounts {
  fingerprints: number;
  decisions: number;
  stories: number;
  storyMembers: number;
}

/**
 * SQLite's own layout of the LSH postings (near-duplicate-lsh.ts: packed chunks, and a mark past
 * which postings are read from each fingerprint's band keys): not copied, PostgreSQL keeps one row per
 * bucket and fingerprint, built from `dedup_buckets`.
 */
export const SQLITE_ONLY_ORGANISE_TABLE = /^dedup_lsh_/;

/** Tables (or views) of the syndication and story indexes that `sitrep migrate` copies. */
export const ORGANISE_TABLES = [
  'dedup_fingerprints',
  'dedup_buckets',
  'syndication_decisions',
  'story_corpus',
  'story_term_frequencies',
  'stories',
  'story_lookup_terms',
  'story_members',
] as const;

type Row = Record<string, unknown>;

const nullableText = (value: unknown): string | null =>
  value === null || value === undefined ? null : pgText(String(value));

const json = (value: unknown): string => pgJson(JSON.parse(String(value)) as unknown);

/**
 * Streams a SQLite query in chunks. Awaiting between chunks is fine: the source is opened read-only
 * and nothing else runs on it meanwhile.
 */
const inChunks = async (
  db: Database.Database,
  sql: string,
  size: number,
  write: (rows: Row[]) => Promise<number>,
): Promise<number> => {
  let written = 0;
  let chunk: Row[] = [];
  for (const row of db.prepare<[], Row>(sql).iterate()) {
    chunk.push(row);
    if (chunk.length >= size) {
      written += await write(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) written += await write(chunk);
  return written;
};

const column = (rows: readonly Row[], key: string, map: (v: unknown) => unknown = (v) => v) =>
  rows.map((row) => map(row[key]));

/**
 * Fingerprints, then their bucket rows. The integer keys are PostgreSQL's own (a store may already
 * hold fingerprints), so bucket rows are mapped from the SQLite key to the PostgreSQL one through
 * the article id.
 */
const copyFingerprints = async (
  db: Database.Database,
  pool: pg.Pool,
  size: number,
): Promise<number> => {
  const pgKeyOf = new Map<number, number>();
  const copied = await inChunks(
    db,
    'SELECT * FROM dedup_fingerprints ORDER BY id',
    size,
    async (rows) => {
      const inserted = await pool.query(
        `INSERT INTO dedup_fingerprints (article_id, source, published, text_hash, url_hash, title_hash, words,
         paragraph_starts, figures, signature)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[],
         $8::bytea[], $9::bytea[], $10::bytea[])
       ON CONFLICT (article_id) DO NOTHING`,
        [
          column(rows, 'article_id'),
          column(rows, 'source', nullableText),
          column(rows, 'published', nullableText),
          column(rows, 'text_hash'),
          column(rows, 'url_hash'),
          column(rows, 'title_hash'),
          column(rows, 'words'),
          column(rows, 'paragraph_starts'),
          column(rows, 'figures'),
          column(rows, 'signature'),
        ],
      );
      const keys = await pool.query<{ id: number; article_id: string }>(
        'SELECT id, article_id FROM dedup_fingerprints WHERE article_id = ANY ($1::text[])',
        [column(rows, 'article_id')],
      );
      const byArticle = new Map(keys.rows.map((row) => [row.article_id, row.id]));
      for (const row of rows) {
        const pgKey = byArticle.get(row['article_id'] as string);
        if (pgKey !== undefined) pgKeyOf.set(row['id'] as number, pgKey);
      }
      return inserted.rowCount ?? 0;
    },
  );
  await inChunks(
    db,
    'SELECT bucket, fingerprint_id FROM dedup_buckets',
    size * 20,
    async (rows) => {
      const mapped = rows.filter((row) => pgKeyOf.has(row['fingerprint_id'] as number));
      const result = await pool.query(
        `INSERT INTO dedup_buckets (bucket, fingerprint_id)
       SELECT * FROM unnest($1::bigint[], $2::integer[]) ON CONFLICT DO NOTHING`,
        [
          column(mapped, 'bucket'),
          mapped.map((row) => pgKeyOf.get(row['fingerprint_id'] as number)),
        ],
      );
      return result.rowCount ?? 0;
    },
  );
  return copied;
};

/** One plain table: each chunk one INSERT … SELECT FROM unnest, existing keys left as they are. */
interface PlainTable {
  readonly table: string;
  readonly select: string;
  readonly insert: string;
  readonly columns: readonly [key: string, map?: (v: unknown) => unknown][];
}

const PLAIN_TABLES: readonly PlainTable[] = [
  {
    table: 'syndication_decisions',
    select: 'SELECT * FROM syndication_decisions',
    insert: `INSERT INTO syndication_decisions (article_id, status, canonical_id, similarity, reasons, version)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::double precision[], $5::jsonb[], $6::text[])
      ON CONFLICT DO NOTHING`,
    columns: [
      ['article_id'],
      ['status'],
      ['canonical_id'],
      ['similarity'],
      ['reasons', json],
      ['version'],
    ],
  },
  {
    table: 'story_corpus',
    select: 'SELECT * FROM story_corpus',
    insert: `INSERT INTO story_corpus (id, documents)
      SELECT * FROM unnest($1::integer[], $2::bigint[]) ON CONFLICT DO NOTHING`,
    columns: [['id'], ['documents']],
  },
  {
    table: 'story_term_frequencies',
    select: 'SELECT * FROM story_term_frequencies',
    insert: `INSERT INTO story_term_frequencies (term, documents)
      SELECT * FROM unnest($1::text[], $2::integer[]) ON CONFLICT DO NOTHING`,
    columns: [['term', nullableText], ['documents']],
  },
  {
    table: 'stories',
    select: 'SELECT * FROM stories',
    insert: `INSERT INTO stories (id, title, first_seen, last_seen, article_count, sources, centroid, version)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::jsonb[], $7::text[],
        $8::text[])
      ON CONFLICT DO NOTHING`,
    columns: [
      ['id'],
      ['title', nullableText],
      ['first_seen', nullableText],
      ['last_seen', nullableText],
      ['article_count'],
      ['sources', json],
      ['centroid'],
      ['version'],
    ],
  },
  {
    table: 'story_lookup_terms',
    select: 'SELECT * FROM story_lookup_terms',
    // A term of a story the source no longer holds is left out (and shows in the verified counts)
    // rather than failing the copy on the foreign key.
    insert: `INSERT INTO story_lookup_terms (term, story_id, seq)
      SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u (term, story_id, seq)
       WHERE EXISTS (SELECT 1 FROM stories s WHERE s.id = u.story_id)
      ON CONFLICT DO NOTHING`,
    columns: [['term', nullableText], ['story_id'], ['seq']],
  },
  {
    table: 'story_members',
    select: 'SELECT * FROM story_members',
    insert: `INSERT INTO story_members (article_id, story_id, published, title, source, similarity, sort_key)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::double precision[], $7::text[])
      ON CONFLICT DO NOTHING`,
    columns: [
      ['article_id'],
      ['story_id'],
      ['published', nullableText],
      ['title', nullableText],
      ['source', nullableText],
      ['similarity'],
      ['sort_key', nullableText],
    ],
  },
];

/**
 * Copies the syndication and story indexes (fingerprints, buckets, decisions, corpus statistics,
 * stories, lookup terms, members) as they are: decisions and stories are not recomputed, so the
 * PostgreSQL store answers `dupes` and `stories` exactly as the SQLite one did, and later ingests
 * extend the same state. Tables a store does not have yet (older SQLite stores) are skipped.
 */
export const copyOrganiseState = async (
  db: Database.Database,
  pool: pg.Pool,
  chunkSize = 500,
): Promise<OrganiseCopyCounts> => {
  // dedup_buckets may be a view (SQLite keeps the band keys on the fingerprint since migration 22).
  const exists = (table: string): boolean =>
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")
      .get(table) !== undefined;
  const counts: OrganiseCopyCounts = { fingerprints: 0, decisions: 0, stories: 0, storyMembers: 0 };
  if (exists('dedup_fingerprints') && exists('dedup_buckets'))
    counts.fingerprints = await copyFingerprints(db, pool, chunkSize);
  const copied: Record<string, number> = {};
  for (const table of PLAIN_TABLES) {
    if (!exists(table.table)) continue;
    copied[table.table] = await inChunks(db, table.select, chunkSize, async (rows) => {
      const result = await pool.query(
        table.insert,
        table.columns.map(([key, map]) => column(rows, key, map)),
      );
      return result.rowCount ?? 0;
    });
  }
  counts.decisions = copied['syndication_decisions'] ?? 0;
  counts.stories = copied['stories'] ?? 0;
  counts.storyMembers = copied['story_members'] ?? 0;
  return counts;
};
