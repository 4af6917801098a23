import type {
  Article,
  ArticleDraft,
  ArticleRevision,
  DerivedFields,
  SaveOutcome,
} from '../core/article.js';
import type {
  ArticleEnrichment,
  FigureRecord,
  QuoteRecord,
  RelationRecord,
} from '../core/enrichment.js';
import type { FeedSubscription } from '../core/raw-item.js';
import type { NearDuplicateIndex } from '../dedup/near-duplicate-index.js';
import type { StoryIndex } from '../stories/story-index.js';
import type { EntityArticles } from './entity-articles-port.js';
import type { QueryAst } from '../search/index.js';
import type { LedgerStore } from './ledger-port.js';
import type { SourcesPort } from './sources-port.js';
import type { WatchlistsPort } from './watchlists-port.js';

/**
 * The one storage port. Every backend (SQLite, PostgreSQL) implements it and passes
 * the same contract suite (src/store/contract.test-suite.ts). Verbs name what the caller wants,
 * never how a backend does it. All methods are async so a networked backend fits.
 */
export interface ArticleStore {
  /** Which backend this is, for `stats` and diagnostics. */
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Persistence of the syndication and story stages, in the same database. Optional while only the
   * SQLite backend has them: the pipeline skips those stages on a store without them.
   */
  readonly nearDuplicates?: NearDuplicateIndex;
  readonly stories?: StoryIndex;
  /** Claim ledger and dependency graph rows (src/claims, src/dependencies); optional like the stages above. */
  readonly ledger?: LedgerStore;
  /** Live sources and their polling state; watchlists, alerts and deliveries (src/sources, src/watchlists). */
  readonly sources?: SourcesPort;
  readonly watchlists?: WatchlistsPort;
  /** Articles mentioning an entity, newest first (entity pages); optional like the indexes above. */
  readonly entityArticles?: EntityArticles;

  /**
   * Runs `work` in one transaction when the backend can (SQLite): the syndication and story stages
   * write many small rows per article, and one commit per batch instead of several per article
   * is most of their cost. `work` must only touch this store. A backend without it runs `work` as is.
   * `scope`: the one stage `work` organises ('syndication' or 'stories'), for a backend that
   * serialises each stage on its own lock (PostgreSQL); without it, `work` may touch both.
   */
  readonly inTransaction?: <T>(
    work: () => Promise<T>,
    scope?: 'syndication' | 'stories',
  ) => Promise<T>;

  /** Backends that serialise organising across processes (PostgreSQL): time waited for that lock. */
  readonly organiseLockStats?: () => OrganiseLockStats;

  /**
   * Runs `work`; every organising transaction it starts first awaits `turn` (a worker waiting for the
   * jobs queued before its own, so that articles reach the stories in order and do not re-settle
   * the ones organised before them). Only for backends that serialise organising across processes.
   */
  readonly organiseInTurn?: <T>(turn: () => Promise<void>, work: () => Promise<T>) => Promise<T>;

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
  /**
   * Optional: saveEnrichment for several articles in one transaction, in order, with the same
   * result; a store that can share work across them (per-entity aggregates) offers it.
   */
  saveEnrichments?(
    items: readonly { readonly id: string; readonly enrichment: ArticleEnrichment }[],
  ): Promise<void>;
  getEnrichment(articleId: string): Promise<ArticleEnrichment | undefined>;

  /** Entities across the store, most-mentioned first (by number of articles). */
  listEntities(options: EntityListOptions): Promise<EntitySummary[]>;
  /** One entity by id, or by exact name (case-insensitive) when no id matches. */
  getEntity(idOrName: string): Promise<EntitySummary | undefined>;
  /** Articles mentioning the entity per month (YYYY-MM, by publication date), oldest first. */
  entityTimeline(entityId: string): Promise<{ month: string; articles: number }[]>;
  /** Entities mentioned in the same articles, by number of shared articles. */
  listCooccurringEntities(entityId: string, limit: number): Promise<CooccurringEntity[]>;
  listFigures(
    options: FactListOptions & { kind?: string; unit?: string },
  ): Promise<Page<Fact<FigureRecord>>>;
  /** speakerId: quotes by; entityId: quotes in articles mentioning the entity. */
  listQuotes(options: FactListOptions & { speakerId?: string }): Promise<Page<Fact<QuoteRecord>>>;
  /** entityId: relations where it is subject or object. */
  listRelations(
    options: FactListOptions & { predicate?: string },
  ): Promise<Page<Fact<RelationRecord>>>;

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
  /** ISO time after which the server refuses the token (401, with the reason); absent: never. */
  readonly expiresAt?: string;
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
  /** With `collapseCopies`: how many other matching articles of its syndication group it stands for. */
  readonly copies?: number;
}

export interface EntityListOptions {
  readonly type?: string;
  /** Case-insensitive prefix of the entity name. */
  readonly namePrefix?: string;
  readonly limit: number;
}

export interface EntitySummary {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Number of articles mentioning it, and of mentions in all. */
  readonly articles: number;
  readonly mentions: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
}

export interface CooccurringEntity {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Articles mentioning both. */
  readonly together: number;
}

export interface FactListOptions {
  /** Facts in articles mentioning this entity (for figures and quotes) or involving it (relations). */
  readonly entityId?: string;
  readonly articleId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** A figure, quote or relation with the article it came from (newest article first). */
export type Fact<T> = T & {
  readonly articleId: string;
  readonly articleTitle?: string;
  readonly published?: string;
  readonly source?: string;
};

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  readonly query: QueryAst;
  readonly limit: number;
  readonly cursor?: string;
  /** relevance = BM25 (title weighted 2x); queries without words fall back to newest. */
  readonly sort?: SearchSort;
  /** Count source, language, month, entity, entity type and country over every hit. */
  readonly facets?: boolean;
  /** One hit per syndication group (the canonical article when it matches); counts count groups. */
  readonly collapseCopies?: boolean;
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
  /** Exact number of hits, or a lower bound when `totalIsEstimate` is set. */
  readonly total: number;
  /**
   * Set when a backend stopped counting at its cap (very broad queries on large stores): `total`
   * is then a lower bound ("10,000+ hits"). Absent means `total` is exact.
   */
  readonly totalIsEstimate?: boolean;
  readonly hits: TextHit[];
  readonly facets?: SearchFacets;
  /**
   * Set when facets were counted over a bounded sample of the hits (the best-ranked ones) rather
   * than all of them; the number of hits they cover. Absent means facets count every hit.
   */
  readonly facetsSampled?: number;
  /**
   * Set when the query's words matched more articles than a backend ranks at once: hits, total
   * and facets then come from the most recently ingested `matchesConsidered` matches only.
   */
  readonly matchesConsidered?: number;
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

/** Organising batches of this process, seconds spent waiting for the organise lock and holding it. */
export interface OrganiseLockStats {
  readonly batches: number;
  readonly waitSeconds: number;
  readonly heldSeconds: number;
  /** Round trips made while holding it (the BEGIN that takes it and the COMMIT included). */
  readonly roundTrips: number;
  /** Time spent waiting for its turn (organiseInTurn) before asking for the lock. */
  readonly turnWaitSeconds: number;
  /** Stored story members clustered again because articles arrived before them in story order. */
  readonly resettled?: number;
  /** The same waits and holds per lock (one per organising stage), when there are several. */
  readonly locks?: Readonly<Record<string, { waitSeconds: number; heldSeconds: number }>>;
}
