import type Database from 'better-sqlite3';
import type { SearchFacets } from '../port.js';
import { tallyFacets } from '../search-facet-counts.js';

/**
 * Counts facet values over the given hits (the facet sample of search-candidates.ts, at most
 * FACET_SAMPLE articles by seq, passed as one JSON array): one read of the sampled articles, then
 * their mentions and countries by id, tallied in memory, rather than one query per facet that
 * would each look the same articles up again.
 */
export const sqliteFacets = (db: Database.Database, seqs: readonly number[]): SearchFacets => {
  const articles = db
    .prepare<
      [string],
      { id: string; source: string | null; language_key: string | null; month: string | null }
    >(
      `SELECT a.id, a.source, a.language_key, substr(a.published, 1, 7) AS month
         FROM json_each(?) j JOIN articles a ON a.seq = j.value`,
    )
    .all(JSON.stringify(seqs));
  // By article id from here on: the articles were read once above.
  const idsJson = JSON.stringify(articles.map((row) => row.id));
  const mentions = db
    .prepare<[string], { article_id: string; name: string | null; type: string | null }>(
      `SELECT m.article_id, m.name, m.type
         FROM json_each(?) j JOIN entity_mentions m ON m.article_id = j.value`,
    )
    .all(idsJson);
  const countries = db
    .prepare<[string], { code: string }>(
      `SELECT c.code FROM json_each(?) j JOIN article_countries c ON c.article_id = j.value`,
    )
    .all(idsJson);
  return tallyFacets({ articles, mentions, countries });
};
