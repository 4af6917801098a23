import type Database from 'better-sqlite3';
import type pg from 'pg';
import { sha256Hex } from '../../core/hash.js';
import { MultisetHash } from './multiset-hash.js';
import {
  hashOrganisePostgres,
  hashOrganiseSqlite,
  ORGANISE_COUNT_KEYS,
  type OrganiseCounts,
} from './organise-checksum.js';

/**
 * A content checksum both backends compute the same way, so `sitrep migrate` can prove a copy.
 * Every article (id, identity, current revision, content hash), every revision (article,
 * revision, content hash, raw hash, sha256 of the raw bytes actually stored) and every feed url is
 * hashed on its own, and so are enrichment and facts; the syndication and story state
 * (organise-checksum.ts) has a digest of its own. Row hashes are summed (MultisetHash), so each
 * backend scans in its own order.
 */
export interface StoreChecksum extends OrganiseCounts {
  readonly articles: number;
  readonly revisions: number;
  readonly feeds: number;
  readonly apiTokens: number;
  readonly enrichments: number;
  readonly entityMentions: number;
  /** Rows of article_figures, article_quotes and article_relations. */
  readonly figures: number;
  readonly quotes: number;
  readonly relations: number;
  /** Articles, revisions, feeds, enrichment and facts: equal whenever the same inputs were stored. */
  readonly sha256: string;
  /**
   * The syndication and story indexes. Stories depend on the order articles arrived in, so this
   * differs between stores filled in different orders (e.g. by several workers); a copy keeps it.
   */
  readonly organiseSha256: string;
}

/** A restored store holds what was backed up: the same content, organise state and articles. */
export const sameStoreChecksum = (a: StoreChecksum, b: StoreChecksum): boolean =>
  a.sha256 === b.sha256 && a.organiseSha256 === b.organiseSha256 && a.articles === b.articles;

interface ArticleKey {
  id: string;
  identity_key: string;
  revision: number;
  content_hash: string;
}
interface RevisionKey {
  article_id: string;
  revision: number;
  content_hash: string;
  raw_hash: string;
  raw_sha256: string;
}

const articleLine = (row: ArticleKey): string =>
  `a\t${row.id}\t${row.identity_key}\t${row.revision}\t${row.content_hash}`;
const revisionLine = (row: RevisionKey): string =>
  `r\t${row.article_id}\t${row.revision}\t${row.content_hash}\t${row.raw_hash}\t${row.raw_sha256}`;
const feedLine = (xmlUrl: string): string => `f\t${xmlUrl}`;

const finish = (
  hash: MultisetHash,
  organiseHash: MultisetHash,
  counts: Omit<StoreChecksum, 'sha256' | 'organiseSha256'>,
): StoreChecksum => ({
  ...counts,
  sha256: hash.digest(
    [
      counts.articles,
      counts.revisions,
      counts.feeds,
      counts.enrichments,
      counts.entityMentions,
      counts.figures,
      counts.quotes,
      counts.relations,
    ].join('/'),
  ),
  organiseSha256: organiseHash.digest(ORGANISE_COUNT_KEYS.map((key) => counts[key]).join('/')),
});

/** Enrichment rows: which version enriched each article, and every mention's offsets and entity. */
const ENRICHMENT_SQL = 'SELECT article_id, version FROM article_enrichments';
const MENTION_SQL =
  'SELECT article_id, start_offset, end_offset, entity_id, type FROM entity_mentions';
interface EnrichmentKey {
  article_id: string;
  version: string;
}
interface MentionKey {
  article_id: string;
  start_offset: number;
  end_offset: number;
  entity_id: string;
  type: string;
}
const enrichmentLine = (row: EnrichmentKey): string => `e\t${row.article_id}\t${row.version}`;
const mentionLine = (row: MentionKey): string =>
  `m\t${row.article_id}\t${row.start_offset}\t${row.end_offset}\t${row.entity_id}\t${row.type}`;

/** Fact rows: position, offsets and the fields a reader filters on, one line per row. */
const FACT_SQL = {
  figures:
    'SELECT article_id, ordinal, start_offset, end_offset, kind, value, unit, entity_id FROM article_figures',
  quotes:
    'SELECT article_id, ordinal, start_offset, end_offset, kind, speaker_id, anonymous FROM article_quotes',
  relations:
    'SELECT article_id, ordinal, start_offset, end_offset, subject_id, predicate, object_id, negated FROM article_relations',
} as const;
type FactKind = keyof typeof FACT_SQL;
const FACT_KINDS = Object.keys(FACT_SQL) as FactKind[];
/** Booleans come back as 0/1 from SQLite and true/false from PostgreSQL; nulls as empty. */
const factLine = (kind: FactKind, row: Record<string, unknown>): string =>
  [
    kind,
    ...Object.values(row).map((value) =>
      typeof value === 'boolean' ? Number(value) : value === null ? '' : String(value),
    ),
  ].join('\t');

