import Database from 'better-sqlite3';
import type {
  Article,
  ArticleDraft,
  ArticleRevision,
  DerivedFields,
  SaveOutcome,
} from '../../core/article.js';
import type {
  ArticleEnrichment,
  FigureRecord,
  QuoteRecord,
  RelationRecord,
} from '../../core/enrichment.js';
import { AppError } from '../../core/errors.js';
import { sha256Hex } from '../../core/hash.js';
import type { FeedSubscription, Provenance } from '../../core/raw-item.js';
import { articleIdFor } from '../article-id.js';
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
  articleFromRow,
  revisionFromRow,
  rowParams,
  tokenFromRow,
  type ArticleRow,
  type RevisionRow,
  type TokenRow,
} from './article-row.js';
import { languageKey } from '../search-keys.js';
import {
  getSqliteEnrichment,
  saveSqliteEnrichment,
  saveSqliteEnrichments,
} from './sqlite-enrichment.js';
import { searchSqlite } from './sqlite-search.js';
import { prepared, sqliteRunner } from './sqlite-facts.js';
import { EntityArticleQueries } from '../entity-article-queries.js';
import { FactQueries } from '../fact-queries.js';
import type { NearDuplicateIndex } from '../../dedup/near-duplicate-index.js';
import type { StoryIndex } from '../../stories/story-index.js';
import { migrateSqlite } from './migrate.js';
import { SqliteNearDuplicateIndex } from './near-duplicate-index.js';
import { CachingStoryIndex } from '../../stories/caching-story-index.js';
import { SqliteLedger } from './sqlite-ledger.js';
import { SqliteStoryIndex } from './story-index.js';
import { waitForLock } from './wait-for-lock.js';
import { applyConnectionSettings } from './connection-settings.js';
import { SourcesQueries } from '../sources-queries.js';
import { WatchlistsQueries } from '../watchlists-queries.js';
import { sqliteLiveSql } from './sqlite-live-sql.js';
import { ARTICLE_COUNTS_READ_SQL, statsFromCounts, type CountRow } from '../article-counts.js';

interface ExistingArticle {
  id: string;
  revision: number;
  content_hash: string;
  raw_hash: string;
}

export interface SqliteStoreOptions {
  /** Path of the database file, or ":memory:". */
  readonly path: string;
  readonly now?: () => Date;
}

/** The embedded default store: one SQLite file in WAL mode, FTS5 for text search. */
export class SqliteStore implements ArticleStore {
  readonly backend = 'sqlite' as const;
  readonly nearDuplicates: NearDuplicateIndex;
  readonly stories: StoryIndex;
  readonly ledger: SqliteLedger;
  readonly sources: SourcesQueries;
  readonly watchlists: WatchlistsQueries;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  /** The story tables under the cache: they keep counts back until a transaction commits. */
  private readonly storyTables: SqliteStoryIndex;
  private readonly facts: FactQueries;
  readonly entityArticles: EntityArticleQueries;

  private constructor(db: Database.Database, now: () => Date) {
    this.db = db;
    this.now = now;
    this.facts = new FactQueries(sqliteRunner(db));
    this.entityArticles = new EntityArticleQueries(sqliteRunner(db));
    this.nearDuplicates = new SqliteNearDuplicateIndex(db);
    this.storyTables = new SqliteStoryIndex(db);
    this.stories = new CachingStoryIndex(this.storyTables);
    this.ledger = new SqliteLedger(db, now);
    this.sources = new SourcesQueries(sqliteLiveSql(db));
    this.watchlists = new WatchlistsQueries(sqliteLiveSql(db));
  }

  static open(options: SqliteStoreOptions): SqliteStore {
    let db: Database.Database;
    try {
      db = new Database(options.path);
    } catch (cause) {
      throw new AppError(
        'STORE_UNAVAILABLE',
        `cannot open SQLite database ${options.path}: ${(cause as Error).message}`,
        { cause },
      );
    }
    applyConnectionSettings(db);
    migrateSqlite(db);
    return new SqliteStore(db, options.now ?? (() => new Date()));
  }

