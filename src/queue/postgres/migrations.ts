import type { PostgresMigration } from '../../store/postgres/migrate.js';

/**
 * Append-only schema history of the job queue, recorded in `queue_migrations` so it evolves apart
 * from the article store even though both live in the same schema.
 */
export const QUEUE_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'jobs',
    sql: `
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
  dedupe_key text,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_after timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  locked_by text,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Claiming scans only ready jobs, oldest first; reclaiming scans only running ones by lease.
CREATE INDEX jobs_ready ON jobs (run_after, id) WHERE state = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_state_updated ON jobs (state, updated_at DESC);
CREATE UNIQUE INDEX jobs_dedupe ON jobs (kind, dedupe_key) WHERE dedupe_key IS NOT NULL;
`,
  },
  {
    version: 200,
    name: 'jobs organised',
    // Set once a running job has organised all it will: later jobs stop waiting for it
    // (earlierRunning), while it still updates its claim ledger and completes.
    sql: `ALTER TABLE jobs ADD COLUMN organised boolean NOT NULL DEFAULT false;`,
  },
];
