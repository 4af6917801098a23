import type { PostgresMigration } from './migrate.js';
import { LEDGER_SCHEMA_SQL } from '../ledger-schema.js';
import { POSTGRES_NEAR_DUPLICATE_SCHEMA_SQL } from './near-duplicate-index.js';
import {
  POSTGRES_STORY_ORDER_SQL,
  POSTGRES_STORY_RECENT_POSTINGS_SQL,
  POSTGRES_STORY_SCHEMA_SQL,
} from './story-index.js';
import { POSTGRES_STORY_CHANGES_SQL } from './story-changes.js';
import { LIVE_MIGRATIONS_POSTGRES } from '../live-schema.js';
import { ENTITY_STATS_POSTGRES_MIGRATION } from '../entity-stats.js';
import { ARTICLE_COUNTS_POSTGRES_MIGRATION } from '../article-counts.js';
import { TOKEN_MIGRATIONS_POSTGRES } from '../token-schema.js';

/**
 * Append-only schema history of the PostgreSQL store, the counterpart of sqlite/migrations.ts.
 * Never edit a shipped entry: add a new one. Recorded in `schema_migrations` of the current schema.
 *
 * Choices that differ from SQLite, and why:
 * - `raw` is bytea: PostgreSQL text cannot hold U+0000, and raw input must come back byte for byte.
 * - JSON columns are jsonb (queried by later stages); timestamps we set are timestamptz.
 * - `published` stays text: it is whatever ISO 8601 string the source gave, returned unchanged.
 * - The tsvector is computed in JavaScript by our own tokenizer (src/search/postgres-tsvector.ts),
 *   not by PostgreSQL's parser, so both backends index exactly the same words (no extension needed).
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'articles, revisions, feeds, full-text index',
    sql: `
CREATE TABLE articles (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  identity_key text NOT NULL UNIQUE,
  revision integer NOT NULL,
  format text NOT NULL,
  external_id text,
  url text,
  canonical_url text,
  source text,
  site text,
  title text,
  text text NOT NULL,
  authors jsonb NOT NULL,
  categories jsonb NOT NULL,
  published text,
  language text,
  content_hash text NOT NULL,
  stage_versions jsonb NOT NULL,
  provenance jsonb NOT NULL,
  raw_media_type text NOT NULL,
  ingested_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Built by src/search/postgres-tsvector.ts with the same tokenizer as FTS5 (title weight A).
  search_vector tsvector NOT NULL
);
CREATE INDEX articles_search ON articles USING gin (search_vector);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE article_revisions (
  article_id text NOT NULL REFERENCES articles (id),
  revision integer NOT NULL,
  content_hash text NOT NULL,
  raw_hash text NOT NULL,
  title text,
  text text NOT NULL,
  raw bytea NOT NULL,
  item_record text NOT NULL,
  raw_media_type text NOT NULL,
  provenance jsonb NOT NULL,
  ingested_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, revision)
);

CREATE TABLE feeds (
  xml_url text PRIMARY KEY,
  title text,
  html_url text,
  category text,
  provenance jsonb NOT NULL,
  added_at timestamptz NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'API tokens (hashed)',
    sql: `
CREATE TABLE api_tokens (
  name text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  scopes jsonb NOT NULL,
  created_at text NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'search keys and entity mentions for query filters and facets',
    sql: `
ALTER TABLE articles ADD COLUMN source_key text;
ALTER TABLE articles ADD COLUMN language_key text;
CREATE INDEX articles_source_key ON articles (source_key);
CREATE INDEX articles_language_key ON articles (language_key);

CREATE TABLE entity_mentions (
  article_id text NOT NULL REFERENCES articles (id),
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  text text NOT NULL,
  type text NOT NULL,
  entity_id text NOT NULL,
  name text NOT NULL,
  name_key text NOT NULL,
  type_key text NOT NULL,
  enricher_version text NOT NULL
);
CREATE INDEX entity_mentions_article ON entity_mentions (article_id);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id, article_id);
CREATE INDEX entity_mentions_name ON entity_mentions (name_key, article_id);
CREATE INDEX entity_mentions_type ON entity_mentions (type_key, article_id);
`,
  },
  {
    version: 4,
    name: 'article enrichments and the countries an article concerns',
    sql: `
CREATE TABLE article_enrichments (
  article_id text PRIMARY KEY REFERENCES articles (id),
  version text NOT NULL,
  document jsonb NOT NULL,
  enriched_at timestamptz NOT NULL
);
CREATE TABLE article_countries (
  article_id text NOT NULL REFERENCES articles (id),
  code text NOT NULL,
  name text NOT NULL,
  code_key text NOT NULL,
  name_key text NOT NULL,
  PRIMARY KEY (article_id, code)
);
CREATE INDEX article_countries_code ON article_countries (code_key, article_id);
CREATE INDEX article_countries_name ON article_countries (name_key, article_id);
`,
  },
  {
    version: 5,
    name: 'figures, quotes and relations an article states, with their offsets',
    sql: `
CREATE TABLE article_figures (
  article_id text NOT NULL REFERENCES articles (id),
  ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  text text NOT NULL,
  kind text NOT NULL,
  value double precision NOT NULL,
  unit text NOT NULL,
  subject text,
  entity_id text,
  kind_key text NOT NULL,
  unit_key text NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_figures_kind ON article_figures (kind_key, unit_key);
CREATE INDEX article_figures_unit ON article_figures (unit_key);
CREATE INDEX article_figures_entity ON article_figures (entity_id);

CREATE TABLE article_quotes (
  article_id text NOT NULL REFERENCES articles (id),
  ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  text text NOT NULL,
  kind text NOT NULL,
  speaker text,
  speaker_id text,
  anonymous boolean NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_quotes_speaker ON article_quotes (speaker_id, article_id);

CREATE TABLE article_relations (
  article_id text NOT NULL REFERENCES articles (id),
  ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  subject_id text NOT NULL,
  subject_name text NOT NULL,
  predicate text NOT NULL,
  object_id text NOT NULL,
  object_name text NOT NULL,
  negated boolean NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX article_relations_subject ON article_relations (subject_id, article_id);
CREATE INDEX article_relations_object ON article_relations (object_id, article_id);
CREATE INDEX article_relations_predicate ON article_relations (predicate, article_id);
`,
  },
  {
    version: 6,
    name: 'search indexes: newest/oldest order and date ranges as search compares them',
    sql: `
-- postgres-search.ts orders and compares published with COLLATE "C"; these index exactly those
-- expressions so a newest-first page or a date range is an index walk, not a sort of every hit.
CREATE INDEX articles_newest ON articles ((published IS NULL), (published COLLATE "C") DESC, seq DESC);
CREATE INDEX articles_oldest ON articles ((published IS NULL), (published COLLATE "C"), seq);
CREATE INDEX articles_published_c ON articles ((published COLLATE "C"));
`,
  },
  {
    version: 20,
    name: 'near-duplicate index: fingerprints, LSH buckets, syndication decisions',
    sql: POSTGRES_NEAR_DUPLICATE_SCHEMA_SQL,
  },
  {
    version: 21,
    name: 'story index: term statistics, stories, lookup terms, members',
    sql: POSTGRES_STORY_SCHEMA_SQL,
  },
  {
    version: 30,
    name: 'search: source and language filters in newest order; GIN without a pending list',
    sql: `
-- Queries without words (source:x lang:y) page newest-first: with the filter's columns first
-- the matching rows come already in date order and the rest is checked from the index.
CREATE INDEX articles_source_newest ON articles
  (source_key, language_key, (published IS NULL), (published COLLATE "C") DESC, seq DESC) INCLUDE (id);
CREATE INDEX articles_language_newest ON articles
  (language_key, (published IS NULL), (published COLLATE "C") DESC, seq DESC) INCLUDE (source_key, id);
-- A GIN pending list is scanned whole by every text query until vacuum merges it: search latency
-- matters more here than the cost of indexing each saved article at once.
ALTER INDEX articles_search SET (fastupdate = off);
SELECT gin_clean_pending_list('articles_search'::regclass);
`,
  },
  {
    version: 31,
    name: 'search: newest order with the article id, for index-only filter scans',
    sql: `
-- Queries without words but with an entity or country filter walk the newest order and probe the
-- filter's table by article id: with the id in the index that walk reads no table rows
-- (3.4 s -> 0.24 s for country:cn after:2021-01 at 1M articles).
CREATE INDEX IF NOT EXISTS articles_newest_covering ON articles
  ((published IS NULL), (published COLLATE "C") DESC, seq DESC) INCLUDE (id);
`,
  },
  {
    version: 40,
    name: 'stories: list order index for paged story lists',
    sql: `CREATE INDEX stories_list_order ON stories
  ((coalesce(last_seen, '') COLLATE "C") DESC, (id COLLATE "C"));`,
  },
  {
    version: 100,
    name: 'claim ledger and dependency graph rows per article',
    sql: LEDGER_SCHEMA_SQL,
  },
  {
    version: 130,
    name: 'stories: lookup terms remember when they were saved, so lookups read the newest stories',
    sql: POSTGRES_STORY_RECENT_POSTINGS_SQL,
  },
  {
    version: 160,
    name: 'stories: each member keeps its place in the canonical order, so late articles re-settle',
    sql: POSTGRES_STORY_ORDER_SQL,
  },
  ...LIVE_MIGRATIONS_POSTGRES,
  {
    version: 140,
    name: 'per-entity aggregates kept at write time (entity pages, entity index, overview)',
    sql: ENTITY_STATS_POSTGRES_MIGRATION,
  },
  {
    version: 141,
    name: 'article counts by source, format and language kept at write time (overview, stats)',
    sql: ARTICLE_COUNTS_POSTGRES_MIGRATION,
  },
  ...TOKEN_MIGRATIONS_POSTGRES,
  {
    version: 305,
    name: 'stories: a log of what each organising commit changed, so workers keep counts and stories',
    sql: POSTGRES_STORY_CHANGES_SQL,
  },
];