  readonly inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    if (this.db.inTransaction) return work();
    // Waits for another process's transaction without blocking the event loop (serve).
    await waitForLock(this.db, () => this.db.exec('BEGIN IMMEDIATE'));
    try {
      const result = await work();
      this.storyTables.flush();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.storyTables.discard();
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  };

  /** For stage-specific tables (dedup index, enrichment) that live in the same file. */
  get database(): Database.Database {
    return this.db;
  }

  async saveArticles(drafts: readonly ArticleDraft[]): Promise<SaveOutcome[]> {
    const findExisting = this.db.prepare<[string], ExistingArticle>(
      `SELECT a.id, a.revision, a.content_hash, r.raw_hash
         FROM articles a JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision
        WHERE a.identity_key = ?`,
    );
    const insertArticle = this.db.prepare(
      `INSERT INTO articles (id, identity_key, revision, format, external_id, url, canonical_url, source,
         site, title, text, authors, categories, published, language, content_hash, stage_versions,
         provenance, raw_media_type, ingested_at, updated_at, source_key, language_key)
       VALUES (@id, @identityKey, @revision, @format, @externalId, @url, @canonicalUrl, @source, @site,
         @title, @text, @authors, @categories, @published, @language, @contentHash, @stageVersions,
         @provenance, @rawMediaType, @now, @now, @sourceKey, @languageKey)`,
    );
    const reviseArticle = this.db.prepare(
      `UPDATE articles SET revision = @revision, format = @format, external_id = @externalId, url = @url,
         canonical_url = @canonicalUrl, source = @source, site = @site, title = @title, text = @text,
         authors = @authors, categories = @categories, published = @published, language = @language,
         content_hash = @contentHash, stage_versions = @stageVersions, provenance = @provenance,
         raw_media_type = @rawMediaType, updated_at = @now, source_key = @sourceKey,
         language_key = @languageKey
       WHERE id = @id`,
    );
    const insertRevision = this.db.prepare(
      `INSERT INTO article_revisions (article_id, revision, content_hash, raw_hash, title, text, raw,
         item_record, raw_media_type, provenance, ingested_at)
       VALUES (@id, @revision, @contentHash, @rawHash, @title, @text, @raw, @itemRecord, @rawMediaType,
         @provenance, @now)`,
    );

    const saveBatch = this.db.transaction((batch: readonly ArticleDraft[]): SaveOutcome[] => {
      const now = this.now().toISOString();
      return batch.map((draft) => {
        const rawHash = sha256Hex(draft.raw);
        const existing = findExisting.get(draft.identityKey);
        if (
          existing &&
          (existing.content_hash === draft.contentHash || existing.raw_hash === rawHash)
        ) {
          return {
            identityKey: draft.identityKey,
            id: existing.id,
            status: 'unchanged',
            revision: existing.revision,
          };
        }
        const id = existing?.id ?? articleIdFor(draft.identityKey);
        const revision = (existing?.revision ?? 0) + 1;
        const params = { ...rowParams(draft), id, revision, rawHash, now };
        if (existing) reviseArticle.run(params);
        else insertArticle.run(params);
        insertRevision.run(params);
        return {
          identityKey: draft.identityKey,
          id,
          status: existing ? 'revised' : 'added',
          revision,
        };
      });
    });
    return saveBatch(drafts);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const row = this.db
      .prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
      .get(id);
    return row ? articleFromRow(row) : undefined;
  }

  async listRevisions(id: string): Promise<ArticleRevision[]> {
    const rows = this.db
      .prepare<[string], RevisionRow>(
        'SELECT * FROM article_revisions WHERE article_id = ? ORDER BY revision',
      )
      .all(id);
    return rows.map(revisionFromRow);
  }

