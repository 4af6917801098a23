import type { SqlRunner } from './fact-queries.js';

/**
 * The articles mentioning an entity, newest published first (undated last), straight from the
 * mention index: entity pages read an entity's own sentences from them. The search engine can
 * answer the same with `entity:"id"`, but a filter-only query walks the newest articles until
 * enough match, which costs hundreds of milliseconds for a rarely mentioned entity on 100k articles.
 */
export interface EntityArticles {
  newestArticleIds(entityId: string, limit: number): Promise<string[]>;
}

/** One SQL text both backends accept (published is ISO text on both, compared byte-wise). */
export class EntityArticleQueries implements EntityArticles {
  constructor(private readonly sql: SqlRunner) {}

  async newestArticleIds(entityId: string, limit: number): Promise<string[]> {
    const rows = await this.sql.all(
      `SELECT a.id FROM articles a
        WHERE a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id = ?)
        ORDER BY a.published IS NULL, a.published${this.sql.binary} DESC, a.id${this.sql.binary} DESC
        LIMIT ?`,
      [entityId, limit],
    );
    return rows.map((row) => String(row['id']));
  }
}
