import type pg from 'pg';
import type { ArticleEnrichment } from '../../core/enrichment.js';
import type { SqlRunner } from '../fact-queries.js';
import {
  FIGURES,
  QUOTES,
  RELATIONS,
  type ColumnType,
  type FactRow,
  type FactTable,
} from '../fact-rows.js';
import { pgText } from './article-row.js';

const ARRAY_TYPE: Record<ColumnType, string> = {
  text: 'text[]',
  int: 'int[]',
  float: 'float8[]',
  bool: 'boolean[]',
};

const replaceRows = async <R>(
  client: pg.PoolClient,
  table: FactTable<R>,
  articleId: string,
  records: readonly R[],
): Promise<void> => {
  await client.query(`DELETE FROM ${table.table} WHERE article_id = $1`, [articleId]);
  if (records.length === 0) return;
  await insertFactRows(
    client,
    table,
    records.map((record, ordinal) => table.toRow(articleId, ordinal, record)),
  );
};

/** One multi-row insert through unnest (also used by `sitrep migrate` to copy SQLite rows). */
export const insertFactRows = async (
  client: pg.PoolClient,
  table: Pick<FactTable<unknown>, 'table' | 'columns'>,
  rows: readonly FactRow[],
): Promise<void> => {
  if (rows.length === 0) return;
  const columns = Object.entries(table.columns);
  const arrays = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name] ?? null;
      if (type === 'bool') return value === null ? null : Boolean(value);
      return typeof value === 'string' ? pgText(value) : value;
    }),
  );
  await client.query(
    `INSERT INTO ${table.table} (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${ARRAY_TYPE[type]}`).join(', ')})
     ON CONFLICT DO NOTHING`,
    arrays,
  );
};

/** Replaces an article's figures, quotes and relations inside the caller's transaction. */
export const savePostgresFacts = async (
  client: pg.PoolClient,
  articleId: string,
  enrichment: ArticleEnrichment,
): Promise<void> => {
  await replaceRows(client, FIGURES, articleId, enrichment.figures);
  await replaceRows(client, QUOTES, articleId, enrichment.quotes);
  await replaceRows(client, RELATIONS, articleId, enrichment.relations);
};

const readRows = async <R>(pool: pg.Pool, table: FactTable<R>, articleId: string): Promise<R[]> =>
  (
    await pool.query<FactRow>(
      `SELECT * FROM ${table.table} WHERE article_id = $1 ORDER BY ordinal`,
      [articleId],
    )
  ).rows.map(table.fromRow);

export const getPostgresFacts = async (
  pool: pg.Pool,
  articleId: string,
): Promise<Pick<ArticleEnrichment, 'figures' | 'quotes' | 'relations'>> => ({
  figures: await readRows(pool, FIGURES, articleId),
  quotes: await readRows(pool, QUOTES, articleId),
  relations: await readRows(pool, RELATIONS, articleId),
});

/** Numbers the `?` placeholders of FactQueries' SQL ($1, $2, …); that SQL has no `?` in literals. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export const postgresRunner = (pool: pg.Pool): SqlRunner => ({
  all: async (sql, params) => (await pool.query<FactRow>(numbered(sql), [...params])).rows,
  binary: ' COLLATE "C"',
});
