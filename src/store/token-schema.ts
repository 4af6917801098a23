/**
 * Migration 150 (both backends): API tokens may expire. A token without `expires_at` never
 * expires (tokens made before this migration keep working); the server refuses an expired one
 * with 401 and the reason, so the row is kept (and listed) until someone revokes it.
 */
export const TOKEN_MIGRATIONS_SQLITE = [
  {
    version: 150,
    name: 'API tokens: optional expiry',
    sql: 'ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;',
  },
] as const;

export const TOKEN_MIGRATIONS_POSTGRES = [
  {
    version: 150,
    name: 'API tokens: optional expiry',
    sql: 'ALTER TABLE api_tokens ADD COLUMN expires_at text;',
  },
] as const;
