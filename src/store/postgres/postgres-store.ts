import type pg from 'pg';
import type {
  Article,
  ArticleDraft,
  ArticleRevision,
  DerivedFields,
  SaveOutcome,
} from '../../core/article.js';
import { AppError, isAppError } from '../../core/errors.js';
import type {
  ArticleEnrichment,
  FigureRecord,
  QuoteRecord,
  RelationRecord,
} from '../../core/enrichment.js';
import type { FeedSubscription, Provenance } from '../../core/raw-item.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type {
  ApiTokenRecord,
  ArticleStore,
  ArticleWithRaw,
  CooccurringEntity,
  EntityListOptions,
  EntitySummary,
  Fact,
  FactListOptions,
  ListOptions,
  Page,
  SearchRequest,
  SearchResult,
  StoreStats,
} from '../port.js';
import {
  ARTICLE_COLUMNS,
  articleFromPgRow,
  pgJson,
  pgOptionalText,
  pgText,
  revisionFromPgRow,
  type PgArticleRow,
  type PgRevisionRow,
} from './article-row.js';
import {
  connect,
  inTransaction,
  isConnectionError,
  isRetryableTransactionError,
  unavailable,
  type PostgresConnectionOptions,
  type PostgresTarget,
} from './connection.js';
import { migratePostgres } from './migrate.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { IdentityRaceError, saveBatch, searchVectorFor } from './save-batch.js';
import { languageKey } from '../search-keys.js';
import { getPostgresEnrichment, savePostgresEnrichments } from './postgres-enrichment.js';
import { withStatementRetry } from './statement-retry.js';
import { searchPostgres } from './postgres-search.js';
import { postgresRunner } from './postgres-facts.js';
import { SourcesQueries } from '../sources-queries.js';
import { WatchlistsQueries } from '../watchlists-queries.js';
import { postgresLiveSql } from './postgres-live-sql.js';
import { EntityArticleQueries } from '../entity-article-queries.js';
import { FactQueries } from '../fact-queries.js';
import { PostgresNearDuplicateIndex } from './near-duplicate-index.js';
import { OrganiseTransaction } from './organise-transaction.js';
import type { OrganiseLockStats } from '../port.js';
import { PostgresStoryIndex } from './story-index.js';
import { PostgresLedger } from './postgres-ledger.js';
import {
  ARTICLE_COUNTS_COMPACT_AFTER,
  ARTICLE_COUNTS_COMPACT_POSTGRES_SQL,
  ARTICLE_COUNTS_READ_SQL,
  statsFromCounts,
  type CountRow,
} from '../article-counts.js';

export interface PostgresStoreOptions extends PostgresConnectionOptions {
  readonly now?: () => Date;
}

/** Attempts per batch when a deadlock or an identity race with another worker forces a retry. */
const MAX_BATCH_ATTEMPTS = 6;

/** The shared-server store: many processes and machines, one database, same port as SQLite. */
export class PostgresStore implements ArticleStore {
  readonly backend = 'postgres' as const;
  readonly nearDuplicates: PostgresNearDuplicateIndex;
  readonly stories: PostgresStoryIndex;
  readonly ledger: PostgresLedger;
  readonly sources: SourcesQueries;
  readonly watchlists: WatchlistsQueries;
  private readonly pool: pg.Pool;
  private readonly organising: OrganiseTransaction;
  private readonly target: PostgresTarget;
  private readonly now: () => Date;
  private readonly facts: FactQueries;
  readonly entityArticles: EntityArticleQueries;

  private constructor(pool: pg.Pool, target: PostgresTarget, now: () => Date) {
    this.pool = pool;
    this.target = target;
    this.now = now;
    this.facts = new FactQueries(postgresRunner(pool));
    this.entityArticles = new EntityArticleQueries(postgresRunner(pool));
    this.organising = new OrganiseTransaction(pool);
    this.nearDuplicates = new PostgresNearDuplicateIndex(this.organising);
    this.stories = new PostgresStoryIndex(this.organising);
    this.ledger = new PostgresLedger(pool, now);
    this.sources = new SourcesQueries(postgresLiveSql(pool));
    this.watchlists = new WatchlistsQueries(postgresLiveSql(pool));
  }