export const checksumSqlite = (db: Database.Database): StoreChecksum => {
  const hash = new MultisetHash();
  let articles = 0;
  for (const row of db
    .prepare<[], ArticleKey>('SELECT id, identity_key, revision, content_hash FROM articles')
    .iterate()) {
    hash.add(articleLine(row));
    articles++;
  }
  let revisions = 0;
  const revisionRows = db.prepare<[], Omit<RevisionKey, 'raw_sha256'> & { raw: string }>(
    'SELECT article_id, revision, content_hash, raw_hash, raw FROM article_revisions',
  );
  for (const row of revisionRows.iterate()) {
    hash.add(revisionLine({ ...row, raw_sha256: sha256Hex(row.raw) }));
    revisions++;
  }
  let feeds = 0;
  for (const row of db.prepare<[], { xml_url: string }>('SELECT xml_url FROM feeds').iterate()) {
    hash.add(feedLine(row.xml_url));
    feeds++;
  }
  const apiTokens = (
    db.prepare<[], { n: number }>('SELECT count(*) AS n FROM api_tokens').get() ?? { n: 0 }
  ).n;
  let enrichments = 0;
  let entityMentions = 0;
  const facts: Record<FactKind, number> = { figures: 0, quotes: 0, relations: 0 };
  const hasEnrichments =
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_enrichments'")
      .get() !== undefined;
  if (hasEnrichments) {
    for (const row of db.prepare<[], EnrichmentKey>(ENRICHMENT_SQL).iterate()) {
      hash.add(enrichmentLine(row));
      enrichments++;
    }
    for (const row of db.prepare<[], MentionKey>(MENTION_SQL).iterate()) {
      hash.add(mentionLine(row));
      entityMentions++;
    }
  }
  const hasFacts =
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_figures'")
      .get() !== undefined;
  if (hasFacts) {
    for (const kind of FACT_KINDS) {
      for (const row of db.prepare<[], Record<string, unknown>>(FACT_SQL[kind]).iterate()) {
        hash.add(factLine(kind, row));
        facts[kind]++;
      }
    }
  }
  const organiseHash = new MultisetHash();
  const organise = hashOrganiseSqlite(db, organiseHash);
  return finish(hash, organiseHash, {
    articles,
    revisions,
    feeds,
    apiTokens,
    enrichments,
    entityMentions,
    ...facts,
    ...organise,
  });
};

/** Keyset pages along the primary keys, so millions of rows never sit in memory; raw is hashed by the server. */
export const checksumPostgres = async (pool: pg.Pool, pageSize = 5_000): Promise<StoreChecksum> => {
  const hash = new MultisetHash();
  let articles = 0;
  let afterSeq = '0';
  for (;;) {
    const page = await pool.query<ArticleKey & { seq: string }>(
      `SELECT seq, id, identity_key, revision, content_hash FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, pageSize],
    );
    for (const row of page.rows) hash.add(articleLine(row));
    articles += page.rows.length;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < pageSize) break;
    afterSeq = last.seq;
  }
  let revisions = 0;
  let after: [string, number] | undefined;
  for (;;) {
    const page = await pool.query<RevisionKey>(
      `SELECT article_id, revision, content_hash, raw_hash, encode(sha256(raw), 'hex') AS raw_sha256
         FROM article_revisions
        WHERE $1::text IS NULL OR (article_id, revision) > ($1, $2)
        ORDER BY article_id, revision LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? 0, pageSize],
    );
    for (const row of page.rows) hash.add(revisionLine(row));
    revisions += page.rows.length;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < pageSize) break;
    after = [last.article_id, last.revision];
  }
  const feedRows = await pool.query<{ xml_url: string }>('SELECT xml_url FROM feeds');
  for (const row of feedRows.rows) hash.add(feedLine(row.xml_url));
  const tokens = await pool.query<{ n: string }>('SELECT count(*) AS n FROM api_tokens');
  // Enrichment tables hold a few rows per article; one pass each is fine at the sizes we migrate.
  const enrichmentRows = (await pool.query<EnrichmentKey>(ENRICHMENT_SQL)).rows;
  for (const row of enrichmentRows) hash.add(enrichmentLine(row));
  const mentionRows = (await pool.query<MentionKey>(MENTION_SQL)).rows;
  for (const row of mentionRows) hash.add(mentionLine(row));
  const facts: Record<FactKind, number> = { figures: 0, quotes: 0, relations: 0 };
  for (const kind of FACT_KINDS) {
    const rows = (await pool.query<Record<string, unknown>>(FACT_SQL[kind])).rows;
    for (const row of rows) hash.add(factLine(kind, row));
    facts[kind] = rows.length;
  }
  const organiseHash = new MultisetHash();
  const organise = await hashOrganisePostgres(pool, organiseHash, pageSize);
  return finish(hash, organiseHash, {
    ...facts,
    ...organise,
    articles,
    revisions,
    feeds: feedRows.rows.length,
    apiTokens: Number(tokens.rows[0]?.n ?? 0),
    enrichments: enrichmentRows.length,
    entityMentions: mentionRows.length,
  });
};
