import type { EntityArticles } from './entity-articles-port.js';
import type { SqlRunner } from './fact-queries.js';

/** One SQL text both backends accept (published is ISO text on both, compared byte-wise; undated last). */
export class EntityArticleQueries implements EntityArticles {
  constructor(private readonly sql: SqlRunner) {}

  async newestArticleIds(entityId: string, limit: number): Promise<string[]> {
    // The (entity, published, article) index of the write-time aggregates (entity-stats.ts):
    // a seek and `limit` rows, however many articles mention the entity.
    const desc = `${this.sql.binary} DESC`;
    const rows = await this.sql.all(
      `SELECT article_id AS id FROM entity_articles WHERE entity_id = ?
        ORDER BY published${desc}${this.sql.binary === '' ? '' : ' NULLS LAST'}, article_id${desc}
        LIMIT ?`,
      [entityId, limit],
    );
    return rows.map((row) => String(row['id']));
  }
}
