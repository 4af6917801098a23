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
import type { Statement } from './inline-parameters.js';

const ARRAY_TYPE: Record<ColumnType, string> = {
  text: 'text[]',
  int: 'int[]',
  float: 'float8[]',
  bool: 'boolean[]',
};

const replaceRows = <R>(
  table: FactTable<R>,
  articleId: string,
  records: readonly R[],
): Statement[] => {
  const insert = insertFactRowsStatement(
    table,
    records.map((record, ordinal) => table.toRow(articleId, ordinal, record)),
  );
  return [
    [`DELETE FROM ${table.table} WHERE article_id = $1`, [articleId]],
    ...(insert ? [insert] : []),
  ];
};

/** One multi-row insert through unnest; undefined for no rows. */
const insertFactRowsStatement = (
  table: Pick<FactTable<unknown>, 'table' | 'columns'>,
  rows: readonly FactRow[],
): Statement | undefined => {
  if (rows.length === 0) return undefined;
  const columns = Object.entries(table.columns);
  const arrays = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name] ?? null;
      if (type === 'bool') return value === null ? null : Boolean(value);
      return typeof value === 'string' ? pgText(value) : value;
    }),
  );
  return [
    `INSERT INTO ${table.table} (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${ARRAY_TYPE[type]}`).join(', ')})
     ON CONFLICT DO NOTHING`,
    arrays,
  ];
};

/** One multi-row insert through unnest (also used by `sitrep migrate` to copy SQLite rows). */
export const insertFactRows = async (
  client: pg.PoolClient,
  table: Pick<FactTable<unknown>, 'table' | 'columns'>,
  rows: readonly FactRow[],
): Promise<void> => {
  const statement = insertFactRowsStatement(table, rows);
  if (statement) await client.query(statement[0], [...statement[1]]);
};

/** The statements that replace an article's figures, quotes and relations (in the caller's transaction). */
export const postgresFactStatements = (
  articleId: string,
  enrichment: ArticleEnrichment,
): Statement[] => [
  ...replaceRows(FIGURES, articleId, enrichment.figures),
  ...replaceRows(QUOTES, articleId, enrichment.quotes),
  ...replaceRows(RELATIONS, articleId, enrichment.relations),
];

const FACT_TABLES = [FIGURES, QUOTES, RELATIONS] as const;

/** The reads of an article's figures, quotes and relations, for queryAll (then postgresFactsOf). */
export const postgresFactReads = (articleId: string): Statement[] =>
  FACT_TABLES.map((table) => [
    `SELECT * FROM ${table.table} WHERE article_id = $1 ORDER BY ordinal`,
    [articleId],
  ]);

/** The facts from the results of postgresFactReads, in its order. */
export const postgresFactsOf = (
  results: readonly pg.QueryResult[],
): Pick<ArticleEnrichment, 'figures' | 'quotes' | 'relations'> => ({
  figures: (results[0]?.rows ?? []).map((row) => FIGURES.fromRow(row as FactRow)),
  quotes: (results[1]?.rows ?? []).map((row) => QUOTES.fromRow(row as FactRow)),
  relations: (results[2]?.rows ?? []).map((row) => RELATIONS.fromRow(row as FactRow)),
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
