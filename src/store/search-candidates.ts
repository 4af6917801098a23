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
  /** Other matches of its syndication group folded into this one by collapseCopies. */
  readonly copies?: number;
}

/**
 * One hit per syndication group: the group takes the place of its best-ranked match, and is shown
 * as its canonical article when that matched too (else as that best-ranked copy, which is what the
 * query and its filters found). `canonicalOf` maps each copy to its canonical article; articles
 * without an entry are their own group. Runs on the ordered candidates, before paging, so pages,
 * totals and facet samples all count groups.
 */
export const collapseCopies = (
  ordered: readonly Candidate[],
  canonicalOf: ReadonlyMap<string, string>,
): Candidate[] => {
  const collapsed: Candidate[] = [];
  const slotOf = new Map<string, number>();
  for (const candidate of ordered) {
    const group = canonicalOf.get(candidate.id) ?? candidate.id;
    const slot = slotOf.get(group);
    if (slot === undefined) {
      slotOf.set(group, collapsed.length);
      collapsed.push(candidate);
      continue;
    }
    const shown = collapsed[slot] as Candidate;
    const copies = (shown.copies ?? 0) + 1;
    collapsed[slot] = candidate.id === group ? { ...candidate, copies } : { ...shown, copies };
  }
  return collapsed;
};

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
