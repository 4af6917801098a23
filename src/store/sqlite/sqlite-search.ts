import type Database from 'better-sqlite3';
import { compileForFts5 } from '../../search/index.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../cursor.js';
import type { FacetCount, SearchFacets, SearchRequest, SearchResult } from '../port.js';
import { filterToSqlite } from './filter-sql.js';

const FACET_LIMIT = 20;

interface HitRow {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  snippet: string;
  rank: number;
}

/** Runs a parsed query on SQLite: FTS5 MATCH for words (BM25, title weighted 2x), SQL for filters. */
export const searchSqlite = (db: Database.Database, request: SearchRequest): SearchResult => {
  const compiled = compileForFts5(request.query);
  const where: string[] = [];
  const params: unknown[] = [];
  const from = compiled.match
    ? 'articles_fts JOIN articles a ON a.seq = articles_fts.rowid'
    : 'articles a';
  if (compiled.match) {
    where.push('articles_fts MATCH ?');
    params.push(compiled.match);
  }
  for (const filter of compiled.filters) {
    const fragment = filterToSqlite(filter);
    where.push(fragment.sql);
    params.push(...fragment.params);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sort = compiled.match ? (request.sort ?? 'relevance') : (request.sort ?? 'newest');
  const order =
    sort === 'relevance'
      ? 'rank, a.seq'
      : sort === 'newest'
        ? 'a.published IS NULL, a.published DESC, a.seq DESC'
        : 'a.published IS NULL, a.published ASC, a.seq ASC';
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  const snippet = compiled.match
    ? `snippet(articles_fts, 1, '[', ']', '…', 16)`
    : `substr(a.text, 1, 160)`;
  const rank = compiled.match ? 'bm25(articles_fts, 2.0, 1.0)' : '0';

  const rows = db
    .prepare<unknown[], HitRow>(
      `SELECT a.id, a.title, a.source, a.published, ${snippet} AS snippet, ${rank} AS rank
         FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, request.limit + 1, offset);
  const total = (
    db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${from} ${whereSql}`)
      .get(...params) ?? { n: 0 }
  ).n;
  const hits = rows.slice(0, request.limit).map((row) => ({
    id: row.id,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.source !== null ? { source: row.source } : {}),
    ...(row.published !== null ? { published: row.published } : {}),
    snippet: row.snippet,
    score: -row.rank,
  }));
  return {
    total,
    hits,
    ...(request.facets ? { facets: facetsFor(db, from, whereSql, params) } : {}),
    ...(rows.length > request.limit
      ? { nextCursor: encodeOffsetCursor(offset + request.limit) }
      : {}),
  };
};

const facetsFor = (
  db: Database.Database,
  from: string,
  whereSql: string,
  params: unknown[],
): SearchFacets => {
  const matched = `WITH matched AS (SELECT a.id, a.source, a.language_key, a.published FROM ${from} ${whereSql})`;
  const count = (sql: string): FacetCount[] =>
    db
      .prepare<unknown[], { value: string; count: number }>(`${matched} ${sql}`)
      .all(...params, FACET_LIMIT);
  const mentionFacet = (column: string): FacetCount[] =>
    count(
      `SELECT ${column} AS value, count(DISTINCT m.article_id) AS count
         FROM entity_mentions m JOIN matched ON matched.id = m.article_id
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
      `SELECT c.code AS value, count(*) AS count FROM article_countries c
         JOIN matched ON matched.id = c.article_id GROUP BY c.code ORDER BY count DESC, value LIMIT ?`,
    ),
  };
};
