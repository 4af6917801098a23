import type Database from 'better-sqlite3';
import type { ArticleEnrichment } from '../../core/enrichment.js';
import type { SqlRunner } from '../fact-queries.js';
import { FIGURES, QUOTES, RELATIONS, type FactRow, type FactTable } from '../fact-rows.js';

/** better-sqlite3 binds no booleans: they are stored as 0/1 and read back by fromRow. */
const bindable = (row: FactRow): (string | number | null)[] =>
  Object.values(row).map((value) => (typeof value === 'boolean' ? Number(value) : value));

/** Statements prepared once per connection: saveEnrichment runs per article, in bulk. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export const prepared = (db: Database.Database, sql: string): Database.Statement => {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
};

const replaceRows = <R>(
  db: Database.Database,
  table: FactTable<R>,
  articleId: string,
  records: readonly R[],
): void => {
  prepared(db, `DELETE FROM ${table.table} WHERE article_id = ?`).run(articleId);
  if (records.length === 0) return;
  const columns = Object.keys(table.columns);
  const insert = prepared(
    db,
    `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  records.forEach((record, ordinal) =>
    insert.run(bindable(table.toRow(articleId, ordinal, record))),
  );
};

/** Replaces an article's figures, quotes and relations; the caller holds the transaction. */
export const saveSqliteFacts = (
  db: Database.Database,
  articleId: string,
  enrichment: ArticleEnrichment,
): void => {
  replaceRows(db, FIGURES, articleId, enrichment.figures);
  replaceRows(db, QUOTES, articleId, enrichment.quotes);
  replaceRows(db, RELATIONS, articleId, enrichment.relations);
};

const readRows = <R>(db: Database.Database, table: FactTable<R>, articleId: string): R[] =>
  (
    prepared(
      db,
      `SELECT * FROM ${table.table} WHERE article_id = ? ORDER BY ordinal`,
    ) as Database.Statement<[string], FactRow>
  )
    .all(articleId)
    .map(table.fromRow);

export const getSqliteFacts = (
  db: Database.Database,
  articleId: string,
): Pick<ArticleEnrichment, 'figures' | 'quotes' | 'relations'> => ({
  figures: readRows(db, FIGURES, articleId),
  quotes: readRows(db, QUOTES, articleId),
  relations: readRows(db, RELATIONS, articleId),
});

/** Lends FactQueries the SQLite connection (the queries are synchronous underneath). */
export const sqliteRunner = (db: Database.Database): SqlRunner => ({
  all: async (sql, params) => db.prepare<unknown[], FactRow>(sql).all(...bindParams(params)),
  binary: '',
});

const bindParams = (params: readonly (string | number | boolean | null)[]) =>
  params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
