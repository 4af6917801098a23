/**
 * Article counts by source, format and language, and the article and revision totals, kept at write
 * time by triggers (migration 141), so `countStats` (the overview page, `/api/stats`) reads a few
 * dozen rows instead of grouping every article (about 0.3-0.8 s at 100k articles on SQLite).
 *
 * Rows are (dimension, value, n): dimension is `articles`, `revisions`, `source`, `format` or
 * `language` (the totals have value ''); `is_null` marks a missing value. SQLite keeps one row per
 * key, updated per article by row triggers (its writers are serialised anyway). PostgreSQL writers
 * run concurrently, and one counter row per key would make every article insert wait for the
 * previous one's commit: its statement triggers instead append one row per key and statement (no
 * row is ever updated, so no lock is shared), and `countStats` sums them, folding them back into one
 * row per key when they pile up.
 */

const DIMENSIONS = ['source', 'format', 'language'] as const;

/** The counted keys of one article row (`new` or `old` in a trigger, or a table alias). */
const keysOf = (row: string): string[] => [
  `'articles', '', 0`,
  ...DIMENSIONS.map(
    (d) => `'${d}', coalesce(${row}.${d}, ''), CASE WHEN ${row}.${d} IS NULL THEN 1 ELSE 0 END`,
  ),
];

const TABLE = `(
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  is_null INTEGER NOT NULL,
  n INTEGER NOT NULL`;

const BACKFILL = `
INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT 'articles', '', 0, count(*) FROM articles;
INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT 'revisions', '', 0, count(*) FROM article_revisions;
${DIMENSIONS.map(
  (d) => `INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT '${d}', coalesce(${d}, ''), CASE WHEN ${d} IS NULL THEN 1 ELSE 0 END, count(*) FROM articles
   GROUP BY coalesce(${d}, ''), CASE WHEN ${d} IS NULL THEN 1 ELSE 0 END;`,
).join('\n')}`;

const sqliteBump = (row: string, sign: '+' | '-'): string =>
  keysOf(row)
    .map(
      (key) => `INSERT INTO article_counts (dimension, value, is_null, n) VALUES (${key}, ${sign}1)
  ON CONFLICT (dimension, value, is_null) DO UPDATE SET n = article_counts.n + excluded.n;`,
    )
    .join('\n');

export const ARTICLE_COUNTS_SQLITE_MIGRATION = `
CREATE TABLE article_counts ${TABLE},
  PRIMARY KEY (dimension, value, is_null)
);
${BACKFILL}
CREATE TRIGGER article_counts_insert AFTER INSERT ON articles BEGIN
${sqliteBump('new', '+')}
END;
CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN
${sqliteBump('old', '-')}
END;
CREATE TRIGGER article_counts_update AFTER UPDATE OF source, format, language ON articles BEGIN
${sqliteBump('old', '-')}
${sqliteBump('new', '+')}
END;
CREATE TRIGGER article_counts_revision AFTER INSERT ON article_revisions BEGIN
INSERT INTO article_counts (dimension, value, is_null, n) VALUES ('revisions', '', 0, 1)
  ON CONFLICT (dimension, value, is_null) DO UPDATE SET n = article_counts.n + 1;
END;
`;

/** One appended row per key of the statement's rows (`rows` is a transition table). */
const postgresAppend = (rows: string, sign: '' | '-'): string =>
  keysOf('r')
    .map(
      (key) => `INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT ${key}, ${sign}count(*) FROM ${rows} r GROUP BY 1, 2, 3;`,
    )
    .join('\n');

const postgresTrigger = (name: string, event: string, body: string, tables: string): string => `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${body}
RETURN NULL;
END $$;
CREATE TRIGGER ${name} AFTER ${event} REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}();`;

export const ARTICLE_COUNTS_POSTGRES_MIGRATION = `
CREATE TABLE article_counts ${TABLE.replace(/INTEGER/g, 'bigint')}
);
CREATE INDEX article_counts_key ON article_counts (dimension, value, is_null);
${BACKFILL}
${postgresTrigger('article_counts_insert', 'INSERT ON articles', postgresAppend('inserted', ''), 'NEW TABLE AS inserted')}
${postgresTrigger('article_counts_delete', 'DELETE ON articles', postgresAppend('removed', '-'), 'OLD TABLE AS removed')}
${postgresTrigger(
  'article_counts_update',
  'UPDATE ON articles',
  `${postgresAppend('before_rows', '-')}\n${postgresAppend('after_rows', '')}`,
  'OLD TABLE AS before_rows NEW TABLE AS after_rows',
)}
${postgresTrigger(
  'article_counts_revision',
  'INSERT ON article_revisions',
  `INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT 'revisions', '', 0, count(*) FROM inserted HAVING count(*) > 0;`,
  'NEW TABLE AS inserted',
)}
`;

/** The counts of every key (SQLite has one row per key; PostgreSQL's appended rows are summed). */
export const ARTICLE_COUNTS_READ_SQL = `SELECT dimension, value, is_null, sum(n) AS n, count(*) AS parts FROM article_counts
  GROUP BY dimension, value, is_null HAVING sum(n) <> 0`;

/**
 * Folds PostgreSQL's appended rows into one per key (run when they pile up). Rows appended by
 * transactions still open are not seen by the DELETE and stay as they are.
 */
export const ARTICLE_COUNTS_COMPACT_POSTGRES_SQL = `WITH folded AS (DELETE FROM article_counts RETURNING *)
INSERT INTO article_counts (dimension, value, is_null, n)
  SELECT dimension, value, is_null, sum(n) FROM folded GROUP BY dimension, value, is_null
  HAVING sum(n) <> 0`;

export interface CountRow {
  readonly dimension: string;
  readonly value: string;
  readonly is_null: number | string;
  readonly n: number | string;
  /** Rows summed into this one (PostgreSQL's appended rows). */
  readonly parts: number | string;
}

/** PostgreSQL folds its appended rows once the counts read this many. */
export const ARTICLE_COUNTS_COMPACT_AFTER = 1000;

/** The counts as StoreStats shapes them: a missing value is 'unknown'; largest first, then by key. */
export const statsFromCounts = (
  rows: readonly CountRow[],
): {
  articles: number;
  revisions: number;
  bySource: Record<string, number>;
  byFormat: Record<string, number>;
  byLanguage: Record<string, number>;
} => {
  const groups = (dimension: string): Record<string, number> =>
    Object.fromEntries(
      rows
        .filter((row) => row.dimension === dimension)
        .map((row) => [Number(row.is_null) === 1 ? null : row.value, Number(row.n)] as const)
        .sort(([ka, na], [kb, nb]) => nb - na || compareKeys(ka, kb))
        .map(([key, n]) => [key ?? 'unknown', n]),
    );
  const total = (dimension: string): number =>
    Number(rows.find((row) => row.dimension === dimension)?.n ?? 0);
  return {
    articles: total('articles'),
    revisions: total('revisions'),
    bySource: groups('source'),
    byFormat: groups('format'),
    byLanguage: groups('language'),
  };
};

/** The old GROUP BY's order: NULL first (SQLite sorts it lowest), then by code point. */
const compareKeys = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
