import type Database from 'better-sqlite3';
import { compileForFts5 } from '../../search/index.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../cursor.js';
import type { FacetCount, SearchFacets, SearchRequest, SearchResult } from '../port.js';
import { COUNT_CAP, FACET_SAMPLE, RANK_WINDOW } from '../search-bounds.js';
import { filterToSqlite } from './filter-sql.js';

const FACET_LIMIT = 20;

interface HitRow {
  id: string;
  seq: number;
  title: string | null;
  source: string | null;
  published: string | null;
  snippet: string;
  rank: number;
}

/**
 * Runs a parsed query on SQLite: FTS5 MATCH for words (BM25, title weighted 2x), SQL for filters.
 *
 * Bounded work on large archives (src/store/search-bounds.ts; measured by bench/search). None of
 * it changes a result whose words match at most RANK_WINDOW articles, which the contract suite
 * checks; every bound that bites is reported in the result:
 * - Words matching more than RANK_WINDOW articles: only the newest RANK_WINDOW matches (a rowid
 *   range, which FTS5 seeks cheaply) are ranked, filtered, counted and faceted
 *   (`matchesConsidered`). FTS5's own `ORDER BY rank` would not help: its sorter ranks every
 *   match whatever the rowid range, which takes seconds for a common word at 1M articles.
 * - Snippets are made for the page's hits only, not for every row the ranking sorts.
 * - `total` counts up to COUNT_CAP hits (`totalIsEstimate` beyond it, total being a lower bound).
 * - Facets count the first FACET_SAMPLE hits in the requested order (`facetsSampled`).
 */
export const searchSqlite = (db: Database.Database, request: SearchRequest): SearchResult => {
  const compiled = compileForFts5(request.query);
  const where: string[] = [];
  const params: unknown[] = [];
  const from = compiled.match
    ? 'articles_fts JOIN articles a ON a.seq = articles_fts.rowid'
    : 'articles a';
  let windowStart: number | undefined;
  if (compiled.match) {
    where.push('articles_fts MATCH ?');
    params.push(compiled.match);
    windowStart = db
      .prepare<[string, number], { rowid: number }>(
        'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
      )
      .get(compiled.match, RANK_WINDOW - 1)?.rowid;
    if (windowStart !== undefined) {
      where.push('articles_fts.rowid >= ?');
      params.push(windowStart);
    }
  }
  for (const filter of compiled.filters) {
    const fragment = filterToSqlite(filter);
    where.push(fragment.sql);
    params.push(...fragment.params);
  }
  const sort = compiled.match ? (request.sort ?? 'relevance') : (request.sort ?? 'newest');
  const ranked = sort === 'relevance' && compiled.match !== undefined;
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // Newest/oldest are written as migration 6's expression indexes are, so SQLite walks them.
  const order = ranked
    ? 'rank, a.seq'
    : sort === 'newest'
      ? 'a.published IS NULL, a.published DESC, a.seq DESC'
      : sort === 'oldest'
        ? 'a.published IS NULL, a.published ASC, a.seq ASC'
        : 'a.seq';
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  const rank = compiled.match ? 'bm25(articles_fts, 2.0, 1.0)' : '0';
  const snippetFor = compiled.match ? snippetReader(db, compiled.match) : undefined;

  const rows = db
    .prepare<unknown[], HitRow>(
      `SELECT a.id, a.seq, a.title, a.source, a.published,
              ${compiled.match ? "''" : 'substr(a.text, 1, 160)'} AS snippet, ${rank} AS rank
         FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, request.limit + 1, offset);
  const counted = (
    db
      .prepare<unknown[], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ?)`,
      )
      .get(...params, COUNT_CAP + 1) ?? { n: 0 }
  ).n;
  const hits = rows.slice(0, request.limit).map((row) => ({
    id: row.id,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.source !== null ? { source: row.source } : {}),
    ...(row.published !== null ? { published: row.published } : {}),
    snippet: snippetFor ? snippetFor(row.seq) : row.snippet,
    score: -row.rank,
  }));
  const capped = counted > COUNT_CAP;
  const facetIds = request.facets
    ? db
        .prepare<unknown[], { id: string }>(
          `SELECT a.id, ${rank} AS rank FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ?`,
        )
        .all(...params, FACET_SAMPLE + 1)
        .map((row) => row.id)
    : [];
  return {
    total: capped ? COUNT_CAP : counted,
    ...(capped || windowStart !== undefined ? { totalIsEstimate: true } : {}),
    hits,
    ...(request.facets ? { facets: facetsFor(db, facetIds.slice(0, FACET_SAMPLE)) } : {}),
    ...(facetIds.length > FACET_SAMPLE ? { facetsSampled: FACET_SAMPLE } : {}),
    ...(windowStart !== undefined ? { matchesConsidered: RANK_WINDOW } : {}),
    ...(rows.length > request.limit
      ? { nextCursor: encodeOffsetCursor(offset + request.limit) }
      : {}),
  };
};

/**
 * Snippets for the page's hits only: one FTS5 lookup by rowid each, rather than a snippet for
 * every row the ranking sorts.
 */
const snippetReader = (db: Database.Database, match: string): ((seq: number) => string) => {
  const statement = db.prepare<[string, number], { snippet: string }>(
    `SELECT snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts
      WHERE articles_fts MATCH ? AND rowid = ?`,
  );
  return (seq) => statement.get(match, seq)?.snippet ?? '';
};

/** Counts facet values over the given hits (at most FACET_SAMPLE ids, passed as one JSON array). */
const facetsFor = (db: Database.Database, ids: readonly string[]): SearchFacets => {
  const matched = `WITH matched AS (SELECT a.id, a.source, a.language_key, a.published
    FROM json_each(?) j JOIN articles a ON a.id = j.value)`;
  const idsJson = JSON.stringify(ids);
  const count = (sql: string): FacetCount[] =>
    db
      .prepare<unknown[], { value: string; count: number }>(`${matched} ${sql}`)
      .all(idsJson, FACET_LIMIT);
  const mentionFacet = (column: string): FacetCount[] =>
    count(
      `SELECT ${column} AS value, count(DISTINCT m.article_id) AS count
         FROM matched JOIN entity_mentions m ON m.article_id = matched.id
        WHERE ${column} IS NOT NULL
        GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`,
    );
  return {
    source: count(
      `SELECT source AS value, count(*) AS count FROM matched WHERE source IS NOT NULL
        GROUP BY source ORDER BY count DESC, value LIMIT ?`,
    ),
    language: count(
      `SELECT language_key AS value, count(*) AS count FROM matched WHERE language_key IS NOT NULL
        GROUP BY language_key ORDER BY count DESC, value LIMIT ?`,
    ),
    month: count(
      `SELECT value, count FROM (SELECT substr(published, 1, 7) AS value, count(*) AS count FROM matched
        WHERE published IS NOT NULL GROUP BY value ORDER BY value DESC LIMIT ?) ORDER BY value`,
    ),
    entity: mentionFacet('m.name'),
    entityType: mentionFacet('m.type'),
    country: count(
      `SELECT c.code AS value, count(*) AS count FROM matched
         JOIN article_countries c ON c.article_id = matched.id GROUP BY c.code ORDER BY count DESC, value LIMIT ?`,
    ),
  };
};
