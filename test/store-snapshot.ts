import Database from 'better-sqlite3';

/**
 * What must not depend on how an ingest ran (thread count): ids, copies, enrichments and stories of
 * an SQLite store, as comparable text. Shared by test/cli/ingest-threads.test.ts and bench/ingest-threads.ts.
 */
export const snapshot = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string) => JSON.stringify(db.prepare(sql).all());
    return {
      articles: rows('SELECT id, seq, identity_key, content_hash FROM articles ORDER BY seq'),
      copies: rows('SELECT * FROM syndication_decisions ORDER BY article_id'),
      enrichments: rows(
        'SELECT article_id, version, document FROM article_enrichments ORDER BY article_id',
      ),
      stories: rows('SELECT * FROM stories ORDER BY id'),
      members: rows('SELECT * FROM story_members ORDER BY article_id'),
    };
  } finally {
    db.close();
  }
};
