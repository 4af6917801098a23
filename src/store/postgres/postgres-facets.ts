import type pg from 'pg';
import type { SearchFacets } from '../port.js';
import { tallyFacets, type FacetRows } from '../search-facet-counts.js';
import type { HitDetails } from '../search-result.js';

interface PageRow {
  kind: 'h' | 'a' | 'm' | 'c';
  v1: string | null;
  v2: string | null;
  v3: string | null;
  seq: string | null;
}

/** Title, outlet and text of the page's hits ($1): what snippets are cut from. */
const HITS_SQL = `SELECT 'h' AS kind, a.title AS v1, a.source AS v2, a.text AS v3, a.seq::text AS seq
  FROM articles a WHERE a.seq = ANY($1::bigint[])`;

/**
 * The facet sample's articles ($2), their mentions and their countries. Mentions come once per
 * (article, name, type): the tally counts distinct articles per value, so the repeats a text has
 * of a name change nothing but the rows sent (about half of them).
 */
const FACETS_SQL = `
  UNION ALL
  SELECT 'a', s.source, s.language_key, substr(s.published, 1, 7), NULL FROM sample s
  UNION ALL
  SELECT DISTINCT 'm', m.name, m.type, m.article_id, NULL
    FROM sample s JOIN entity_mentions m ON m.article_id = s.id
  UNION ALL
  SELECT 'c', c.code, NULL, NULL, NULL FROM sample s JOIN article_countries c ON c.article_id = s.id`;

/**
 * What a search reads once its page is cut, in one statement: the page's hits (by seq) and, when
 * asked, the facet values of the facet sample (search-candidates.ts: at most FACET_SAMPLE articles),
 * tallied in memory (search-facet-counts.ts, shared with SQLite so orders agree).
 *
 * One statement, not one per part in parallel: each took a connection of the search pool, so one
 * search held several at once and the others queued behind it, and under CPU contention every
 * statement costs the server a wait for its turn (bench/load during an ingest).
 */
export const hitsAndFacets = async (
  pool: pg.Pool,
  pageSeqs: readonly number[],
  sampleSeqs: readonly number[] | undefined,
): Promise<{ details: Map<number, HitDetails>; facets?: SearchFacets }> => {
  const details = new Map<number, HitDetails>();
  if (pageSeqs.length === 0 && sampleSeqs === undefined) return { details };
  const { rows } =
    sampleSeqs === undefined
      ? await pool.query<PageRow>(HITS_SQL, [pageSeqs])
      : await pool.query<PageRow>(
          `WITH sample AS (SELECT a.id, a.source, a.language_key, a.published FROM articles a
                            WHERE a.seq = ANY($2::bigint[]))
           ${HITS_SQL}${FACETS_SQL}`,
          [pageSeqs, sampleSeqs],
        );
  const articles: FacetRows['articles'][number][] = [];
  const mentions: FacetRows['mentions'][number][] = [];
  const countries: FacetRows['countries'][number][] = [];
  for (const row of rows) {
    if (row.kind === 'h')
      details.set(Number(row.seq), { title: row.v1, source: row.v2, text: row.v3 ?? '' });
    else if (row.kind === 'a')
      articles.push({ source: row.v1, language_key: row.v2, month: row.v3 });
    else if (row.kind === 'm')
      mentions.push({ article_id: row.v3 as string, name: row.v1, type: row.v2 });
    else if (row.v1 !== null) countries.push({ code: row.v1 });
  }
  return {
    details,
    ...(sampleSeqs === undefined ? {} : { facets: tallyFacets({ articles, mentions, countries }) }),
  };
};
