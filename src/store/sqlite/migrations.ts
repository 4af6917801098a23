/**
 * Append-only schema history for the SQLite store. Never edit a shipped entry: add a new one.
 * Each runs once, in its own transaction, recorded in schema_migrations.
 */
import {
  NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL,
  NEAR_DUPLICATE_SCHEMA_SQL,
} from './near-duplicate-index.js';
import {
  NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL,
  NEAR_DUPLICATE_LSH_MIGRATION_SQL,
} from './near-duplicate-lsh.js';
import { LEDGER_SCHEMA_SQL } from '../ledger-schema.js';
import {
  STORY_HELD_SQL,
  STORY_ORDER_SQL,
  STORY_RECENT_POSTINGS_SQL,
  STORY_SCHEMA_SQL,
} from './story-index.js';
import { LIVE_MIGRATIONS_SQLITE } from '../live-schema.js';
import { ENTITY_STATS_SQLITE_MIGRATION } from '../entity-stats.js';
import { ARTICLE_COUNTS_SQLITE_MIGRATION } from '../article-counts.js';
import { TOKEN_MIGRATIONS_SQLITE } from '../token-schema.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, revisions, feeds, full-text index',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  identity_key TEXT NOT NULL UNIQUE,
  revision INTEGER NOT NULL,
  format TEXT NOT NULL,
  external_id TEXT,
  url TEXT,
  canonical_url TEXT,
  source TEXT,
  site TEXT,
  title TEXT,
  text TEXT NOT NULL,
  authors TEXT NOT NULL,
  categories TEXT NOT NULL,
  published TEXT,
  language TEXT,
  content_hash TEXT NOT NULL,
  stage_versions TEXT NOT NULL,
  provenance TEXT NOT NULL,
  raw_media_type TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_canonical_url ON articles(canonical_url);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_content_hash ON articles(content_hash);

CREATE TABLE article_revisions (
  article_id TEXT NOT NULL REFERENCES articles(id),
  revision INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  title TEXT,
  text TEXT NOT NULL,
  raw TEXT NOT NULL,
  item_record TEXT NOT NULL,
  raw_media_type TEXT NOT NULL,
  provenance TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  PRIMARY KEY (article_id, revision)
);

