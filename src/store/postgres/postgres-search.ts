import type pg from 'pg';
import { compileForPostgres, extractHighlightTerms } from '../../search/index.js';
import { decodeOffsetCursor } from '../cursor.js';
import type { SearchRequest, SearchResult } from '../port.js';
import { RANK_WINDOW } from '../search-bounds.js';
import {
  collapseCopies,
  compareCandidates,
  pageOfCandidates,
  rowsNeeded,
  type Candidate,
} from '../search-candidates.js';
import { filterToPostgres } from './filter-sql.js';
import { newestMatches } from './newest-matches.js';
import { postgresFacets } from './postgres-facets.js';
import { searchResultOf } from '../search-result.js';

interface CandidateRow {
  seq: string;
  id: string;
  published: string | null;
  score: number;
}

interface HitRow {
  seq: string;
  title: string | null;
  source: string | null;
  text: string;
}

/**
 * Runs a parsed query on PostgreSQL: tsvector @@ tsquery for words (ts_rank, title 2x), SQL for
 * filters. The twin of sqlite-search.ts: one bounded candidate list per query, from which the page,
 * the total and the facet sample are cut (search-candidates.ts); nothing changes for a query whose
 * words match at most RANK_WINDOW articles, which the contract suite checks, and every bound that
 * bites is reported:
 * - words: the newest RANK_WINDOW + 1 matches by seq (newest-matches.ts walks recency tiers, so a
 *   common word never makes PostgreSQL collect and sort all its matches); beyond RANK_WINDOW only
 *   the newest RANK_WINDOW are ranked, filtered, counted and faceted (`matchesConsidered`), and
 *   ts_rank runs on the rows that walk reads anyway;
 * - no words: the hits are read in the requested order through migration 6's and 30's indexes,
 *   only as many as the page, the capped total and the facet sample need;
 * - titles and snippets are read for the page's hits only.
 */
export const searchPostgres = async (
  pool: pg.Pool,
  request: SearchRequest,
): Promise<SearchResult> => {
  const compiled = compileForPostgres(request.query);
  const sort = request.sort ?? (compiled.tsquery ? 'relevance' : 'newest');
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  const params: unknown[] = [];
  const where: string[] = [];
  let windowed = false;
  let rows: Candidate[];
  if (compiled.tsquery) {
    const newest = await newestMatches(
      pool,
      compiled.tsquery,
      RANK_WINDOW + 1,
      sort === 'relevance',
    );
    windowed = newest.length > RANK_WINDOW;
    rows = newest.slice(0, RANK_WINDOW);
    if (compiled.filters.length > 0 && rows.length > 0) {
      // Filters apply within the window, as on SQLite: one pass over the candidates by key.
      params.push(rows.map((row) => row.seq));
      for (const filter of compiled.filters) where.push(filterToPostgres(filter, params));
      const kept = await pool.query<{ seq: string }>(
        `SELECT a.seq FROM articles a WHERE a.seq = ANY($1::bigint[]) AND ${where.join(' AND ')}`,
        params,
      );
      const keep = new Set(kept.rows.map((row) => Number(row.seq)));
      rows = rows.filter((row) => keep.has(row.seq));
    }
  } else {
    for (const filter of compiled.filters) where.push(filterToPostgres(filter, params));
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order =
      sort === 'oldest'
        ? 'a.published IS NULL, a.published COLLATE "C" ASC, a.seq ASC'
        : 'a.published IS NULL, a.published COLLATE "C" DESC, a.seq DESC';
    params.push(rowsNeeded(offset, request.limit, request.facets === true));
    rows = (
      await pool.query<CandidateRow>(
        `SELECT a.seq, a.id, a.published, 0::real AS score FROM articles a ${whereSql}
          ORDER BY ${order} LIMIT $${params.length}`,
        params,
      )
    ).rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }
  let candidates = [...rows];
  candidates.sort(compareCandidates(sort));
  if (request.collapseCopies)
    candidates = collapseCopies(candidates, await canonicalOf(pool, candidates));
  const cut = pageOfCandidates(candidates, offset, request.limit);
  const [details, facets] = await Promise.all([
    hitDetails(pool, cut.page),
    request.facets
      ? postgresFacets(
          pool,
          cut.facetSample.map((c) => c.seq),
        )
      : undefined,
  ]);
  return searchResultOf({
    cut,
    details,
    ...(compiled.tsquery ? { highlightTerms: extractHighlightTerms(request.query) } : {}),
    windowed,
    ...(facets ? { facets } : {}),
    offset,
    limit: request.limit,
  });
};

/** Copy -> canonical article, for the candidates that are copies. */
const canonicalOf = async (
  pool: pg.Pool,
  candidates: readonly Candidate[],
): Promise<Map<string, string>> => {
  const result = await pool.query<{ article_id: string; canonical_id: string }>(
    `SELECT article_id, canonical_id FROM syndication_decisions
      WHERE canonical_id IS NOT NULL AND article_id = ANY($1::text[])`,
    [candidates.map((c) => c.id)],
  );
  return new Map(result.rows.map((row) => [row.article_id, row.canonical_id]));
};

/** Title, outlet and text for the page's hits only. */
const hitDetails = async (
  pool: pg.Pool,
  page: readonly Candidate[],
): Promise<Map<number, HitRow>> => {
  if (page.length === 0) return new Map();
  const result = await pool.query<HitRow>(
    'SELECT a.seq, a.title, a.source, a.text FROM articles a WHERE a.seq = ANY($1::bigint[])',
    [page.map((c) => c.seq)],
  );
  return new Map(result.rows.map((row) => [Number(row.seq), row]));
};
