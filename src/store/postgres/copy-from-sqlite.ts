import Database from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../../core/errors.js';
import type { ArticleRow } from '../sqlite/article-row.js';
import { inTransaction } from './connection.js';
import { languageKey, sourceKey } from '../search-keys.js';
import { pgJson, pgOptionalText, pgText } from './article-row.js';
import { searchVectorFor } from './save-batch.js';
import { FACT_TABLES, type FactRow } from '../fact-rows.js';
import { insertFactRows } from './postgres-facts.js';
import { checksumPostgres, checksumSqlite, type StoreChecksum } from './store-checksum.js';
import {
  copyOrganiseState,
  ORGANISE_TABLES,
  SQLITE_ONLY_ORGANISE_TABLE,
  type OrganiseCopyCounts,
} from './copy-organise-state.js';
import { applyEntityStats, lockEntityStats } from './postgres-enrichment.js';

export interface CopyProgress {
  readonly copied: number;
  readonly total: number;
}

export interface SqliteToPostgresReport {
  readonly copied: {
    articles: number;
    revisions: number;
    feeds: number;
    apiTokens: number;
    enrichments: number;
  } & OrganiseCopyCounts;
  readonly source: StoreChecksum;
  readonly target: StoreChecksum;
  /** Counts and checksums equal on both sides. */
  readonly verified: boolean;
  /** SQLite tables with no PostgreSQL counterpart yet (later stages), left behind and named. */
  readonly notCopied: string[];
}

/** Tables this copier moves, or that are indexes/bookkeeping rebuilt on the PostgreSQL side. */
const HANDLED_TABLES = new Set([
  'articles',
  'article_revisions',
  'feeds',
  'api_tokens',
  'schema_migrations',
  'article_enrichments',
  'entity_mentions',
  'article_countries',
  'article_figures',
  'article_quotes',
  'article_relations',
  ...ORGANISE_TABLES,
  // Per-entity aggregates (entity-stats.ts): the target derives its own from the copied mentions.
  'entity_articles',
  'entity_stats',
  'entity_months',
  'entity_names',
  // Article counts (article-counts.ts): the target's triggers count the copied articles.
  'article_counts',
  // Derived from the copied enrichment and syndication: `sitrep migrate` rebuilds them on the target.
  'ledger_articles',
  'ledger_claims',
  'ledger_edges',
  'ledger_alternatives',
  // A position in the source's storage order, meaningless on the target (whose order is its own):
  // the target's watchlist evaluation keeps its own cursor. Watchlists themselves are named if present.
  'watch_cursors',
]);

interface SqliteRevisionRow {
  article_id: string;
  revision: number;
  content_hash: string;
  raw_hash: string;
  title: string | null;
  text: string;
  raw: string;
  item_record: string;
  raw_media_type: string;
  provenance: string;
  ingested_at: string;
}

const openSource = (path: string): Database.Database => {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new AppError(
      'STORE_UNAVAILABLE',
      `cannot open SQLite database ${path}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
};

/** JSON text from SQLite, re-serialised so PostgreSQL's jsonb accepts it (no \u0000 escapes). */
const jsonColumn = (text: string): string => pgJson(JSON.parse(text) as unknown);

/**
 * `sitrep migrate`: copies an SQLite store into PostgreSQL (whose schema must already be migrated,
 * e.g. by PostgresStore.open) keeping ids, revisions, raw input and timestamps, in ingest order,
 * one transaction per batch; then the syndication and story indexes as they are
 * (copy-organise-state.ts). Re-running skips what is already there. Then both sides are checksummed.
 */
export const copySqliteToPostgres = async (options: {
  readonly from: string;
  readonly pool: pg.Pool;
  readonly batchSize?: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}): Promise<SqliteToPostgresReport> => {
  const db = openSource(options.from);
  try {
    const hasTable = (name: string): boolean =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
      undefined;
    if (!hasTable('articles')) {
      throw new AppError(
        'STORE_UNAVAILABLE',
        `${options.from} is not a sitrep store (no articles table)`,
      );
    }
    const batchSize = options.batchSize ?? 500;
    const total = (
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get() ?? { n: 0 }
    ).n;
    const copied = { articles: 0, revisions: 0, feeds: 0, apiTokens: 0, enrichments: 0 };
    const page = db.prepare<[number, number], ArticleRow>(
      'SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    const revisionsOf = db.prepare<[string], SqliteRevisionRow>(
      'SELECT * FROM article_revisions WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, revision',
    );
    let after = 0;
    let seen = 0;
    options.onProgress?.({ copied: 0, total });
    for (;;) {
      const articles = page.all(after, batchSize);
      if (articles.length === 0) break;
      const revisions = revisionsOf.all(JSON.stringify(articles.map((a) => a.id)));
      const ids = articles.map((a) => a.id);
      const counts = await inTransaction(options.pool, async (client) => {
        const batch = await copyBatch(client, articles, revisions);
        const enrichments = hasTable('article_enrichments')
          ? await copyEnrichments(db, client, ids)
          : 0;
        return { ...batch, enrichments };
      });
      copied.articles += counts.articles;
      copied.revisions += counts.revisions;
      copied.enrichments += counts.enrichments;
      seen += articles.length;
      after = articles.at(-1)!.seq;
      options.onProgress?.({ copied: seen, total });
    }
    if (hasTable('feeds')) copied.feeds = await copyFeeds(db, options.pool);
    if (hasTable('api_tokens')) copied.apiTokens = await copyTokens(db, options.pool);
    const organised = await copyOrganiseState(db, options.pool);

    const notCopied = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'articles_fts%' ORDER BY name`,
      )
      .all()
      .map((row) => row.name)
      .filter((name) => !HANDLED_TABLES.has(name) && !SQLITE_ONLY_ORGANISE_TABLE.test(name))
      .filter(
        (name) =>
          (db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n ?? 0) > 0,
      );
    const source = checksumSqlite(db);
    const target = await checksumPostgres(options.pool);
    // Every count and the content checksum must agree.
    const verified = (Object.keys(source) as (keyof StoreChecksum)[]).every(
      (key) => source[key] === target[key],
    );
    return { copied: { ...copied, ...organised }, source, target, verified, notCopied };
  } finally {
    db.close();
  }
};

