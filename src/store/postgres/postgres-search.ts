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
import { CANONICAL_OF_A, newestMatches, toMatch, type NewestMatch } from './newest-matches.js';
import { hitsAndFacets } from './postgres-facets.js';
import { searchResultOf } from '../search-result.js';

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
 * Two statements in all (plus the newest seq, read once a second): the candidates with whether each
 * passes the filters and its canonical article, then the page's hits with the facet sample's values.
 */
export const searchPostgres = async (
  pool: pg.Pool,
  request: SearchRequest,
): Promise<SearchResult> => {
  const compiled = compileForPostgres(request.query);
  const sort = request.sort ?? (compiled.tsquery ? 'relevance' : 'newest');
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  const collapse = request.collapseCopies === true;
  let windowed = false;
  let rows: NewestMatch[];
  if (compiled.tsquery) {
    // Filters apply within the window, as on SQLite: read as a column of the window's rows.
    const keepParams: unknown[] = [compiled.tsquery];
    const keep = compiled.filters.map((filter) => filterToPostgres(filter, keepParams));
    const newest = await newestMatches(
      pool,
      compiled.tsquery,
      RANK_WINDOW + 1,
      sort === 'relevance',
      {
        ...(keep.length > 0
          ? { keep: { sql: keep.join(' AND '), params: keepParams.slice(1) } }
          : {}),
        canonical: collapse,
      },
    );
    windowed = newest.length > RANK_WINDOW;
    rows = newest.slice(0, RANK_WINDOW).filter((row) => row.kept);
  } else {
    const params: unknown[] = [];
    const where = compiled.filters.map((filter) => filterToPostgres(filter, params));
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order =
      sort === 'oldest'
        ? 'a.published IS NULL, a.published COLLATE "C" ASC, a.seq ASC'
        : 'a.published IS NULL, a.published COLLATE "C" DESC, a.seq DESC';
    params.push(rowsNeeded(offset, request.limit, request.facets === true));
    rows = (
      await pool.query<Parameters<typeof toMatch>[0]>(
        `SELECT a.seq, a.id, a.published, 0::real AS score, true AS kept,
                ${collapse ? CANONICAL_OF_A : 'NULL::text'} AS canonical
           FROM articles a ${whereSql}
          ORDER BY ${order} LIMIT $${params.length}`,
        params,
      )
    ).rows.map(toMatch);
  }
  let candidates: Candidate[] = [...rows];
  candidates.sort(compareCandidates(sort));
  if (collapse) candidates = collapseCopies(candidates, canonicalOf(rows));
  const cut = pageOfCandidates(candidates, offset, request.limit);
  const { details, facets } = await hitsAndFacets(
    pool,
    cut.page.map((c) => c.seq),
    request.facets ? cut.facetSample.map((c) => c.seq) : undefined,
  );
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
const canonicalOf = (rows: readonly NewestMatch[]): Map<string, string> =>
  new Map(
    rows.flatMap((row) => (row.canonical === null ? [] : [[row.id, row.canonical] as const])),
  );
