import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { sha256Hex } from '../../core/hash.js';
import { pgText } from './article-row.js';
import type { MultisetHash } from './multiset-hash.js';

/**
 * The syndication and story state in the store checksum (store-checksum.ts): one line per row of
 * every table of the two indexes, built the same way from either backend. Fingerprint arrays are
 * compared by the sha256 of their bytes, the centroid by the sha256 of its JSON text, and bucket
 * rows by article id (the fingerprints' integer keys differ between the backends). Texts pass
 * pgText on both sides, as they did on their way into PostgreSQL.
 */
export interface OrganiseCounts {
  readonly fingerprints: number;
  readonly buckets: number;
  readonly decisions: number;
  /** Documents counted by the story stage (its IDF corpus size). */
  readonly storyDocuments: number;
  /** Terms with a document frequency. */
  readonly storyTerms: number;
  readonly stories: number;
  readonly storyLookupTerms: number;
  readonly storyMembers: number;
}

export const ORGANISE_COUNT_KEYS: readonly (keyof OrganiseCounts)[] = [
  'fingerprints',
  'buckets',
  'decisions',
  'storyDocuments',
  'storyTerms',
  'stories',
  'storyLookupTerms',
  'storyMembers',
];

type Row = Record<string, unknown>;

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : pgText(String(value));

/** One table: its query per backend and its line. PostgreSQL hashes the byte columns itself. */
interface TableHash {
  readonly count: keyof OrganiseCounts;
  /** Tables that must exist in SQLite for the query to run. */
  readonly tables: readonly string[];
  readonly sqlite: string;
  readonly postgres: string;
  readonly line: (row: Row) => string;
  /** What a row adds to its count (default 1). */
  readonly weight?: (row: Row) => number;
}

/** SQLite gives the BLOB, PostgreSQL already its sha256 (hex). */
const bytesHash = (value: unknown): string =>
  Buffer.isBuffer(value) ? createHash('sha256').update(value).digest('hex') : String(value);

