/**
 * Per-entity aggregates kept at write time (migration 140), so entity pages, the entity index and
 * the overview read a few index rows instead of grouping the whole mention table (about 1-4 s on a
 * 100k-article store). Four tables, all derived from `entity_mentions` and `articles.published`:
 *
 * - entity_articles: one row per (entity, article) with the article's publication date and the
 *   number of mentions; its (entity, published) index gives an entity's newest articles and its
 *   first/last dates with one index seek.
 * - entity_stats: articles and mentions per entity; its order index is the entity ranking.
 * - entity_months: articles per entity per month (YYYY-MM of publication): the timeline.
 * - entity_names: mentions per (entity, name, type): the display name, and the type / name-prefix
 *   filters of the entity index.
 *
 * saveEnrichment subtracts an article's old contribution before replacing its mentions and adds the
 * new one after (the same SQL with the sign flipped), inside its transaction. A change of an
 * article's publication date (a new revision, reprocess) moves its months in a trigger. The SQL is
 * one text for both backends (`?` placeholders, numbered for PostgreSQL); upserts read their rows in
 * entity order so concurrent PostgreSQL writers take row locks in one order and cannot deadlock.
 */

/** The collation suffix for ordered text (SQLite's BINARY is its default; `COLLATE "C"` for PostgreSQL). */
type Binary = '' | ' COLLATE "C"';

const schema = (binary: Binary, integer: string): string => `
CREATE TABLE entity_articles (
  entity_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  published TEXT,
  mentions ${integer} NOT NULL,
  PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX entity_articles_newest ON entity_articles (${
  // Newest first with undated articles last: SQLite's NULLs sort first, so its ascending index read
  // backwards gives that order; PostgreSQL needs it spelt out.
  binary === ''
    ? 'entity_id, published, article_id'
    : 'entity_id, published COLLATE "C" DESC NULLS LAST, article_id COLLATE "C" DESC'
});
CREATE INDEX entity_articles_article ON entity_articles (article_id, entity_id);
CREATE TABLE entity_stats (
  entity_id TEXT PRIMARY KEY,
  articles ${integer} NOT NULL,
  mentions ${integer} NOT NULL
);
CREATE INDEX entity_stats_rank ON entity_stats (articles DESC, mentions DESC, entity_id${binary});
CREATE TABLE entity_months (
  entity_id TEXT NOT NULL,
  month TEXT NOT NULL,
  articles ${integer} NOT NULL,
  PRIMARY KEY (entity_id, month)
);
CREATE TABLE entity_names (
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  name_key TEXT NOT NULL,
  type_key TEXT NOT NULL,
  mentions ${integer} NOT NULL,
  PRIMARY KEY (entity_id, name, type)
);
CREATE INDEX entity_names_type ON entity_names (type_key, entity_id);
CREATE INDEX entity_names_name ON entity_names (name_key${binary === '' ? '' : ' text_pattern_ops'}, entity_id);
`;

/** Rebuilds every aggregate from the mentions: the migration's backfill of an existing store. */
export const ENTITY_STATS_REBUILD_SQL = `
DELETE FROM entity_articles;
DELETE FROM entity_stats;
DELETE FROM entity_months;
DELETE FROM entity_names;
INSERT INTO entity_articles (entity_id, article_id, published, mentions)
  SELECT m.entity_id, m.article_id, a.published, count(*)
    FROM entity_mentions m JOIN articles a ON a.id = m.article_id
   GROUP BY m.entity_id, m.article_id, a.published;
INSERT INTO entity_stats (entity_id, articles, mentions)
  SELECT entity_id, count(*), sum(mentions) FROM entity_articles GROUP BY entity_id;
INSERT INTO entity_months (entity_id, month, articles)
  SELECT entity_id, substr(published, 1, 7), count(*) FROM entity_articles
   WHERE length(published) >= 7 GROUP BY entity_id, substr(published, 1, 7);
INSERT INTO entity_names (entity_id, name, type, name_key, type_key, mentions)
  SELECT entity_id, name, type, name_key, type_key, count(*) FROM entity_mentions
   GROUP BY entity_id, name, type, name_key, type_key;
`;

/**
 * Moves an article's months from its old publication date to its new one (trigger bodies): one
 * ordered upsert, so it locks PostgreSQL rows in the same order as an enrichment does.
 */
const publishedMoveBody = (article: string, before: string, after: string): string => `
INSERT INTO entity_months (entity_id, month, articles)
  SELECT entity_id, month, sum(delta) FROM (
    SELECT entity_id, substr(${before}, 1, 7) AS month, -1 AS delta FROM entity_articles
     WHERE article_id = ${article} AND length(${before}) >= 7
    UNION ALL
    SELECT entity_id, substr(${after}, 1, 7), 1 FROM entity_articles
     WHERE article_id = ${article} AND length(${after}) >= 7
  ) moved WHERE true GROUP BY entity_id, month ORDER BY entity_id, month
  ON CONFLICT (entity_id, month) DO UPDATE SET articles = entity_months.articles + excluded.articles;
DELETE FROM entity_months WHERE articles <= 0
   AND entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = ${article});
UPDATE entity_articles SET published = ${after} WHERE article_id = ${article};`;

export const ENTITY_STATS_SQLITE_MIGRATION = `${schema('', 'INTEGER')}
${ENTITY_STATS_REBUILD_SQL}
CREATE TRIGGER articles_published_entity_stats AFTER UPDATE OF published ON articles
WHEN old.published IS NOT new.published BEGIN
${publishedMoveBody('new.id', 'old.published', 'new.published')}
END;
`;

