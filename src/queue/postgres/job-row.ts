import type { Job, JobState, JsonValue } from '../port.js';

/** A `jobs` row as the pg driver returns it (bigint as string, timestamptz as Date, jsonb parsed). */
export interface JobRow {
  id: string;
  kind: string;
  payload: JsonValue;
  state: JobState;
  dedupe_key: string | null;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  lease_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  result: JsonValue | null;
  created_at: Date;
  updated_at: Date;
}

export const jobFromRow = (row: JobRow): Job => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  state: row.state,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  ...(row.dedupe_key !== null ? { dedupeKey: row.dedupe_key } : {}),
  runAfter: row.run_after.toISOString(),
  ...(row.lease_until !== null ? { leaseUntil: row.lease_until.toISOString() } : {}),
  ...(row.locked_by !== null ? { lockedBy: row.locked_by } : {}),
  ...(row.last_error !== null ? { lastError: row.last_error } : {}),
  ...(row.result !== null ? { result: row.result } : {}),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