  async listArticles(options: ListOptions): Promise<Page<Article>> {
    const before = options.cursor ? decodeCursor(options.cursor) : Number.MAX_SAFE_INTEGER;
    const rows = this.db
      .prepare<[number, number], ArticleRow>(
        'SELECT * FROM articles WHERE seq < ? ORDER BY seq DESC LIMIT ?',
      )
      .all(before, options.limit + 1);
    const items = rows.slice(0, options.limit);
    const last = items.at(-1);
    return {
      items: items.map(articleFromRow),
      ...(rows.length > options.limit && last ? { nextCursor: encodeCursor(last.seq) } : {}),
    };
  }

  async *streamArticles(options?: { batchSize?: number }): AsyncIterable<ArticleWithRaw> {
    const batchSize = options?.batchSize ?? 500;
    const page = this.db.prepare<
      [number, number],
      ArticleRow & { raw: string; item_record: string }
    >(
      `SELECT a.*, r.raw, r.item_record FROM articles a
         JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision
        WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after, batchSize);
      for (const row of rows) {
        yield { ...articleFromRow(row), raw: row.raw, itemRecord: row.item_record };
      }
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) return;
      after = last.seq;
    }
  }

  async updateDerived(id: string, fields: DerivedFields): Promise<void> {
    // Statements prepared once per connection: reprocess calls this for every article.
    const update = () => {
      const current = prepared(this.db, 'SELECT revision FROM articles WHERE id = ?').get(id) as
        { revision: number } | undefined;
      if (!current) throw new AppError('NOT_FOUND', `no article ${id}`);
      prepared(
        this.db,
        `UPDATE articles SET title = @title, text = @text, authors = @authors, published = @published,
             language = @language, language_key = @languageKey, site = @site, canonical_url = @canonicalUrl,
             content_hash = @contentHash, stage_versions = @stageVersions, updated_at = @now
           WHERE id = @id`,
      ).run({
        id,
        title: fields.title ?? null,
        text: fields.text,
        authors: JSON.stringify(fields.authors),
        published: fields.published ?? null,
        language: fields.language ?? null,
        languageKey: languageKey(fields.language),
        site: fields.site ?? null,
        canonicalUrl: fields.canonicalUrl ?? null,
        contentHash: fields.contentHash,
        stageVersions: JSON.stringify(fields.stageVersions),
        now: this.now().toISOString(),
      });
      prepared(
        this.db,
        `UPDATE article_revisions SET title = ?, text = ?, content_hash = ?
            WHERE article_id = ? AND revision = ?`,
      ).run(fields.title ?? null, fields.text, fields.contentHash, id, current.revision);
    };
    // Inside the caller's transaction (reprocess: one per chunk) without a savepoint of its own:
    // FTS5 flushes its pending terms at every savepoint, so one per article wrote one index
    // segment per article, which it then merged. The row is read before anything is written, so
    // a missing article still changes nothing.
    if (this.db.inTransaction) update();
    else this.db.transaction(update)();
  }

  async saveEnrichment(articleId: string, enrichment: ArticleEnrichment): Promise<void> {
    const now = this.now().toISOString();
    this.db.transaction(() => saveSqliteEnrichment(this.db, articleId, enrichment, now))();
  }

  async saveEnrichments(
    items: readonly { readonly id: string; readonly enrichment: ArticleEnrichment }[],
  ): Promise<void> {
    const now = this.now().toISOString();
    this.db.transaction(() => saveSqliteEnrichments(this.db, items, now))();
  }

  async getEnrichment(articleId: string): Promise<ArticleEnrichment | undefined> {
    return getSqliteEnrichment(this.db, articleId);
  }

  listEntities(options: EntityListOptions): Promise<EntitySummary[]> {
    return this.facts.listEntities(options);
  }

  getEntity(idOrName: string): Promise<EntitySummary | undefined> {
    return this.facts.getEntity(idOrName);
  }

  entityTimeline(entityId: string): Promise<{ month: string; articles: number }[]> {
    return this.facts.entityTimeline(entityId);
  }

  listCooccurringEntities(entityId: string, limit: number): Promise<CooccurringEntity[]> {
    return this.facts.listCooccurringEntities(entityId, limit);
  }

  listFigures(
    options: FactListOptions & { kind?: string; unit?: string },
  ): Promise<Page<Fact<FigureRecord>>> {
    return this.facts.listFigures(options);
  }

  listQuotes(options: FactListOptions & { speakerId?: string }): Promise<Page<Fact<QuoteRecord>>> {
    return this.facts.listQuotes(options);
  }

  listRelations(
    options: FactListOptions & { predicate?: string },
  ): Promise<Page<Fact<RelationRecord>>> {
    return this.facts.listRelations(options);
  }

  async searchArticles(request: SearchRequest): Promise<SearchResult> {
    return searchSqlite(this.db, request);
  }

  async saveFeeds(
    feeds: readonly FeedSubscription[],
  ): Promise<{ added: number; unchanged: number }> {
    const insert = this.db.prepare(
      `INSERT INTO feeds (xml_url, title, html_url, category, provenance, added_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(xml_url) DO NOTHING`,
    );
    const save = this.db.transaction(() => {
      let added = 0;
      const now = this.now().toISOString();
      for (const feed of feeds) {
        const result = insert.run(
          feed.xmlUrl,
          feed.title ?? null,
          feed.htmlUrl ?? null,
          feed.category ?? null,
          JSON.stringify(feed.provenance),
          now,
        );
        added += result.changes;
      }
      return { added, unchanged: feeds.length - added };
    });
    return save();
  }

  async listFeeds(): Promise<FeedSubscription[]> {
    const rows = this.db
      .prepare<
        [],
        {
          xml_url: string;
          title: string | null;
          html_url: string | null;
          category: string | null;
          provenance: string;
        }
      >('SELECT * FROM feeds ORDER BY xml_url')
      .all();
    return rows.map((row) => ({
      xmlUrl: row.xml_url,
      ...(row.title !== null ? { title: row.title } : {}),
      ...(row.html_url !== null ? { htmlUrl: row.html_url } : {}),
      ...(row.category !== null ? { category: row.category } : {}),
      provenance: JSON.parse(row.provenance) as Provenance,
    }));
  }

  async saveApiToken(token: ApiTokenRecord): Promise<void> {
    try {
      this.db
        .prepare(
          'INSERT INTO api_tokens (name, token_hash, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          token.name,
          token.tokenHash,
          JSON.stringify(token.scopes),
          token.createdAt,
          token.expiresAt ?? null,
        );
    } catch (cause) {
      throw new AppError('INVALID_ARGUMENT', `a token named "${token.name}" already exists`, {
        cause,
      });
    }
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = this.db
      .prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?')
      .get(tokenHash);
    return row ? tokenFromRow(row) : undefined;
  }

  async listApiTokens(): Promise<ApiTokenRecord[]> {
    return this.db
      .prepare<[], TokenRow>('SELECT * FROM api_tokens ORDER BY name')
      .all()
      .map(tokenFromRow);
  }

  async revokeApiToken(name: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM api_tokens WHERE name = ?').run(name).changes > 0;
  }

  async countStats(): Promise<StoreStats> {
    // Counts kept by triggers (article-counts.ts); the date range is two seeks in its index.
    const counts = this.db.prepare<[], CountRow>(ARTICLE_COUNTS_READ_SQL).all();
    const feeds = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM feeds').get();
    const range = this.db
      .prepare<[], { first: string | null; last: string | null }>(
        // Two subqueries: SQLite answers a lone min() or max() from the index, not both at once.
        `SELECT (SELECT min(published) FROM articles) AS first,
                (SELECT max(published) FROM articles) AS last`,
      )
      .get();
    const { articles, revisions, ...groups } = statsFromCounts(counts);
    return {
      articles,
      revisions,
      feeds: feeds?.n ?? 0,
      ...groups,
      ...(range?.first ? { firstPublished: range.first } : {}),
      ...(range?.last ? { lastPublished: range.last } : {}),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