const TABLES: readonly TableHash[] = [
  {
    count: 'fingerprints',
    tables: ['dedup_fingerprints'],
    sqlite:
      'SELECT article_id, source, published, text_hash, url_hash, title_hash, words, paragraph_starts, figures, signature FROM dedup_fingerprints',
    postgres: `SELECT article_id, source, published, text_hash, url_hash, title_hash,
      encode(sha256(words), 'hex') AS words, encode(sha256(paragraph_starts), 'hex') AS paragraph_starts,
      encode(sha256(figures), 'hex') AS figures, encode(sha256(signature), 'hex') AS signature
      FROM dedup_fingerprints`,
    line: (r) =>
      [
        'fp',
        r['article_id'],
        text(r['source']),
        text(r['published']),
        r['text_hash'],
        text(r['url_hash']),
        text(r['title_hash']),
        bytesHash(r['words']),
        bytesHash(r['paragraph_starts']),
        bytesHash(r['figures']),
        bytesHash(r['signature']),
      ].join('\t'),
  },
  {
    count: 'buckets',
    tables: ['dedup_buckets', 'dedup_fingerprints'],
    sqlite:
      'SELECT f.article_id, b.bucket FROM dedup_buckets b JOIN dedup_fingerprints f ON f.id = b.fingerprint_id',
    postgres:
      'SELECT f.article_id, b.bucket FROM dedup_buckets b JOIN dedup_fingerprints f ON f.id = b.fingerprint_id',
    line: (r) => `b\t${String(r['article_id'])}\t${String(r['bucket'])}`,
  },
  {
    count: 'decisions',
    tables: ['syndication_decisions'],
    sqlite:
      'SELECT article_id, status, canonical_id, similarity, reasons, version FROM syndication_decisions',
    postgres:
      'SELECT article_id, status, canonical_id, similarity, reasons, version FROM syndication_decisions',
    line: (r) =>
      [
        'sd',
        r['article_id'],
        r['status'],
        text(r['canonical_id']),
        String(r['similarity']),
        jsonList(r['reasons']),
        r['version'],
      ].join('\t'),
  },
  {
    count: 'storyDocuments',
    tables: ['story_corpus'],
    sqlite: 'SELECT documents FROM story_corpus',
    postgres: 'SELECT documents FROM story_corpus',
    line: (r) => `sc\t${String(r['documents'])}`,
    weight: (r) => Number(r['documents']),
  },
  {
    count: 'storyTerms',
    tables: ['story_term_frequencies'],
    sqlite: 'SELECT term, documents FROM story_term_frequencies',
    postgres: 'SELECT term, documents FROM story_term_frequencies',
    line: (r) => `tf\t${text(r['term'])}\t${String(r['documents'])}`,
  },
  {
    count: 'stories',
    tables: ['stories'],
    sqlite:
      'SELECT id, title, first_seen, last_seen, article_count, sources, centroid, version FROM stories',
    postgres:
      'SELECT id, title, first_seen, last_seen, article_count, sources, centroid, version FROM stories',
    line: (r) =>
      [
        'st',
        r['id'],
        text(r['title']),
        text(r['first_seen']),
        text(r['last_seen']),
        String(r['article_count']),
        jsonList(r['sources']),
        sha256Hex(String(r['centroid'])),
        r['version'],
      ].join('\t'),
  },
  {
    count: 'storyLookupTerms',
    tables: ['story_lookup_terms'],
    sqlite: 'SELECT term, story_id, seq FROM story_lookup_terms',
    postgres: 'SELECT term, story_id, seq FROM story_lookup_terms',
    line: (r) => `sl\t${text(r['term'])}\t${String(r['story_id'])}\t${String(r['seq'])}`,
  },
  {
    count: 'storyMembers',
    tables: ['story_members'],
    sqlite:
      'SELECT article_id, story_id, published, title, source, similarity, sort_key FROM story_members',
    postgres:
      'SELECT article_id, story_id, published, title, source, similarity, sort_key FROM story_members',
    line: (r) =>
      [
        'sm',
        r['article_id'],
        r['story_id'],
        text(r['published']),
        text(r['title']),
        text(r['source']),
        String(r['similarity']),
        text(r['sort_key']),
      ].join('\t'),
  },
];

/** JSON arrays of strings come back as text from SQLite and parsed from PostgreSQL's jsonb. */
function jsonList(value: unknown): string {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as unknown[];
  return list.map(text).join(',');
}

const zeroCounts = (): Record<keyof OrganiseCounts, number> =>
  Object.fromEntries(ORGANISE_COUNT_KEYS.map((key) => [key, 0])) as Record<
    keyof OrganiseCounts,
    number
  >;

export const hashOrganiseSqlite = (db: Database.Database, hash: MultisetHash): OrganiseCounts => {
  const exists = db.prepare<[string]>(
    "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
  );
  const counts = zeroCounts();
  for (const table of TABLES) {
    if (!table.tables.every((name) => exists.get(name) !== undefined)) continue;
    for (const row of db.prepare<[], Row>(table.sqlite).iterate()) {
      hash.add(table.line(row));
      counts[table.count] += table.weight?.(row) ?? 1;
    }
  }
  return counts;
};

/** Reads through a server-side cursor, so a table of millions of bucket rows never sits in memory. */
export const hashOrganisePostgres = async (
  pool: pg.Pool,
  hash: MultisetHash,
  pageSize = 5_000,
): Promise<OrganiseCounts> => {
  const counts = zeroCounts();
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of TABLES) {
      await client.query(`DECLARE organise_rows NO SCROLL CURSOR FOR ${table.postgres}`);
      for (;;) {
        const page = await client.query<Row>(`FETCH ${pageSize} FROM organise_rows`);
        for (const row of page.rows) {
          hash.add(table.line(row));
          counts[table.count] += table.weight?.(row) ?? 1;
        }
        if (page.rows.length < pageSize) break;
      }
      await client.query('CLOSE organise_rows');
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return counts;
};
