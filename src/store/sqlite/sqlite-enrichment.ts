import type Database from 'better-sqlite3';
import type { ArticleEnrichment, CountryRef, EntityMention } from '../../core/enrichment.js';
import { AppError } from '../../core/errors.js';
import { ENTITY_STATS_ADD_BATCH_SQLITE, ENTITY_STATS_SUBTRACT } from '../entity-stats.js';
import { getSqliteFacts, prepared, saveSqliteFacts } from './sqlite-facts.js';

/** Replaces one article's enrichment rows (mentions, countries, figures, quotes, relations); the caller wraps it in a transaction. */
export const saveSqliteEnrichment = (
  db: Database.Database,
  articleId: string,
  enrichment: ArticleEnrichment,
  now: string,
): void => saveSqliteEnrichments(db, [{ id: articleId, enrichment }], now);

/**
 * Replaces several articles' enrichment rows; the caller wraps it in a transaction. The per-entity
 * aggregates (entity-stats.ts) lose each article's old mentions before they are replaced and gain
 * the batch's new ones in one pass at the end: an ingest batch names the same entities again and
 * again, and one upsert per article and entity was most of an enrichment's write time.
 */
export const saveSqliteEnrichments = (
  db: Database.Database,
  items: readonly { readonly id: string; readonly enrichment: ArticleEnrichment }[],
  now: string,
): void => {
  // Statements are prepared once per connection (prepared()): this runs per batch, in bulk.
  const exists = prepared(db, 'SELECT 1 FROM articles WHERE id = ?');
  const counted = prepared(db, 'SELECT 1 FROM entity_articles WHERE article_id = ? LIMIT 1');
  for (const { id: articleId } of items)
    if (!exists.get(articleId)) throw new AppError('NOT_FOUND', `no article ${articleId}`);
  const insertMention = prepared(
    db,
    `INSERT INTO entity_mentions (article_id, start_offset, end_offset, text, type, entity_id, name,
       name_key, type_key, enricher_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCountry = prepared(
    db,
    `INSERT OR IGNORE INTO article_countries (article_id, code, name, code_key, name_key)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const saveDocument = prepared(
    db,
    `INSERT INTO article_enrichments (article_id, version, document, enriched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, document = excluded.document,
       enriched_at = excluded.enriched_at`,
  );
  const ids = new Set<string>();
  for (const { id: articleId, enrichment } of items) {
    // An article counted in the aggregates (enriched in an earlier batch) loses its old
    // contribution first; a first enrichment has none (its statements would find no rows), nor
    // has an article met earlier in this batch (its rows are only counted at the end).
    if (counted.get(articleId))
      for (const sql of ENTITY_STATS_SUBTRACT) prepared(db, sql).run(articleId);
    prepared(db, 'DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
    prepared(db, 'DELETE FROM article_countries WHERE article_id = ?').run(articleId);
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
    for (const c of enrichment.countries) {
      insertCountry.run(articleId, c.code, c.name, c.code.toLowerCase(), c.name.toLowerCase());
    }
    saveSqliteFacts(db, articleId, enrichment);
    saveDocument.run(
      articleId,
      enrichment.version,
      JSON.stringify(enrichment.document ?? null),
      now,
    );
    ids.add(articleId);
  }
  addEntityStats(db, [...ids]);
};

const addEntityStats = (db: Database.Database, articleIds: readonly string[]): void => {
  if (articleIds.length === 0) return;
  const batch = JSON.stringify(articleIds);
  for (const sql of ENTITY_STATS_ADD_BATCH_SQLITE) prepared(db, sql).run(batch);
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
