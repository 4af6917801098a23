import type {
  Article,
  ArticleDraft,
  ArticleRevision,
  DerivedFields,
  SaveOutcome,
} from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { FeedSubscription } from '../core/raw-item.js';
import type { QueryAst } from '../search/index.js';

/**
 * The one storage port. Every backend (SQLite, PostgreSQL) implements it and passes
 * the same contract suite (src/store/contract.test-suite.ts). Verbs name what the caller wants,
 * never how a backend does it. All methods are async so a networked backend fits.
 */
export interface ArticleStore {
  /** Which backend this is, for `stats` and diagnostics. */
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Saves a batch in one transaction: new identity -> added; same identity and content hash -> unchanged;
   * same identity, new content -> a new revision. A crash mid-batch leaves none of the batch.
   */
  saveArticles(drafts: readonly ArticleDraft[]): Promise<SaveOutcome[]>;

  getArticle(id: string): Promise<Article | undefined>;
  listRevisions(id: string): Promise<ArticleRevision[]>;
  listArticles(options: ListOptions): Promise<Page<Article>>;
  /** Every current article in ingest order; for export and reprocess. */
  streamArticles(options?: { batchSize?: number }): AsyncIterable<ArticleWithRaw>;
  /** Replaces the derived fields of an article's current revision (reprocess); raw stays as it was. */
  updateDerived(id: string, fields: DerivedFields): Promise<void>;

  /** Replaces an article's enrichment (entities, countries, the enricher's document) in one transaction. */
  saveEnrichment(articleId: string, enrichment: ArticleEnrichment): Promise<void>;
  getEnrichment(articleId: string): Promise<ArticleEnrichment | undefined>;

  /** The query language (src/search) with filters, facets and paging; same hits on every backend. */
  searchArticles(request: SearchRequest): Promise<SearchResult>;

  saveFeeds(feeds: readonly FeedSubscription[]): Promise<{ added: number; unchanged: number }>;
  listFeeds(): Promise<FeedSubscription[]>;

  /** API tokens are stored only as sha256 hashes; the plain token is shown once, at creation. */
  saveApiToken(token: ApiTokenRecord): Promise<void>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(): Promise<ApiTokenRecord[]>;
  revokeApiToken(name: string): Promise<boolean>;

  countStats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export interface ApiTokenRecord {
  readonly name: string;
  readonly tokenHash: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
}

export interface ArticleWithRaw extends Article {
  readonly raw: string;
  readonly itemRecord: string;
}

export interface ListOptions {
  readonly limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface TextHit {
  readonly id: string;
  readonly title?: string;
  readonly source?: string;
  readonly published?: string;
  /** Text around the first match, with matched words wrapped in [ and ]. */
  readonly snippet: string;
  /** Higher is better; comparable only within one result list. */
  readonly score: number;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  readonly query: QueryAst;
  readonly limit: number;
  readonly cursor?: string;
  /** relevance = BM25 (title weighted 2x); queries without words fall back to newest. */
  readonly sort?: SearchSort;
  /** Count source, language, month, entity, entity type and country over every hit. */
  readonly facets?: boolean;
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface SearchFacets {
  readonly source: FacetCount[];
  readonly language: FacetCount[];
  readonly month: FacetCount[];
  readonly entity: FacetCount[];
  readonly entityType: FacetCount[];
  readonly country: FacetCount[];
}

export interface SearchResult {
  readonly total: number;
  readonly hits: TextHit[];
  readonly facets?: SearchFacets;
  readonly nextCursor?: string;
}

export interface StoreStats {
  readonly articles: number;
  readonly revisions: number;
  readonly feeds: number;
  readonly bySource: Record<string, number>;
  readonly byFormat: Record<string, number>;
  readonly byLanguage: Record<string, number>;
  readonly firstPublished?: string;
  readonly lastPublished?: string;
}