/**
 * PostgreSQL: a transaction that subtracts and then adds (a re-enrichment, a bulk copy) locks
 * aggregate rows in two passes, and two such transactions, or one and a first enrichment, could
 * then wait on each other. A first enrichment takes this advisory lock shared (its one ordered pass
 * per table cannot deadlock with another's); the others take it exclusively. Keyed per schema like
 * the organise lock. (A date change moves months in one ordered pass and takes no lock: it runs
 * while its transaction holds article rows, which an enrichment locks before this one.)
 */
export const ENTITY_STATS_LOCK_CLASS = 140_140;

export const ENTITY_STATS_POSTGRES_MIGRATION = `${schema(' COLLATE "C"', 'bigint')}
${ENTITY_STATS_REBUILD_SQL}
CREATE FUNCTION articles_published_entity_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${publishedMoveBody('NEW.id', 'OLD.published', 'NEW.published')}
RETURN NULL;
END $$;
CREATE TRIGGER articles_published_entity_stats AFTER UPDATE OF published ON articles
FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published)
EXECUTE FUNCTION articles_published_entity_stats();
`;

/**
 * Adds (sign +1) or subtracts (-1) one article's contribution. Each statement takes the article id
 * as its only parameter. To add, run after the article's mentions are inserted; to subtract, before
 * they are deleted (the name counts are read from them).
 */
export const entityStatsDeltaSql = (sign: 1 | -1): readonly string[] => {
  const s = sign === 1 ? '' : '-';
  const upsertStats = `INSERT INTO entity_stats (entity_id, articles, mentions)
    SELECT entity_id, ${s}1, ${s}mentions FROM entity_articles WHERE article_id = ? ORDER BY entity_id
    ON CONFLICT (entity_id) DO UPDATE SET articles = entity_stats.articles + excluded.articles,
      mentions = entity_stats.mentions + excluded.mentions`;
  const upsertMonths = `INSERT INTO entity_months (entity_id, month, articles)
    SELECT entity_id, substr(published, 1, 7), ${s}1 FROM entity_articles
     WHERE article_id = ? AND length(published) >= 7 ORDER BY entity_id
    ON CONFLICT (entity_id, month) DO UPDATE SET articles = entity_months.articles + excluded.articles`;
  const upsertNames = `INSERT INTO entity_names (entity_id, name, type, name_key, type_key, mentions)
    SELECT entity_id, name, type, name_key, type_key, ${s}count(*) FROM entity_mentions
     WHERE article_id = ? GROUP BY entity_id, name, type, name_key, type_key
     ORDER BY entity_id, name, type
    ON CONFLICT (entity_id, name, type) DO UPDATE SET mentions = entity_names.mentions + excluded.mentions`;
  if (sign === 1)
    return [
      `INSERT INTO entity_articles (entity_id, article_id, published, mentions)
        SELECT m.entity_id, m.article_id, a.published, count(*)
          FROM entity_mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.article_id = ? GROUP BY m.entity_id, m.article_id, a.published`,
      upsertStats,
      upsertMonths,
      upsertNames,
    ];
  const ofArticle = 'entity_id IN (SELECT entity_id FROM entity_articles WHERE article_id = ?)';
  return [
    upsertStats,
    upsertMonths,
    upsertNames,
    `DELETE FROM entity_stats WHERE articles <= 0 AND ${ofArticle}`,
    `DELETE FROM entity_months WHERE articles <= 0 AND ${ofArticle}`,
    `DELETE FROM entity_names WHERE mentions <= 0 AND ${ofArticle}`,
    'DELETE FROM entity_articles WHERE article_id = ?',
  ];
};

export const ENTITY_STATS_ADD = entityStatsDeltaSql(1);

/**
 * ENTITY_STATS_ADD for many articles at once (SQLite; the parameter is a JSON array of article
 * ids): one upsert per entity (and month, and name) of the whole batch instead of one per article
 * and entity. Aggregates are sums, so the rows are those the per-article statements give.
 */
export const ENTITY_STATS_ADD_BATCH_SQLITE: readonly string[] = (() => {
  const batch = 'IN (SELECT value FROM json_each(?))';
  return [
    `INSERT INTO entity_articles (entity_id, article_id, published, mentions)
      SELECT m.entity_id, m.article_id, a.published, count(*)
        FROM entity_mentions m JOIN articles a ON a.id = m.article_id
       WHERE m.article_id ${batch} GROUP BY m.entity_id, m.article_id, a.published`,
    `INSERT INTO entity_stats (entity_id, articles, mentions)
      SELECT entity_id, count(*), sum(mentions) FROM entity_articles WHERE article_id ${batch}
       GROUP BY entity_id ORDER BY entity_id
      ON CONFLICT (entity_id) DO UPDATE SET articles = entity_stats.articles + excluded.articles,
        mentions = entity_stats.mentions + excluded.mentions`,
    `INSERT INTO entity_months (entity_id, month, articles)
      SELECT entity_id, substr(published, 1, 7), count(*) FROM entity_articles
       WHERE article_id ${batch} AND length(published) >= 7
       GROUP BY entity_id, substr(published, 1, 7) ORDER BY entity_id
      ON CONFLICT (entity_id, month) DO UPDATE SET articles = entity_months.articles + excluded.articles`,
    `INSERT INTO entity_names (entity_id, name, type, name_key, type_key, mentions)
      SELECT entity_id, name, type, name_key, type_key, count(*) FROM entity_mentions
       WHERE article_id ${batch} GROUP BY entity_id, name, type, name_key, type_key
       ORDER BY entity_id, name, type
      ON CONFLICT (entity_id, name, type) DO UPDATE SET mentions = entity_names.mentions + excluded.mentions`,
  ];
})();
export const ENTITY_STATS_SUBTRACT = entityStatsDeltaSql(-1);

/** Each statement's single `?` as PostgreSQL's `$1`. */
export const numberedSql = (sql: string): string => sql.replace(/\?/g, '$1');
