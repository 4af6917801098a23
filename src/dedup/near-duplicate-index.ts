import type { ArticleFingerprint } from './article-fingerprint.js';
import type { SyndicationDecision, SyndicationGroup } from './syndication-decision.js';

export interface BandCandidate {
  readonly articleId: string;
  /** Bands shared with the query: more shared bands means a likelier copy. */
  readonly sharedBands: number;
}

/** An indexed article as candidate confirmation needs it. */
export interface IndexedCandidate {
  readonly fingerprint: ArticleFingerprint;
  /** The canonical of the group the article is a copy in (its decision's `of`), if it is a copy. */
  readonly copyOf?: string;
}

/** Everything decideSyndication reads about an article before confirming candidates. */
export interface CandidateLookup {
  /** The article's decision, if it has one. */
  readonly decision?: SyndicationDecision;
  /** Whether the article's fingerprint is indexed. */
  readonly indexed: boolean;
  /** findByTextHash, findByUrlHash (empty without a URL hash) and findBandCandidates. */
  readonly byText: readonly string[];
  readonly byUrl: readonly string[];
  readonly byBands: readonly BandCandidate[];
}

/**
 * Persistence the syndication stage needs; the store implements it with plain tables
 * (fingerprints, one row per band bucket -> article, decisions). Async so a networked store fits.
 * Implementations hold no decision logic: decideSyndication is the only writer of decisions.
 */
export interface NearDuplicateIndex {
  /** Stores the fingerprint and its LSH bucket keys (idempotent for the same article id). */
  addFingerprint(fingerprint: ArticleFingerprint, bands: readonly number[]): Promise<void>;
  getFingerprint(articleId: string): Promise<ArticleFingerprint | undefined>;
  /**
   * Fingerprints of several articles with their group, in one read (confirming an article's
   * candidates one by one cost two queries each); articles not indexed are left out.
   */
  getCandidates(articleIds: readonly string[]): Promise<Map<string, IndexedCandidate>>;
  /**
   * Articles sharing at least one bucket, most shared bands first (ties: smaller id), at most
   * `limit`; of each bucket only its newest MAX_BUCKET_POSTINGS articles count (bucket-bound.ts).
   */
  findBandCandidates(bands: readonly number[], limit: number): Promise<BandCandidate[]>;
  findByTextHash(textHash: string): Promise<string[]>;
  findByUrlHash(urlHash: string): Promise<string[]>;

  getDecision(articleId: string): Promise<SyndicationDecision | undefined>;
  /** Decisions whose `of` is `canonicalId`. */
  listCopiesOf(canonicalId: string): Promise<SyndicationDecision[]>;
  /** Inserts or replaces, in one transaction. */
  saveDecisions(decisions: readonly SyndicationDecision[]): Promise<void>;
  /** Every group with at least one copy, sorted by canonical id. */
  listGroups(): Promise<SyndicationGroup[]>;
  /**
   * Optional: getDecision, getFingerprint's presence, findByTextHash, findByUrlHash and
   * findBandCandidates for one article in one call, answering exactly as those would (a networked
   * store makes it one round trip instead of five).
   */
  lookupCandidates?(
    fingerprint: ArticleFingerprint,
    bands: readonly number[],
    limit: number,
  ): Promise<CandidateLookup>;
}
