import type pg from 'pg';
import type { SearchFacets } from '../port.js';
import { tallyFacets } from '../search-facet-counts.js';

/**
 * Counts facet values over the given hits (the facet sample of search-candidates.ts, at most
 * FACET_SAMPLE articles by seq): three reads, of the sampled articles, their mentions and their
 * countries, tallied in memory (search-facet-counts.ts, shared with SQLite so orders agree).
 */
export const postgresFacets = async (
  pool: pg.Pool,
  seqs: readonly number[],
): Promise<SearchFacets> => {
  const [articles, mentions, countries] = await Promise.all([
    pool.query<{ source: string | null; language_key: string | null; month: string | null }>(
      `SELECT a.source, a.language_key, substr(a.published, 1, 7) AS month
         FROM articles a WHERE a.seq = ANY($1::bigint[])`,
      [seqs],
    ),
    pool.query<{ article_id: string; name: string | null; type: string | null }>(
      `SELECT m.article_id, m.name, m.type FROM articles a
         JOIN entity_mentions m ON m.article_id = a.id WHERE a.seq = ANY($1::bigint[])`,
      [seqs],
    ),
    pool.query<{ code: string }>(
      `SELECT c.code FROM articles a JOIN article_countries c ON c.article_id = a.id
        WHERE a.seq = ANY($1::bigint[])`,
      [seqs],
    ),
  ]);
  return tallyFacets({
    articles: articles.rows,
    mentions: mentions.rows,
    countries: countries.rows,
  });
};
