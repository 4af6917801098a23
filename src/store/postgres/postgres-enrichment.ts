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
import { queryAll, type Statement } from './inline-parameters.js';
import { postgresFactReads, postgresFactStatements, postgresFactsOf } from './postgres-facts.js';

const DELTA = {
  add: ENTITY_STATS_ADD.map(numberedSql),
  subtract: ENTITY_STATS_SUBTRACT.map(numberedSql),
};

/** The statements that replace one article's enrichment rows, its stats lock taken (`again`: it had entity rows). */
const enrichmentStatements = (
  articleId: string,
  enrichment: ArticleEnrichment,
  now: string,
  again: boolean,
): Statement[] => {
  const statements: Statement[] = [];
  // The per-entity aggregates (entity-stats.ts) lose the old mentions and gain the new ones.
  if (again) statements.push(...DELTA.subtract.map((sql): Statement => [sql, [articleId]]));
  statements.push(['DELETE FROM entity_mentions WHERE article_id = $1', [articleId]]);
  statements.push(['DELETE FROM article_countries WHERE article_id = $1', [articleId]]);
  const m = enrichment.entities;
  if (m.length > 0)
    statements.push([
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
    ]);
  statements.push(...DELTA.add.map((sql): Statement => [sql, [articleId]]));
  const c = enrichment.countries;
  if (c.length > 0)
    statements.push([
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
    ]);
  statements.push(...postgresFactStatements(articleId, enrichment));
  statements.push([
    `INSERT INTO article_enrichments (article_id, version, document, enriched_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, document = excluded.document,
       enriched_at = excluded.enriched_at`,
    [articleId, enrichment.version, pgJson(enrichment.document ?? null), now],
  ]);
  return statements;
};

/**
 * Replaces the enrichment rows of several articles (in order) in one transaction of two round
 * trips: BEGIN with a read that locks the articles' rows (which serialises two workers enriching
 * the same article) and asks which had entity rows already; then every write with the COMMIT
 * (twin of sqlite-enrichment.ts, one article at a time there). An article given twice is saved twice.
 */
export const savePostgresEnrichments = async (
  pool: pg.Pool,
  items: readonly { readonly id: string; readonly enrichment: ArticleEnrichment }[],
  now: string,
): Promise<void> => {
  if (items.length === 0) return;
  const ids = [...new Set(items.map((item) => item.id))].sort();
  const client = await pool.connect();
  try {
    // The entity read is a statement of its own: its snapshot is taken once the rows are locked,
    // so it sees what a worker that held them before us committed.
    const [, locked, enriched] = await queryAll(client, [
      ['BEGIN', []],
      [
        'SELECT id FROM articles WHERE id = ANY ($1::text[]) ORDER BY id COLLATE "C" FOR UPDATE',
        [ids],
      ],
      [
        'SELECT DISTINCT article_id FROM entity_articles WHERE article_id = ANY ($1::text[])',
        [ids],
      ],
    ]);
    const had = new Set((enriched?.rows ?? []).map((row) => row['article_id'] as string));
    const again = new Map(
      (locked?.rows ?? []).map((row) => [row['id'] as string, had.has(row['id'] as string)]),
    );
    const missing = ids.find((id) => !again.has(id));
    if (missing !== undefined) throw new AppError('NOT_FOUND', `no article ${missing}`);
    const statements: Statement[] = [
      lockStatement(
        [...again.values()].some(Boolean) || ids.length < items.length ? 'exclusive' : 'shared',
      ),
    ];
    for (const { id, enrichment } of items) {
      statements.push(...enrichmentStatements(id, enrichment, now, again.get(id) === true));
      // A second save of the same article finds the first one's entity rows, if it had mentions.
      again.set(id, enrichment.entities.length > 0);
    }
    await queryAll(client, [...statements, ['COMMIT', []]]);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

const lockStatement = (mode: 'shared' | 'exclusive'): Statement => [
  `SELECT pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}($1, hashtext(current_schema()))`,
  [ENTITY_STATS_LOCK_CLASS],
];

/** The aggregates' advisory lock (ENTITY_STATS_LOCK_CLASS says why), until the transaction ends. */
export const lockEntityStats = async (
  client: pg.PoolClient,
  mode: 'shared' | 'exclusive',
): Promise<void> => {
  const [sql, params] = lockStatement(mode);
  await client.query(sql, [...params]);
};

/** Adds or subtracts one article's share of the entity aggregates (entity-stats.ts), in the caller's transaction. */
export const applyEntityStats = async (
  client: pg.PoolClient,
  direction: keyof typeof DELTA,
  articleId: string,
): Promise<void> => {
  for (const sql of DELTA[direction]) await client.query(sql, [articleId]);
};

/** One article's enrichment in one round trip (six reads sent together). */
export const getPostgresEnrichment = async (
  pool: pg.Pool,
  articleId: string,
): Promise<ArticleEnrichment | undefined> => {
  const [enrichment, mentions, countryRows, ...facts] = await queryAll(pool, [
    ['SELECT version, document FROM article_enrichments WHERE article_id = $1', [articleId]],
    [
      `SELECT text, start_offset AS start, end_offset AS "end", type, entity_id AS id, name
         FROM entity_mentions WHERE article_id = $1 ORDER BY start_offset, end_offset`,
      [articleId],
    ],
    [
      'SELECT code, name FROM article_countries WHERE article_id = $1 ORDER BY code COLLATE "C"',
      [articleId],
    ],
    ...postgresFactReads(articleId),
  ]);
  const row = enrichment?.rows[0] as { version: string; document: unknown } | undefined;
  if (!row) return undefined;
  const entities = (mentions?.rows ?? []).map((mention) => ({ ...mention }) as EntityMention);
  const countries = (countryRows?.rows ?? []).map((country) => ({ ...country }) as CountryRef);
  return {
    version: row.version,
    entities,
    countries,
    ...postgresFactsOf(facts),
    document: row.document,
  };
};
