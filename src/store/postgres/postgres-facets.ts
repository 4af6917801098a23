import type pg from 'pg';
import type { SearchFacets } from '../port.js';
import { tallyFacets, type FacetRows } from '../search-facet-counts.js';

interface FacetRow {
  kind: 'a' | 'm' | 'c';
  v1: string | null;
  v2: string | null;
  v3: string | null;
}

/**
 * Counts facet values over the given hits (the facet sample of search-candidates.ts, at most
 * FACET_SAMPLE articles by seq): the sampled articles, their mentions and their countries, read in
 * one statement and tallied in memory (search-facet-counts.ts, shared with SQLite so orders agree).
 *
 * One statement, not three in parallel: each took a connection of the search pool, so one search
 * held three of its four at once and the others queued behind it (bench/load during an ingest).
 * Mentions come once per (article, name, type): the tally counts distinct articles per value, so
 * the repeats a text has of a name change nothing but the rows sent (about half of them).
 */
export const postgresFacets = async (
  pool: pg.Pool,
  seqs: readonly number[],
): Promise<SearchFacets> => {
  const { rows } = await pool.query<FacetRow>(
    `WITH sample AS (SELECT a.id, a.source, a.language_key, a.published FROM articles a
                      WHERE a.seq = ANY($1::bigint[]))
     SELECT 'a' AS kind, s.source AS v1, s.language_key AS v2, substr(s.published, 1, 7) AS v3
       FROM sample s
     UNION ALL
     SELECT DISTINCT 'm', m.name, m.type, m.article_id
       FROM sample s JOIN entity_mentions m ON m.article_id = s.id
     UNION ALL
     SELECT 'c', c.code, NULL, NULL FROM sample s JOIN article_countries c ON c.article_id = s.id`,
    [seqs],
  );
  const articles: FacetRows['articles'][number][] = [];
  const mentions: FacetRows['mentions'][number][] = [];
  const countries: FacetRows['countries'][number][] = [];
  for (const row of rows) {
    if (row.kind === 'a') articles.push({ source: row.v1, language_key: row.v2, month: row.v3 });
    else if (row.kind === 'm')
      mentions.push({ article_id: row.v3 as string, name: row.v1, type: row.v2 });
    else if (row.v1 !== null) countries.push({ code: row.v1 });
  }
  return tallyFacets({ articles, mentions, countries });
};
