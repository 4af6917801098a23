import type { EntityArticles } from './entity-articles-port.js';
import type { SqlRunner } from './fact-queries.js';

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
