/**
 * The backend-neutral half of a search: both stores fetch one bounded list of candidate hits (the
 * query's matches after filters, each with its score and date), and this orders it, cuts the page,
 * counts the total and picks the facet sample from that single list, so no backend runs its
 * ranking, count and facet queries separately over the same matches.
 */
import type { SearchSort } from './port.js';
import { COUNT_CAP, FACET_SAMPLE } from './search-bounds.js';

export interface Candidate {
  /** Ingestion order; the tie-breaker of every sort. */
  readonly seq: number;
  readonly id: string;
  readonly published: string | null;
  /** Higher is better (SQLite's bm25 rank negated, PostgreSQL's ts_rank as is); 0 unranked. */
  readonly score: number;
}

/** ISO dates are ASCII, so code-unit order is the byte order both SQL stores sort them in. */
const byDate = (a: string | null, b: string | null, direction: 1 | -1): number => {
  if (a === b) return 0;
  if (a === null) return 1; // undated last, in both directions
  if (b === null) return -1;
  return a < b ? -direction : direction;
};

/**
 * The stores' SQL orders, for candidates already in memory: relevance = score, then seq;
 * newest/oldest = published (undated last), then seq in the same direction.
 */
export const compareCandidates =
  (sort: SearchSort) =>
  (a: Candidate, b: Candidate): number => {
    switch (sort) {
      case 'relevance':
        return b.score - a.score || a.seq - b.seq;
      case 'newest':
        return byDate(a.published, b.published, -1) || b.seq - a.seq;
      case 'oldest':
        return byDate(a.published, b.published, 1) || a.seq - b.seq;
    }
  };

export interface CandidatePage {
  readonly page: readonly Candidate[];
  /** Min(hits, COUNT_CAP). */
  readonly total: number;
  /** More hits exist than `total` says. */
  readonly totalCapped: boolean;
  /** The first FACET_SAMPLE hits in the requested order. */
  readonly facetSample: readonly Candidate[];
  /** More hits exist than the facet sample covers. */
  readonly facetsSampled: boolean;
  readonly hasMore: boolean;
}

/**
 * Cuts a page out of candidates already in the requested order: every hit, or at least
 * `rowsNeeded` of them (one past what the page, the count and the facet sample need).
 */
export const pageOfCandidates = (
  ordered: readonly Candidate[],
  offset: number,
  limit: number,
): CandidatePage => ({
  page: ordered.slice(offset, offset + limit),
  total: Math.min(ordered.length, COUNT_CAP),
  totalCapped: ordered.length > COUNT_CAP,
  facetSample: ordered.slice(0, FACET_SAMPLE),
  facetsSampled: ordered.length > FACET_SAMPLE,
  hasMore: ordered.length > offset + limit,
});

/**
 * How many hits a query without words must fetch in its order for one page, the capped count and
 * the facet sample: the rest of the archive is never read.
 */
export const rowsNeeded = (offset: number, limit: number, facets: boolean): number =>
  Math.max(offset + limit, COUNT_CAP, facets ? FACET_SAMPLE : 0) + 1;
