import type Database from 'better-sqlite3';
import type { ArticleEnrichment, CountryRef, EntityMention } from '../../core/enrichment.js';
import { AppError } from '../../core/errors.js';
import { ENTITY_STATS_ADD, ENTITY_STATS_SUBTRACT } from '../entity-stats.js';
import { getSqliteFacts, prepared, saveSqliteFacts } from './sqlite-facts.js';

/** Replaces one article's enrichment rows (mentions, countries, figures, quotes, relations); the caller wraps it in a transaction. */
export const saveSqliteEnrichment = (
  db: Database.Database,
  articleId: string,
  enrichment: ArticleEnrichment,
  now: string,
): void => {
  // Statements are prepared once per connection (prepared()): this runs per article, in bulk.
  const exists = prepared(db, 'SELECT 1 FROM articles WHERE id = ?').get(articleId);
  if (!exists) throw new AppError('NOT_FOUND', `no article ${articleId}`);
  // The per-entity aggregates (entity-stats.ts) lose the old mentions and gain the new ones.
  for (const sql of ENTITY_STATS_SUBTRACT) prepared(db, sql).run(articleId);
  prepared(db, 'DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
  prepared(db, 'DELETE FROM article_countries WHERE article_id = ?').run(articleId);
  const insertMention = prepared(
    db,
    `INSERT INTO entity_mentions (article_id, start_offset, end_offset, text, type, entity_id, name,
       name_key, type_key, enricher_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of enrichment.entities) {
    insertMention.run(
      articleId,
      m.start,
      m.end,
      m.text,
      m.type,
      m.id,
      m.name,
      m.name.toLowerCase(),
      m.type.toLowerCase(),
      enrichment.version,
    );
  }
  for (const sql of ENTITY_STATS_ADD) prepared(db, sql).run(articleId);
  const insertCountry = prepared(
    db,
    `INSERT OR IGNORE INTO article_countries (article_id, code, name, code_key, name_key)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const c of enrichment.countries) {
    insertCountry.run(articleId, c.code, c.name, c.code.toLowerCase(), c.name.toLowerCase());
  }
  saveSqliteFacts(db, articleId, enrichment);
  prepared(
    db,
    `INSERT INTO article_enrichments (article_id, version, document, enriched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, document = excluded.document,
       enriched_at = excluded.enriched_at`,
  ).run(articleId, enrichment.version, JSON.stringify(enrichment.document ?? null), now);
};

export const getSqliteEnrichment = (
  db: Database.Database,
  articleId: string,
): ArticleEnrichment | undefined => {
  const row = (
    prepared(
      db,
      'SELECT version, document FROM article_enrichments WHERE article_id = ?',
    ) as Database.Statement<[string], { version: string; document: string }>
  ).get(articleId);
  if (!row) return undefined;
  const entities = (
    prepared(
      db,
      `SELECT text, start_offset AS start, end_offset AS end, type, entity_id AS id, name
         FROM entity_mentions WHERE article_id = ? ORDER BY start_offset, end_offset`,
    ) as Database.Statement<[string], EntityMention>
  )
    .all(articleId)
    .map((m) => ({ ...m }));
  const countries = (
    prepared(
      db,
      'SELECT code, name FROM article_countries WHERE article_id = ? ORDER BY code',
    ) as Database.Statement<[string], CountryRef>
  )
    .all(articleId)
    .map((c) => ({ ...c }));
  return {
    version: row.version,
    entities,
    countries,
    ...getSqliteFacts(db, articleId),
    document: JSON.parse(row.document),
  };
};