CREATE TABLE feeds (
  xml_url TEXT PRIMARY KEY,
  title TEXT,
  html_url TEXT,
  category TEXT,
  provenance TEXT NOT NULL,
  added_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text,
  content='articles', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
`,
  },
  {
    version: 2,
    name: 'API tokens (hashed)',
    sql: `
CREATE TABLE api_tokens (
  name TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'search keys and entity mentions for query filters and facets',
    sql: `
ALTER TABLE articles ADD COLUMN source_key TEXT;
ALTER TABLE articles ADD COLUMN language_key TEXT;
UPDATE articles SET
  source_key = lower(source),
  language_key = lower(substr(language, 1, instr(language || '-', '-') - 1));
CREATE INDEX articles_source_key ON articles(source_key);
CREATE INDEX articles_language_key ON articles(language_key);

CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL REFERENCES articles(id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  type_key TEXT NOT NULL,
  enricher_version TEXT NOT NULL
);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, article_id);
CREATE INDEX entity_mentions_name ON entity_mentions(name_key, article_id);
CREATE INDEX entity_mentions_type ON entity_mentions(type_key, article_id);
`,
  },
  {
    version: 4,
    name: 'article enrichments and the countries an article concerns',
    sql: `
CREATE TABLE article_enrichments (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  version TEXT NOT NULL,
  document TEXT NOT NULL,
  enriched_at TEXT NOT NULL
);
CREATE TABLE article_countries (
  article_id TEXT NOT NULL REFERENCES articles(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  code_key TEXT NOT NULL,
  name_key TEXT NOT NULL,
  PRIMARY KEY (article_id, code)
);
CREATE INDEX article_countries_code ON article_countries(code_key, article_id);
CREATE INDEX article_countries_name ON article_countries(name_key, article_id);
`,
  },
  {
    version: 5,
    name: 'figures, quotes and relations an article states, with their offsets',
    sql: `
CREATE TABLE article_figures (
  article_id TEXT NOT NULL REFERENCES articles(id),
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  subject TEXT,
  entity_id TEXT,
  kind_key TEXT NOT NULL,
  unit_key TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_figures_kind ON article_figures(kind_key, unit_key);
CREATE INDEX article_figures_unit ON article_figures(unit_key);
CREATE INDEX article_figures_entity ON article_figures(entity_id);

CREATE TABLE article_quotes (
  article_id TEXT NOT NULL REFERENCES articles(id),
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  anonymous INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_quotes_speaker ON article_quotes(speaker_id, article_id);

CREATE TABLE article_relations (
  article_id TEXT NOT NULL REFERENCES articles(id),
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  subject_id TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  predicate TEXT NOT NULL,
  object_id TEXT NOT NULL,
  object_name TEXT NOT NULL,
  negated INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_relations_subject ON article_relations(subject_id, article_id);
CREATE INDEX article_relations_object ON article_relations(object_id, article_id);
CREATE INDEX article_relations_predicate ON article_relations(predicate, article_id);
`,
  },
  {
    version: 6,
    name: 'search indexes: filter columns beside seq, newest/oldest order',
    sql: `
-- Search joins FTS5 rowids to articles and checks filters on each: this narrow index answers
-- those checks without reading the wide rows (the key columns sit after the text).
CREATE INDEX articles_search_cover ON articles(seq, id, source_key, language_key, published);
-- The newest/oldest orders exactly as sqlite-search.ts writes them, so a page is an index walk.
CREATE INDEX articles_newest ON articles(published IS NULL, published DESC, seq DESC, id);
CREATE INDEX articles_oldest ON articles(published IS NULL, published, seq, id);
-- Date filters without words scan a date range and probe entity/country tables by article id.
CREATE INDEX articles_published_id ON articles(published, id);
`,
  },
  {
    version: 20,
    name: 'near-duplicate index: fingerprints, LSH buckets, syndication decisions',
    sql: NEAR_DUPLICATE_SCHEMA_SQL,
  },
  {
    version: 21,
    name: 'story index: term statistics, stories, lookup terms, members',
    sql: STORY_SCHEMA_SQL,
  },
  {
    version: 22,
    name: 'near-duplicate index: LSH buckets in levels (recent B-tree, packed chunks), band keys per fingerprint',
    sql: NEAR_DUPLICATE_LSH_MIGRATION_SQL,
  },
  {
    version: 23,
    name: 'near-duplicate index: newest LSH postings read from band keys into memory, one chunk level',
    sql: NEAR_DUPLICATE_LSH_MEMORY_MIGRATION_SQL,
  },
  {
    version: 24,
    name: 'near-duplicate index: fingerprint id to article id without reading the fingerprint rows',
    sql: NEAR_DUPLICATE_ID_ARTICLE_INDEX_SQL,
  },
  {
    version: 30,
    name: 'search indexes: source and language filters in newest order, covering',
    sql: `
-- Queries without words (source:x lang:y) page newest-first: with the filter's columns first and
-- the other one after the order, SQLite seeks to the matching rows already in date order and
-- checks the rest from the index, never reading the wide article rows (sqlite-search.ts).
CREATE INDEX articles_source_newest
  ON articles(source_key, language_key, published IS NULL, published DESC, seq DESC, id);
CREATE INDEX articles_language_newest
  ON articles(language_key, published IS NULL, published DESC, seq DESC, source_key, id);
ANALYZE articles;
`,
  },
  {
    version: 31,
    name: 'search: recent tier, a small full-text index of the newest 65,536 articles',
    sql: `
-- A word in a quarter of a million articles costs bm25 a walk of its whole doclist (its IDF) and
-- a prefix a merge of every expansion's doclist. Most such queries find their newest RANK_WINDOW
-- matches among the newest articles, so sqlite-search.ts looks here first and ranks there, on a
-- doclist of at most 65,536 articles. Contentless, with deletes: the text lives in articles_fts.
-- The search needs no width: more than RANK_WINDOW matches here are the newest ones by seq.
CREATE VIRTUAL TABLE articles_fts_recent USING fts5(
  title, text, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts_recent(rowid, title, text)
  SELECT seq, coalesce(title, ''), text FROM articles
   WHERE seq > (SELECT coalesce(max(seq), 0) FROM articles) - 65536;
CREATE TRIGGER articles_fts_recent_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts_recent(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
  DELETE FROM articles_fts_recent WHERE rowid <= new.seq - 65536;
END;
CREATE TRIGGER articles_fts_recent_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts_recent WHERE rowid = old.seq;
END;
CREATE TRIGGER articles_fts_recent_update AFTER UPDATE OF title, text ON articles BEGIN
  DELETE FROM articles_fts_recent WHERE rowid = old.seq;
  INSERT INTO articles_fts_recent(rowid, title, text)
    SELECT new.seq, coalesce(new.title, ''), new.text
     WHERE new.seq > (SELECT max(seq) FROM articles) - 65536;
END;
`,
  },
  {
    version: 40,
    name: 'stories: list order index for paged story lists',
    sql: `CREATE INDEX stories_list_order ON stories (coalesce(last_seen, '') DESC, id);`,
  },
  {
    version: 100,
    name: 'claim ledger and dependency graph rows per article',
    sql: LEDGER_SCHEMA_SQL,
  },
  {
    version: 130,
    name: 'stories: lookup terms remember when they were saved, so lookups read the newest stories',
    sql: STORY_RECENT_POSTINGS_SQL,
  },
  {
    version: 160,
    name: 'stories: each member keeps its place in the canonical order, so late articles re-settle',
    sql: STORY_ORDER_SQL,
  },
  ...LIVE_MIGRATIONS_SQLITE,
  {
    version: 140,
    name: 'per-entity aggregates kept at write time (entity pages, entity index, overview)',
    sql: ENTITY_STATS_SQLITE_MIGRATION,
  },
  {
    version: 141,
    name: 'article counts by source, format and language kept at write time (overview, stats)',
    sql: ARTICLE_COUNTS_SQLITE_MIGRATION,
  },
  ...TOKEN_MIGRATIONS_SQLITE,
  {
    version: 170,
    name: 'stories: articles a run took out of their stories, to cluster again at its end',
    sql: STORY_HELD_SQL,
  },
];