  /**
   * The syndication or story stage of a batch (both without `scope`), in one transaction that no
   * other worker on this schema organises the same stage beside (organise-transaction.ts says why
   * and how).
   */
  readonly inTransaction = <T>(
    work: () => Promise<T>,
    scope?: 'syndication' | 'stories',
  ): Promise<T> => this.guard(() => this.organising.run(work, scope));

  readonly organiseLockStats = (): OrganiseLockStats => ({
    ...this.organising.lockStats(),
    resettled: this.stories.resettledMembers,
  });

  readonly organiseInTurn = <T>(turn: () => Promise<void>, work: () => Promise<T>): Promise<T> =>
    this.organising.inTurn(turn, work);

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const { pool, target } = await connect(options);
    try {
      await migratePostgres(pool, POSTGRES_MIGRATIONS, 'schema_migrations');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(pool, target, options.now ?? (() => new Date()));
  }

  /** For stage-specific tables (dedup, enrichment) that live in the same schema. */
  get connectionPool(): pg.Pool {
    return this.pool;
  }

  /** host:port/database (no password), for messages. */
  get label(): string {
    return this.target.label;
  }

  async saveArticles(drafts: readonly ArticleDraft[]): Promise<SaveOutcome[]> {
    if (drafts.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        const now = this.now().toISOString();
        return await this.guard(() =>
          inTransaction(this.pool, (client) => saveBatch(client, drafts, now)),
        );
      } catch (error) {
        const retryable = error instanceof IdentityRaceError || isRetryableTransactionError(error);
        if (!retryable || attempt >= MAX_BATCH_ATTEMPTS) throw error;
        await sleep(Math.random() * 20 * attempt);
      }
    }
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const result = await this.query<PgArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`,
      [id],
    );
    const row = result.rows[0];
    return row ? articleFromPgRow(row) : undefined;
  }

  async listRevisions(id: string): Promise<ArticleRevision[]> {
    const result = await this.query<PgRevisionRow>(
      `SELECT article_id, revision, content_hash, title, text, raw, raw_media_type, provenance, ingested_at
         FROM article_revisions WHERE article_id = $1 ORDER BY revision`,
      [id],
    );
    return result.rows.map(revisionFromPgRow);
  }

  async listArticles(options: ListOptions): Promise<Page<Article>> {
    const before = options.cursor ? decodeCursor(options.cursor) : Number.MAX_SAFE_INTEGER;
    const result = await this.query<PgArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.seq < $1 ORDER BY a.seq DESC LIMIT $2`,
      [before, options.limit + 1],
    );
    const items = result.rows.slice(0, options.limit);
    const last = items.at(-1);
    return {
      items: items.map(articleFromPgRow),
      ...(result.rows.length > options.limit && last
        ? { nextCursor: encodeCursor(Number(last.seq)) }
        : {}),
    };
  }

  async *streamArticles(options?: { batchSize?: number }): AsyncIterable<ArticleWithRaw> {
    const batchSize = options?.batchSize ?? 500;
    let after = 0;
    for (;;) {
      const result = await this.query<PgArticleRow & { raw: Buffer; item_record: string }>(
        `SELECT ${ARTICLE_COLUMNS}, r.raw, r.item_record FROM articles a
           JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision
          WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
        [after, batchSize],
      );
      for (const row of result.rows) {
        yield {
          ...articleFromPgRow(row),
          raw: row.raw.toString('utf8'),
          itemRecord: row.item_record,
        };
      }
      const last = result.rows.at(-1);
      if (!last || result.rows.length < batchSize) return;
      after = Number(last.seq);
    }
  }

  async updateDerived(id: string, fields: DerivedFields): Promise<void> {
    await this.guard(() =>
      inTransaction(this.pool, async (client) => {
        const current = await client.query<{ revision: number }>(
          'SELECT revision FROM articles WHERE id = $1 FOR UPDATE',
          [id],
        );
        const revision = current.rows[0]?.revision;
        if (revision === undefined) throw new AppError('NOT_FOUND', `no article ${id}`);
        await client.query(
          `UPDATE articles SET title = $2, text = $3, authors = $4, published = $5, language = $6, site = $7,
             canonical_url = $8, content_hash = $9, stage_versions = $10, updated_at = $11,
             search_vector = $12::tsvector, language_key = $13
           WHERE id = $1`,
          [
            id,
            pgOptionalText(fields.title),
            pgText(fields.text),
            pgJson(fields.authors),
            pgOptionalText(fields.published),
            pgOptionalText(fields.language),
            pgOptionalText(fields.site),
            pgOptionalText(fields.canonicalUrl),
            fields.contentHash,
            pgJson(fields.stageVersions),
            this.now().toISOString(),
            searchVectorFor(fields.title, fields.text),
            languageKey(fields.language),
          ],
        );
        await client.query(
          `UPDATE article_revisions SET title = $3, text = $4, content_hash = $5
            WHERE article_id = $1 AND revision = $2`,
          [id, revision, pgOptionalText(fields.title), pgText(fields.text), fields.contentHash],
        );
      }),
    );
  }

  async saveEnrichment(articleId: string, enrichment: ArticleEnrichment): Promise<void> {
    await this.saveEnrichments([{ id: articleId, enrichment }]);
  }

  async saveEnrichments(
    items: readonly { readonly id: string; readonly enrichment: ArticleEnrichment }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const now = this.now().toISOString();
    // Several articles' aggregate upserts may lock rows in another order than a concurrent batch's:
    // a deadlock victim rolled back whole and is run again.
    await this.guard(() =>
      withStatementRetry(() => savePostgresEnrichments(this.pool, items, now)),
    );
  }

  async getEnrichment(articleId: string): Promise<ArticleEnrichment | undefined> {
    return this.guard(() => getPostgresEnrichment(this.pool, articleId));
  }

  listEntities(options: EntityListOptions): Promise<EntitySummary[]> {
    return this.guard(() => this.facts.listEntities(options));
  }

  getEntity(idOrName: string): Promise<EntitySummary | undefined> {
    return this.guard(() => this.facts.getEntity(idOrName));
  }

  entityTimeline(entityId: string): Promise<{ month: string; articles: number }[]> {
    return this.guard(() => this.facts.entityTimeline(entityId));
  }

  listCooccurringEntities(entityId: string, limit: number): Promise<CooccurringEntity[]> {
    return this.guard(() => this.facts.listCooccurringEntities(entityId, limit));
  }

  listFigures(
    options: FactListOptions & { kind?: string; unit?: string },
  ): Promise<Page<Fact<FigureRecord>>> {
    return this.guard(() => this.facts.listFigures(options));
  }

  listQuotes(options: FactListOptions & { speakerId?: string }): Promise<Page<Fact<QuoteRecord>>> {
    return this.guard(() => this.facts.listQuotes(options));
  }

  listRelations(
    options: FactListOptions & { predicate?: string },
  ): Promise<Page<Fact<RelationRecord>>> {
    return this.guard(() => this.facts.listRelations(options));
  }

  async searchArticles(request: SearchRequest): Promise<SearchResult> {
    return this.guard(() => searchPostgres(this.pool, request));
  }

  async saveFeeds(
    feeds: readonly FeedSubscription[],
  ): Promise<{ added: number; unchanged: number }> {
    if (feeds.length === 0) return { added: 0, unchanged: 0 };
    const result = await this.query(
      `INSERT INTO feeds (xml_url, title, html_url, category, provenance, added_at)
       SELECT u.*, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS u
       ON CONFLICT (xml_url) DO NOTHING`,
      [
        feeds.map((f) => pgText(f.xmlUrl)),
        feeds.map((f) => pgOptionalText(f.title)),
        feeds.map((f) => pgOptionalText(f.htmlUrl)),
        feeds.map((f) => pgOptionalText(f.category)),
        feeds.map((f) => pgJson(f.provenance)),
        this.now().toISOString(),
      ],
    );
    const added = result.rowCount ?? 0;
    return { added, unchanged: feeds.length - added };
  }

  async listFeeds(): Promise<FeedSubscription[]> {
    const result = await this.query<{
      xml_url: string;
      title: string | null;
      html_url: string | null;
      category: string | null;
      provenance: Provenance;
    }>(
      'SELECT xml_url, title, html_url, category, provenance FROM feeds ORDER BY xml_url COLLATE "C"',
    );
    return result.rows.map((row) => ({
      xmlUrl: row.xml_url,
      ...(row.title !== null ? { title: row.title } : {}),
      ...(row.html_url !== null ? { htmlUrl: row.html_url } : {}),
      ...(row.category !== null ? { category: row.category } : {}),
      provenance: row.provenance,
    }));
  }

  async saveApiToken(token: ApiTokenRecord): Promise<void> {
    try {
      await this.query(
        'INSERT INTO api_tokens (name, token_hash, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [
          token.name,
          token.tokenHash,
          pgJson(token.scopes),
          token.createdAt,
          token.expiresAt ?? null,
        ],
      );
    } catch (cause) {
      if ((cause as { code?: string }).code !== '23505') throw cause;
      throw new AppError('INVALID_ARGUMENT', `a token named "${token.name}" already exists`, {
        cause,
      });
    }
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const result = await this.query<TokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', [
      tokenHash,
    ]);
    const row = result.rows[0];
    return row ? tokenFromRow(row) : undefined;
  }

  async listApiTokens(): Promise<ApiTokenRecord[]> {
    const result = await this.query<TokenRow>('SELECT * FROM api_tokens ORDER BY name COLLATE "C"');
    return result.rows.map(tokenFromRow);
  }

  async revokeApiToken(name: string): Promise<boolean> {
    const result = await this.query('DELETE FROM api_tokens WHERE name = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  }

  async countStats(): Promise<StoreStats> {
    // Counts appended by statement triggers (article-counts.ts), summed here and folded when they pile up.
    let counts = (await this.query<CountRow>(ARTICLE_COUNTS_READ_SQL)).rows;
    if (counts.reduce((sum, row) => sum + Number(row.parts), 0) > ARTICLE_COUNTS_COMPACT_AFTER) {
      await this.query(ARTICLE_COUNTS_COMPACT_POSTGRES_SQL);
      counts = (await this.query<CountRow>(ARTICLE_COUNTS_READ_SQL)).rows;
    }
    const feeds = Number(
      (await this.query<{ n: string }>('SELECT count(*) AS n FROM feeds')).rows[0]?.n ?? 0,
    );
    const range = (
      await this.query<{ first: string | null; last: string | null }>(
        'SELECT min(published COLLATE "C") AS first, max(published COLLATE "C") AS last FROM articles',
      )
    ).rows[0];
    const { articles, revisions, ...groups } = statsFromCounts(counts);
    return {
      articles,
      revisions,
      feeds,
      ...groups,
      ...(range?.first ? { firstPublished: range.first } : {}),
      ...(range?.last ? { lastPublished: range.last } : {}),
    };
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.guard(() => this.pool.query<R>(sql, params));
  }

  /** Maps "cannot reach the server" to STORE_UNAVAILABLE naming host:port; other errors pass through. */
  private async guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      if (!isAppError(error) && isConnectionError(error)) throw unavailable(this.target, error);
      throw error;
    }
  }
}

interface TokenRow {
  name: string;
  token_hash: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
}

const tokenFromRow = (row: TokenRow): ApiTokenRecord => ({
  name: row.name,
  tokenHash: row.token_hash,
  scopes: row.scopes,
  createdAt: row.created_at,
  ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