const copyBatch = async (
  client: pg.PoolClient,
  articles: readonly ArticleRow[],
  revisions: readonly SqliteRevisionRow[],
): Promise<{ articles: number; revisions: number }> => {
  const column = <T>(pick: (row: ArticleRow) => T): T[] => articles.map(pick);
  const insertedArticles = await client.query(
    `INSERT INTO articles (id, identity_key, revision, format, external_id, url, canonical_url, source, site,
       title, text, authors, categories, published, language, content_hash, stage_versions, provenance,
       raw_media_type, ingested_at, updated_at, search_vector, source_key, language_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::jsonb[], $14::text[], $15::text[],
       $16::text[], $17::jsonb[], $18::jsonb[], $19::text[], $20::timestamptz[], $21::timestamptz[],
       $22::tsvector[], $23::text[], $24::text[])
     ON CONFLICT DO NOTHING`,
    [
      column((a) => a.id),
      column((a) => a.identity_key),
      column((a) => a.revision),
      column((a) => a.format),
      column((a) => a.external_id),
      column((a) => a.url),
      column((a) => a.canonical_url),
      column((a) => a.source),
      column((a) => a.site),
      column((a) => (a.title === null ? null : pgText(a.title))),
      column((a) => pgText(a.text)),
      column((a) => jsonColumn(a.authors)),
      column((a) => jsonColumn(a.categories)),
      column((a) => a.published),
      column((a) => a.language),
      column((a) => a.content_hash),
      column((a) => jsonColumn(a.stage_versions)),
      column((a) => jsonColumn(a.provenance)),
      column((a) => a.raw_media_type),
      column((a) => a.ingested_at),
      column((a) => a.updated_at),
      column((a) => searchVectorFor(a.title ?? undefined, a.text)),
      column((a) => sourceKey(a.source ?? undefined)),
      column((a) => languageKey(a.language ?? undefined)),
    ],
  );
  if (revisions.length === 0) return { articles: insertedArticles.rowCount ?? 0, revisions: 0 };
  const insertedRevisions = await client.query(
    `INSERT INTO article_revisions (article_id, revision, content_hash, raw_hash, title, text, raw, item_record,
       raw_media_type, provenance, ingested_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[],
       $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [
      revisions.map((r) => r.article_id),
      revisions.map((r) => r.revision),
      revisions.map((r) => r.content_hash),
      revisions.map((r) => r.raw_hash),
      revisions.map((r) => (r.title === null ? null : pgText(r.title))),
      revisions.map((r) => pgText(r.text)),
      revisions.map((r) => Buffer.from(r.raw, 'utf8')),
      revisions.map((r) => pgText(r.item_record)),
      revisions.map((r) => r.raw_media_type),
      revisions.map((r) => jsonColumn(r.provenance)),
      revisions.map((r) => r.ingested_at),
    ],
  );
  return { articles: insertedArticles.rowCount ?? 0, revisions: insertedRevisions.rowCount ?? 0 };
};

const copyFeeds = async (db: Database.Database, pool: pg.Pool): Promise<number> => {
  const feeds = db
    .prepare<
      [],
      {
        xml_url: string;
        title: string | null;
        html_url: string | null;
        category: string | null;
        provenance: string;
        added_at: string;
      }
    >('SELECT * FROM feeds')
    .all();
  if (feeds.length === 0) return 0;
  const result = await pool.query(
    `INSERT INTO feeds (xml_url, title, html_url, category, provenance, added_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [
      feeds.map((f) => pgText(f.xml_url)),
      feeds.map((f) => pgOptionalText(f.title ?? undefined)),
      feeds.map((f) => pgOptionalText(f.html_url ?? undefined)),
      feeds.map((f) => pgOptionalText(f.category ?? undefined)),
      feeds.map((f) => jsonColumn(f.provenance)),
      feeds.map((f) => f.added_at),
    ],
  );
  return result.rowCount ?? 0;
};

const copyTokens = async (db: Database.Database, pool: pg.Pool): Promise<number> => {
  const tokens = db
    .prepare<
      [],
      {
        name: string;
        token_hash: string;
        scopes: string;
        created_at: string;
        expires_at?: string | null;
      }
    >('SELECT * FROM api_tokens')
    .all();
  if (tokens.length === 0) return 0;
  // A source store older than migration 150 has no expires_at column: its tokens never expire.
  const result = await pool.query(
    `INSERT INTO api_tokens (name, token_hash, scopes, created_at, expires_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::text[])
     ON CONFLICT DO NOTHING`,
    [
      tokens.map((t) => t.name),
      tokens.map((t) => t.token_hash),
      tokens.map((t) => jsonColumn(t.scopes)),
      tokens.map((t) => t.created_at),
      tokens.map((t) => t.expires_at ?? null),
    ],
  );
  return result.rowCount ?? 0;
};

/**
 * Enrichment rows of one batch of articles: the document, entity mentions, countries, figures, quotes
 * and relations, as stored.
 */
const copyEnrichments = async (
  db: Database.Database,
  client: pg.PoolClient,
  articleIds: readonly string[],
): Promise<number> => {
  const idsJson = JSON.stringify(articleIds);
  const inBatch = 'article_id IN (SELECT value FROM json_each(?))';
  const enrichments = db
    .prepare<
      [string],
      { article_id: string; version: string; document: string; enriched_at: string }
    >(`SELECT * FROM article_enrichments WHERE ${inBatch}`)
    .all(idsJson);
  if (enrichments.length === 0) return 0;
  const inserted = await client.query(
    `INSERT INTO article_enrichments (article_id, version, document, enriched_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
    [
      enrichments.map((e) => e.article_id),
      enrichments.map((e) => e.version),
      enrichments.map((e) => jsonColumn(e.document)),
      enrichments.map((e) => e.enriched_at),
    ],
  );
  // Mentions and countries go with their enrichment: only for articles enriched in this copy.
  if ((inserted.rowCount ?? 0) === 0) return 0;
  const mentions = db
    .prepare<[string], Record<string, string | number>>(
      `SELECT * FROM entity_mentions WHERE ${inBatch}`,
    )
    .all(idsJson);
  const pick = (rows: Record<string, string | number>[], key: string) =>
    rows.map((row) => row[key]);
  if (mentions.length > 0) {
    await client.query(
      `INSERT INTO entity_mentions (article_id, start_offset, end_offset, text, type, entity_id, name, name_key,
         type_key, enricher_version)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[])`,
      [
        'article_id',
        'start_offset',
        'end_offset',
        'text',
        'type',
        'entity_id',
        'name',
        'name_key',
        'type_key',
        'enricher_version',
      ].map((key) => pick(mentions, key)),
    );
    // The target's per-entity aggregates (entity-stats.ts) follow the copied mentions; many
    // articles in one transaction is several passes over the rows, so the lock is exclusive.
    await lockEntityStats(client, 'exclusive');
    for (const id of new Set(mentions.map((m) => String(m['article_id']))))
      await applyEntityStats(client, 'add', id);
  }
  const countries = db
    .prepare<[string], Record<string, string>>(`SELECT * FROM article_countries WHERE ${inBatch}`)
    .all(idsJson);
  if (countries.length > 0) {
    await client.query(
      `INSERT INTO article_countries (article_id, code, name, code_key, name_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
      ['article_id', 'code', 'name', 'code_key', 'name_key'].map((key) => pick(countries, key)),
    );
  }
  const hasFacts =
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_figures'")
      .get() !== undefined;
  if (hasFacts) {
    for (const table of FACT_TABLES) {
      const rows = db
        .prepare<[string], FactRow>(`SELECT * FROM ${table.table} WHERE ${inBatch}`)
        .all(idsJson);
      await insertFactRows(client, table, rows);
    }
  }
  return inserted.rowCount ?? 0;
};
