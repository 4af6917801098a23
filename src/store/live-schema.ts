/**
 * Tables of live sources, watchlists, alerts and deliveries (migrations 110-111 on both backends).
 * Timestamps are ISO 8601 text on both (set by sitrep, compared as strings); JSON is text.
 */
const SOURCES_SQL = (real: string) => `
CREATE TABLE sources (
  id text PRIMARY KEY,
  url text NOT NULL UNIQUE,
  title text,
  kind text NOT NULL,
  format text,
  interval_seconds integer NOT NULL,
  full_text text NOT NULL,
  state text NOT NULL,
  disabled_reason text,
  etag text,
  last_modified text,
  last_fetch_at text,
  last_success_at text,
  last_status integer,
  last_error text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  next_poll_at text NOT NULL,
  items_per_day ${real} NOT NULL DEFAULT 0,
  items_total integer NOT NULL DEFAULT 0,
  polls integer NOT NULL DEFAULT 0,
  not_modified integer NOT NULL DEFAULT 0,
  created_at text NOT NULL,
  lease_until text,
  leased_by text
);
CREATE INDEX sources_due ON sources (state, next_poll_at);
`;

const WATCHLISTS_SQL = `
CREATE TABLE watchlists (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  query text NOT NULL,
  conditions text NOT NULL,
  min_articles integer NOT NULL,
  state text NOT NULL,
  channels text NOT NULL,
  feed_token text NOT NULL,
  start_seq bigint NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE TABLE watch_alerts (
  id text PRIMARY KEY,
  watchlist_id text NOT NULL,
  article_id text NOT NULL,
  group_key text NOT NULL,
  story_id text,
  title text,
  source text,
  url text,
  published text,
  entities text NOT NULL,
  created_at text NOT NULL,
  read_at text,
  UNIQUE (watchlist_id, group_key)
);
CREATE INDEX watch_alerts_by_list ON watch_alerts (watchlist_id, created_at);
CREATE TABLE watch_deliveries (
  id text PRIMARY KEY,
  alert_id text NOT NULL,
  watchlist_id text NOT NULL,
  channel text NOT NULL,
  state text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at text NOT NULL,
  last_error text,
  last_status integer,
  sent_at text,
  created_at text NOT NULL,
  lease_until text,
  leased_by text
);
CREATE INDEX watch_deliveries_due ON watch_deliveries (state, next_attempt_at);
CREATE TABLE watch_cursors (
  name text PRIMARY KEY,
  seq bigint NOT NULL
);
`;

/** Why an alert fired (a conflict's two sides, an edge's evidence), as a JSON array of lines. */
const ALERT_WHY_SQL = 'ALTER TABLE watch_alerts ADD COLUMN why text;';

export const LIVE_MIGRATIONS_SQLITE = [
  { version: 110, name: 'live sources', sql: SOURCES_SQL('real') },
  { version: 111, name: 'watchlists, alerts, deliveries', sql: WATCHLISTS_SQL },
  { version: 112, name: 'watch alerts: why they fired (ledger conditions)', sql: ALERT_WHY_SQL },
] as const;

export const LIVE_MIGRATIONS_POSTGRES = [
  { version: 110, name: 'live sources', sql: SOURCES_SQL('double precision') },
  { version: 111, name: 'watchlists, alerts, deliveries', sql: WATCHLISTS_SQL },
  { version: 112, name: 'watch alerts: why they fired (ledger conditions)', sql: ALERT_WHY_SQL },
] as const;
