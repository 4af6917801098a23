import type pg from 'pg';
import { compileForPostgres, extractHighlightTerms } from '../../search/index.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../cursor.js';
import type { FacetCount, SearchFacets, SearchRequest, SearchResult } from '../port.js';
import { COUNT_CAP, FACET_SAMPLE, RANK_WINDOW } from '../search-bounds.js';
import { filterToPostgres } from './filter-sql.js';
import { snippetFor } from './search-snippet.js';

const FACET_LIMIT = 20;
/** ts_rank weights {D, C, B, A}: text words carry D, title words A: title counts 2x, as BM25 does on SQLite. */
const RANK_WEIGHTS = '{0.5, 0.5, 0.5, 1.0}';

interface HitRow {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  text: string;
  score: number;
}

/**
 * Runs a parsed query on PostgreSQL: tsvector @@ tsquery for words (ts_rank, title 2x), SQL for filters.
 *
 * Bounded work on large archives, the twin of sqlite-search.ts (src/store/search-bounds.ts;
 * measured by bench/search); nothing changes for a query whose words match at most RANK_WINDOW
 * articles, which the contract suite checks, and every bound that bites is reported:
 * - words matching more than RANK_WINDOW articles: only the newest RANK_WINDOW matches (by seq)
 *   are ranked, filtered, counted and faceted (`matchesConsidered`): ts_rank reads each candidate's
 *   tsvector, so ranking every match of a common word grows with the archive;
 * - `total` counts up to COUNT_CAP hits (`totalIsEstimate` beyond it, total being a lower bound);
 * - facets count the first FACET_SAMPLE hits in the requested order (`facetsSampled`).
 */
export const searchPostgres = async (
  pool: pg.Pool,
  request: SearchRequest,
): Promise<SearchResult> => {
  const compiled = compileForPostgres(request.query);
  const params: unknown[] = [];
  const where: string[] = [];
  let rank = '0::real';
  let windowStart: string | undefined;
  if (compiled.tsquery) {
    params.push(compiled.tsquery);
    where.push('a.search_vector @@ $1::tsquery');
    rank = `ts_rank('${RANK_WEIGHTS}', a.search_vector, $1::tsquery)`;
    windowStart = (
      await pool.query<{ seq: string }>(
        `SELECT seq FROM articles WHERE search_vector @@ $1::tsquery ORDER BY seq DESC OFFSET $2 LIMIT 1`,
        [compiled.tsquery, RANK_WINDOW - 1],
      )
    ).rows[0]?.seq;
    if (windowStart !== undefined) {
      params.push(windowStart);
      where.push(`a.seq >= $${params.length}`);
    }
  }
  for (const filter of compiled.filters) where.push(filterToPostgres(filter, params));
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sort = compiled.tsquery ? (request.sort ?? 'relevance') : (request.sort ?? 'newest');
  const order =
    sort === 'relevance'
      ? 'score DESC, a.seq'
      : sort === 'newest'
        ? 'a.published IS NULL, a.published COLLATE "C" DESC, a.seq DESC'
        : 'a.published IS NULL, a.published COLLATE "C" ASC, a.seq ASC';
  const offset = request.cursor ? decodeOffsetCursor(request.cursor) : 0;
  const pageParams = [...params, request.limit + 1, offset];
  const next = params.length;
  const [rows, counted, facetIds] = await Promise.all([
    pool.query<HitRow>(
      `SELECT a.id, a.title, a.source, a.published, a.text, ${rank} AS score
         FROM articles a ${whereSql}
        ORDER BY ${order}
        LIMIT $${next + 1} OFFSET $${next + 2}`,
      pageParams,
    ),
    pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM articles a ${whereSql} LIMIT $${next + 1}) hits`,
      [...params, COUNT_CAP + 1],
    ),
    request.facets
      ? pool.query<{ id: string }>(
          `SELECT a.id, ${rank} AS score FROM articles a ${whereSql} ORDER BY ${order} LIMIT $${next + 1}`,
          [...params, FACET_SAMPLE + 1],
        )
      : undefined,
  ]);
  const count = Number(counted.rows[0]?.n ?? 0);
  const capped = count > COUNT_CAP;
  const terms = extractHighlightTerms(request.query);
  const hits = rows.rows.slice(0, request.limit).map((row) => ({
    id: row.id,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.source !== null ? { source: row.source } : {}),
    ...(row.published !== null ? { published: row.published } : {}),
    snippet: compiled.tsquery ? snippetFor(row.text, terms) : row.text.slice(0, 160),
    score: row.score,
  }));
  const ids = facetIds?.rows.map((row) => row.id) ?? [];
  return {
    total: capped ? COUNT_CAP : count,
    ...(capped || windowStart !== undefined ? { totalIsEstimate: true } : {}),
    hits,
    ...(request.facets ? { facets: await facetsFor(pool, ids.slice(0, FACET_SAMPLE)) } : {}),
    ...(ids.length > FACET_SAMPLE ? { facetsSampled: FACET_SAMPLE } : {}),
    ...(windowStart !== undefined ? { matchesConsidered: RANK_WINDOW } : {}),
    ...(rows.rows.length > request.limit
      ? { nextCursor: encodeOffsetCursor(offset + request.limit) }
      : {}),
  };
};

/** Counts facet values over the given hits (at most FACET_SAMPLE ids, passed as one array). */
const facetsFor = async (pool: pg.Pool, ids: readonly string[]): Promise<SearchFacets> => {
  const matched = `WITH matched AS (SELECT a.id, a.source, a.language_key, a.published
    FROM articles a WHERE a.id = ANY($1::text[]))`;
  const limit = '$2';
  const count = async (sql: string): Promise<FacetCount[]> =>
    (
      await pool.query<{ value: string; count: string }>(`${matched} ${sql}`, [ids, FACET_LIMIT])
    ).rows.map((row) => ({ value: row.value, count: Number(row.count) }));
  const mentionFacet = (column: string): Promise<FacetCount[]> =>
    count(
      `SELECT ${column} AS value, count(DISTINCT m.article_id) AS count
         FROM entity_mentions m JOIN matched ON matched.id = m.article_id
        WHERE ${column} IS NOT NULL
        GROUP BY ${column} ORDER BY count DESC, ${column} COLLATE "C" LIMIT ${limit}`,
    );
  const [source, language, month, entity, entityType, country] = await Promise.all([
    count(
      `SELECT source AS value, count(*) AS count FROM matched WHERE source IS NOT NULL
        GROUP BY source ORDER BY count DESC, source COLLATE "C" LIMIT ${limit}`,
    ),
    count(
      `SELECT language_key AS value, count(*) AS count FROM matched WHERE language_key IS NOT NULL
        GROUP BY language_key ORDER BY count DESC, language_key COLLATE "C" LIMIT ${limit}`,
    ),
    count(
      `SELECT value, count FROM (SELECT substr(published, 1, 7) AS value, count(*) AS count FROM matched
        WHERE published IS NOT NULL GROUP BY 1 ORDER BY substr(published, 1, 7) COLLATE "C" DESC LIMIT ${limit}) months
        ORDER BY value COLLATE "C"`,
    ),
    mentionFacet('m.name'),
    mentionFacet('m.type'),
    count(
      `SELECT c.code AS value, count(*) AS count FROM article_countries c
         JOIN matched ON matched.id = c.article_id GROUP BY c.code ORDER BY count DESC, c.code COLLATE "C" LIMIT ${limit}`,
    ),
  ]);
  return { source, language, month, entity, entityType, country };
};
