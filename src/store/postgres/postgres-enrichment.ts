import type pg from 'pg';
import type { ArticleEnrichment, CountryRef, EntityMention } from '../../core/enrichment.js';
import { AppError } from '../../core/errors.js';
import {
  ENTITY_STATS_ADD,
  ENTITY_STATS_LOCK_CLASS,
  ENTITY_STATS_SUBTRACT,
  numberedSql,
} from '../entity-stats.js';
import { pgJson, pgText } from './article-row.js';
import { getPostgresFacts, savePostgresFacts } from './postgres-facts.js';

/** Replaces one article's enrichment rows inside the caller's transaction (twin of sqlite-enrichment.ts). */
export const savePostgresEnrichment = async (
  client: pg.PoolClient,
  articleId: string,
  enrichment: ArticleEnrichment,
  now: string,
): Promise<void> => {
  // The row lock also serialises two workers enriching the same article.
  const exists = await client.query('SELECT 1 FROM articles WHERE id = $1 FOR UPDATE', [articleId]);
  if (exists.rowCount === 0) throw new AppError('NOT_FOUND', `no article ${articleId}`);
  // The per-entity aggregates (entity-stats.ts) lose the old mentions and gain the new ones.
  const again =
    ((
      await client.query('SELECT 1 FROM entity_articles WHERE article_id = $1 LIMIT 1', [articleId])
    ).rowCount ?? 0) > 0;
  await lockEntityStats(client, again ? 'exclusive' : 'shared');
  if (again) await applyEntityStats(client, 'subtract', articleId);
  await client.query('DELETE FROM entity_mentions WHERE article_id = $1', [articleId]);
  await client.query('DELETE FROM article_countries WHERE article_id = $1', [articleId]);
  const m = enrichment.entities;
  if (m.length > 0) {
    await client.query(
      `INSERT INTO entity_mentions (article_id, start_offset, end_offset, text, type, entity_id, name, name_key,
         type_key, enricher_version)
       SELECT $1, u.*, $10 FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[]) AS u`,
      [
        articleId,
        m.map((x) => x.start),
        m.map((x) => x.end),
        m.map((x) => pgText(x.text)),
        m.map((x) => x.type),
        m.map((x) => x.id),
        m.map((x) => pgText(x.name)),
        m.map((x) => pgText(x.name).toLowerCase()),
        m.map((x) => x.type.toLowerCase()),
        enrichment.version,
      ],
    );
  }
  await applyEntityStats(client, 'add', articleId);
  const c = enrichment.countries;
  if (c.length > 0) {
    await client.query(
      `INSERT INTO article_countries (article_id, code, name, code_key, name_key)
       SELECT $1, u.* FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u
       ON CONFLICT DO NOTHING`,
      [
        articleId,
        c.map((x) => x.code),
        c.map((x) => pgText(x.name)),
        c.map((x) => x.code.toLowerCase()),
        c.map((x) => pgText(x.name).toLowerCase()),
      ],
    );
  }
  await savePostgresFacts(client, articleId, enrichment);
  await client.query(
    `INSERT INTO article_enrichments (article_id, version, document, enriched_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, document = excluded.document,
       enriched_at = excluded.enriched_at`,
    [articleId, enrichment.version, pgJson(enrichment.document ?? null), now],
  );
};

const DELTA = {
  add: ENTITY_STATS_ADD.map(numberedSql),
  subtract: ENTITY_STATS_SUBTRACT.map(numberedSql),
};

/** The aggregates' advisory lock (ENTITY_STATS_LOCK_CLASS says why), until the transaction ends. */
export const lockEntityStats = async (
  client: pg.PoolClient,
  mode: 'shared' | 'exclusive',
): Promise<void> => {
  await client.query(
    `SELECT pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}($1, hashtext(current_schema()))`,
    [ENTITY_STATS_LOCK_CLASS],
  );
};

/** Adds or subtracts one article's share of the entity aggregates (entity-stats.ts), in the caller's transaction. */
export const applyEntityStats = async (
  client: pg.PoolClient,
  direction: keyof typeof DELTA,
  articleId: string,
): Promise<void> => {
  for (const sql of DELTA[direction]) await client.query(sql, [articleId]);
};

export const getPostgresEnrichment = async (
  pool: pg.Pool,
  articleId: string,
): Promise<ArticleEnrichment | undefined> => {
  const row = (
    await pool.query<{ version: string; document: unknown }>(
      'SELECT version, document FROM article_enrichments WHERE article_id = $1',
      [articleId],
    )
  ).rows[0];
  if (!row) return undefined;
  const entities = (
    await pool.query<EntityMention>(
      `SELECT text, start_offset AS start, end_offset AS "end", type, entity_id AS id, name
         FROM entity_mentions WHERE article_id = $1 ORDER BY start_offset, end_offset`,
      [articleId],
    )
  ).rows.map((mention) => ({ ...mention }));
  const countries = (
    await pool.query<CountryRef>(
      'SELECT code, name FROM article_countries WHERE article_id = $1 ORDER BY code COLLATE "C"',
      [articleId],
    )
  ).rows.map((country) => ({ ...country }));
  return {
    version: row.version,
    entities,
    countries,
    ...(await getPostgresFacts(pool, articleId)),
    document: row.document,
  };
};
