/**
 * Tables of the claim ledger and dependency graph (migration 100): one SQL text both backends accept,
 * so the SQLite and PostgreSQL stores keep the same rows.
 */
export const LEDGER_SCHEMA_SQL = `
CREATE TABLE ledger_articles (
  article_id TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE ledger_claims (
  article_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  measure TEXT NOT NULL,
  about_id TEXT,
  claimant_id TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX ledger_claims_measure ON ledger_claims(measure);
CREATE INDEX ledger_claims_about ON ledger_claims(about_id);
CREATE INDEX ledger_claims_claimant ON ledger_claims(claimant_id);
CREATE TABLE ledger_edges (
  article_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  recipient_key TEXT NOT NULL,
  system_key TEXT NOT NULL,
  supplier_key TEXT,
  status TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX ledger_edges_recipient ON ledger_edges(recipient_key);
CREATE INDEX ledger_edges_system ON ledger_edges(system_key);
CREATE INDEX ledger_edges_supplier ON ledger_edges(supplier_key);
CREATE TABLE ledger_alternatives (
  article_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  system_key TEXT NOT NULL,
  alternative_key TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
`;
