import type Database from 'better-sqlite3';
import { compileForFts5, extractHighlightTerms } from '../../search/index.js';
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
import { searchResultOf } from '../search-result.js';
import { filterToSqlite } from './filter-sql.js';
import { sqliteFacets } from './sqlite-facets.js';

interface CandidateRow {
  seq: number;
  id: string;
  published: string | null;
  rank: number;
}

interface HitRow {
  seq: number;
  title: string | null;
  source: string | null;
  text: string;
}

/**
 * Runs a parsed query on SQLite: FTS5 MATCH for words (BM25, title weighted 2x), SQL for filters.
 *
 * One bounded candidate list per query (src/store/search-bounds.ts; measured by bench/search),
 * from which the page, the total and the facet sample are all cut (search-candidates.ts). None of
 * it changes a result whose words match at most RANK_WINDOW articles, which the contract suite
 * checks; every bound that bites is reported in the result:
 * - Words: the newest RANK_WINDOW + 1 matches come from one backward walk of the FTS5 doclists
 *   (no ranking, no sort). Beyond RANK_WINDOW only the newest RANK_WINDOW are ranked, filtered,
 *   counted and faceted (`matchesConsidered`); FTS5's own `ORDER BY rank` ranks every match,
 *   seconds for a common word at 1M articles. bm25 runs once, over those candidates only, in the
 *   recent tier (migration 31, the newest 65,536 articles) when the window fits there: bm25's IDF
 *   walks each phrase's whole doclist, and a prefix merges every expansion's, which the small
 *   index keeps short. Scores there use that tier's IDF, so they rank the same window alike but
 *   are not comparable with scores of another query.
 * - No words: the hits are read in the requested order through migration 6's indexes, only as
 *   many as the page, the capped total and the facet sample need.
 * - Titles and snippets (search-snippet.ts) are made for the page's hits only.
 */
export const searchSqlite = (db: Database.Database, request: SearchRequest): SearchResult => {
  const compiled = compileForFts5(request.query);
  const where: string[] = [];
  const params: unknown[] = [];
  for (const filter of compiled.filters) {
    const fragment = filterToSqlite(filter, compiled.match ? 'probe' : 'set');
    where.push(fragment.sql);
    params.push(...fragment.params);
  }
  const sort = request.sort ?? (compiled.match ? 'relevance' : 'newest');
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  let candidates: Candidate[];
  let windowed = false;
  if (compiled.match) {
    // The recent tier first (migration 31): when it holds more than RANK_WINDOW matches, they are
    // the newest ones, and bm25 there walks short doclists. Otherwise the main index.
    let index: 'articles_fts' | 'articles_fts_recent' = 'articles_fts_recent';
    let newest = newestMatches(db, index, compiled.match);
    if (newest.length <= RANK_WINDOW) {
      index = 'articles_fts';
      newest = newestMatches(db, index, compiled.match);
    }
    windowed = newest.length > RANK_WINDOW;
    const windowStart = newest[Math.min(newest.length, RANK_WINDOW) - 1]?.seq ?? 0;
    const ranked = sort === 'relevance';
    const rows = db
      .prepare<unknown[], CandidateRow>(
        `SELECT a.seq, a.id, a.published, m.rank
           FROM (SELECT rowid AS seq, ${ranked ? `bm25(${index}, 2.0, 1.0)` : '0'} AS rank
                   FROM ${index} WHERE ${index} MATCH ? AND rowid >= ?
                  ORDER BY rowid DESC) m
           -- Migration 6's narrow index holds every column filters read, in seq order: the
           -- candidates' entries share a few pages, where their wide rows would take a page each.
           JOIN articles a INDEXED BY articles_search_cover ON a.seq = m.seq
          ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      )
      .all(compiled.match, windowStart, ...params);
    candidates = rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      published: row.published,
      score: -row.rank,
    }));
  } else {
    // Written as migration 6's expression indexes are, so SQLite walks them instead of sorting.
    const order =
      sort === 'oldest'
        ? 'a.published IS NULL, a.published ASC, a.seq ASC'
        : 'a.published IS NULL, a.published DESC, a.seq DESC';
    candidates = db
      .prepare<unknown[], Omit<CandidateRow, 'rank'>>(
        `SELECT a.seq, a.id, a.published FROM articles a
          ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY ${order} LIMIT ?`,
      )
      .all(...params, rowsNeeded(offset, request.limit, request.facets === true))
      .map((row) => ({ ...row, score: 0 }));
  }
  candidates.sort(compareCandidates(sort));
  if (request.collapseCopies) candidates = collapseCopies(candidates, canonicalOf(db, candidates));
  const cut = pageOfCandidates(candidates, offset, request.limit);
  const details = hitDetails(db, cut.page);
  return searchResultOf({
    cut,
    details,
    ...(compiled.match ? { highlightTerms: extractHighlightTerms(request.query) } : {}),
    windowed,
    ...(request.facets
      ? {
          facets: sqliteFacets(
            db,
            cut.facetSample.map((c) => c.seq),
          ),
        }
      : {}),
    offset,
    limit: request.limit,
  });
};

/**
 * The newest RANK_WINDOW + 1 matches of an FTS5 expression in one index: a backward walk of the
 * doclists, with neither ranking nor sorting.
 */
const newestMatches = (
  db: Database.Database,
  index: 'articles_fts' | 'articles_fts_recent',
  match: string,
): { seq: number }[] =>
  db
    .prepare<[string, number], { seq: number }>(
      `SELECT rowid AS seq FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid DESC LIMIT ?`,
    )
    .all(match, RANK_WINDOW + 1);

/** Copy -> canonical article, for the candidates that are copies. */
const canonicalOf = (
  db: Database.Database,
  candidates: readonly Candidate[],
): Map<string, string> =>
  new Map(
    db
      .prepare<[string], { article_id: string; canonical_id: string }>(
        `SELECT article_id, canonical_id FROM syndication_decisions
          WHERE canonical_id IS NOT NULL AND article_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(candidates.map((c) => c.id)))
      .map((row) => [row.article_id, row.canonical_id]),
  );

/** Title, outlet and text for the page's hits only. */
const hitDetails = (db: Database.Database, page: readonly Candidate[]): Map<number, HitRow> => {
  if (page.length === 0) return new Map();
  const rows = db
    .prepare<[string], HitRow>(
      `SELECT a.seq, a.title, a.source, a.text
         FROM json_each(?) j JOIN articles a ON a.seq = j.value`,
    )
    .all(JSON.stringify(page.map((c) => c.seq)));
  return new Map(rows.map((row) => [row.seq, row]));
};
