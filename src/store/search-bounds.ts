/**
 * Bounds on the work one search does, shared by every backend so they report alike. Below them
 * results are exact (the contract suite's small corpora never reach them); above them a result
 * says what was bounded (SearchResult.totalIsEstimate, facetsSampled, matchesConsidered).
 * Chosen with bench/search (p95 under 50 ms on SQLite, 100 ms on PostgreSQL, at 1M articles).
 */

/**
 * A query whose words match more articles than this is ranked, sorted, filtered, counted and
 * faceted among its most recently ingested RANK_WINDOW text matches only: ranking every match of a
 * common word costs time proportional to the archive (seconds at 1M articles), and analysts of
 * news mostly want the recent part of a broad result anyway.
 */
export const RANK_WINDOW = 1_000;

/** `total` counts at most this many hits; beyond it total is this number, flagged a lower bound. */
export const COUNT_CAP = 1_000;

/**
 * Facets count the first FACET_SAMPLE hits in the requested order (best-ranked or newest). Each
 * sampled hit costs a read of its article, mentions and countries, scattered over the archive
 * (about 25 ms per 1,000 hits on SQLite at 1M articles when those pages are not cached).
 */
export const FACET_SAMPLE = 250;
