import type pg from 'pg';
import { AppError, isAppError } from '../../core/errors.js';
import {
  connect,
  inTransaction,
  isConnectionError,
  unavailable,
  type PostgresConnectionOptions,
  type PostgresTarget,
} from '../../store/postgres/connection.js';
import { queryAll } from '../../store/postgres/inline-parameters.js';
import { migratePostgres } from '../../store/postgres/migrate.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff.js';
import {
  JOB_STATES,
  type ClaimOptions,
  type EnqueueOptions,
  type EnqueueResult,
  type FailOptions,
  type Job,
  type JobCounts,
  type JobQueue,
  type JobState,
  type JsonValue,
  type ListJobsOptions,
  type NewJob,
} from '../port.js';
import { JobChanges, NOTIFY_JOB_CHANGE } from './job-changes.js';
import { jobFromRow, type JobRow } from './job-row.js';
import { QUEUE_MIGRATIONS } from './migrations.js';

export interface PostgresQueueOptions extends PostgresConnectionOptions {
  readonly backoff?: BackoffPolicy;
  readonly defaultMaxAttempts?: number;
}

const JOB_COLUMNS = `id, kind, payload, state, dedupe_key, attempts, max_attempts, run_after, lease_until,
  locked_by, last_error, result, created_at, updated_at`;

/**
 * A running job whose lease ran out belonged to a worker that died or hung: it goes back to the
 * queue, or to the dead-letter list when that was its last attempt (a job that kills its worker
 * every time must not loop forever).
 */
const RECLAIM_EXPIRED_SQL = `WITH expired AS (
   SELECT id FROM jobs
    WHERE state = 'running' AND lease_until < now()
    ORDER BY lease_until
    LIMIT 100
    FOR UPDATE SKIP LOCKED)
 UPDATE jobs j
    SET state = CASE WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'queued' END,
        last_error = format('lease expired: worker %s stopped during attempt %s', j.locked_by, j.attempts),
        run_after = now(), lease_until = NULL, locked_by = NULL, updated_at = now()
   FROM expired
  WHERE j.id = expired.id`;

/** Rows per INSERT when enqueueing many jobs: keeps one statement well under parameter limits. */
const ENQUEUE_CHUNK = 1_000;

/**
 * The durable queue in PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` hands each ready job to
 * exactly one claimer without blocking the others; a lease (lease_until, kept fresh by heartbeats)
 * marks a running job, and any claimer re-queues jobs whose lease ran out, so a worker killed
 * with `kill -9` loses nothing. All times come from the database clock, so workers on machines
 * with skewed clocks agree.
 */
export class PostgresQueue implements JobQueue {
  private readonly pool: pg.Pool;
  private readonly target: PostgresTarget;
  private readonly backoff: BackoffPolicy;
  private readonly defaultMaxAttempts: number;
  private readonly changes: JobChanges;

  private constructor(pool: pg.Pool, target: PostgresTarget, options: PostgresQueueOptions) {
    this.pool = pool;
    this.target = target;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.defaultMaxAttempts = options.defaultMaxAttempts ?? 5;
    this.changes = new JobChanges(pool);
  }

  static async open(options: PostgresQueueOptions): Promise<PostgresQueue> {
    const { pool, target } = await connect({
      ...options,
      poolMax: options.poolMax ?? 4,
      // Queue bookkeeping (claim, heartbeat, complete) need not wait for a WAL flush: a server crash
      // may forget the last few state changes, which only re-runs jobs, and jobs are idempotent.
      // This removes two fsyncs per job. Articles are saved through the store's pool, durably.
      sessionSettings: { synchronous_commit: 'off', ...options.sessionSettings },
    });
    try {
      await migratePostgres(pool, QUEUE_MIGRATIONS, 'queue_migrations');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresQueue(pool, target, options);
  }

  async enqueue(
    kind: string,
    payload: JsonValue,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    const result = await this.query<{ id: string; inserted: boolean }>(
      `INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, run_after)
       VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
       ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL DO UPDATE
         SET state = 'queued', attempts = 0, run_after = now(), updated_at = now()
         WHERE jobs.state = 'dead'
       RETURNING id, true AS inserted`,
      [
        kind,
        JSON.stringify(payload),
        options.dedupeKey ?? null,
        this.maxAttempts(options),
        options.delayMs ?? 0,
      ],
    );
    const row = result.rows[0];
    if (row) return { id: row.id, enqueued: true };
    const existing = await this.query<{ id: string }>(
      'SELECT id FROM jobs WHERE kind = $1 AND dedupe_key = $2',
      [kind, options.dedupeKey ?? null],
    );
    return { id: existing.rows[0]?.id ?? '', enqueued: false };
  }

  async enqueueMany(jobs: readonly NewJob[]): Promise<EnqueueResult[]> {
    // One statement may not touch the same row twice: collapse repeated dedupe keys first.
    const seen = new Map<string, number>();
    const unique: NewJob[] = [];
    const slot = jobs.map((job) => {
      if (job.dedupeKey === undefined) return unique.push(job) - 1;
      const key = `${job.kind}\u0000${job.dedupeKey}`;
      const known = seen.get(key);
      if (known !== undefined) return -1 - known;
      seen.set(key, unique.length);
      return unique.push(job) - 1;
    });
    const results: EnqueueResult[] = [];
    for (let start = 0; start < unique.length; start += ENQUEUE_CHUNK) {
      results.push(...(await this.enqueueChunk(unique.slice(start, start + ENQUEUE_CHUNK))));
    }
    return slot.map((index) => {
      if (index >= 0) return results[index]!;
      return { id: results[-1 - index]!.id, enqueued: false };
    });
  }

  private async enqueueChunk(jobs: readonly NewJob[]): Promise<EnqueueResult[]> {
    return inTransaction(this.pool, async (client) => {
      const results: EnqueueResult[] = [];
      // Inside one transaction each INSERT is a cheap round trip; correlating a multi-row RETURNING
      // with its inputs would need the dedupe key, which jobs without one lack.
      for (const job of jobs) {
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, run_after)
           VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
           ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL DO UPDATE
             SET state = 'queued', attempts = 0, run_after = now(), updated_at = now()
             WHERE jobs.state = 'dead'
           RETURNING id`,
          [
            job.kind,
            JSON.stringify(job.payload),
            job.dedupeKey ?? null,
            this.maxAttempts(job),
            job.delayMs ?? 0,
          ],
        );
        const row = inserted.rows[0];
        if (row) {
          results.push({ id: row.id, enqueued: true });
          continue;
        }
        const existing = await client.query<{ id: string }>(
          'SELECT id FROM jobs WHERE kind = $1 AND dedupe_key = $2',
          [job.kind, job.dedupeKey ?? null],
        );
        results.push({ id: existing.rows[0]?.id ?? '', enqueued: false });
      }
      return results;
    });
  }

  async claim(workerId: string, options: ClaimOptions): Promise<Job | undefined> {
    const kinds = options.kinds ? [...options.kinds] : null;
    // Expired leases are reclaimed first, in the same round trip (one implicit transaction).
    const [, result] = await this.guard(() =>
      queryAll(this.pool, [
        [RECLAIM_EXPIRED_SQL, []],
        [
          `WITH next AS (
             SELECT id FROM jobs
              WHERE state = 'queued' AND run_after <= now() AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
              ORDER BY run_after, id
              LIMIT 1
              FOR UPDATE SKIP LOCKED)
           UPDATE jobs j
              SET state = 'running', attempts = j.attempts + 1, locked_by = $1, organised = false,
                  lease_until = now() + $2 * interval '1 millisecond', updated_at = now()
             FROM next
            WHERE j.id = next.id
           RETURNING ${JOB_COLUMNS.split(',')
             .map((c) => `j.${c.trim()}`)
             .join(', ')}`,
          [workerId, options.leaseMs, kinds],
        ],
      ]),
    );
    const row = result?.rows[0] as JobRow | undefined;
    return row ? jobFromRow(row) : undefined;
  }

  async heartbeat(jobId: string, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.query(
      `UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
        WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [jobId, workerId, leaseMs],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async complete(jobId: string, workerId: string, result?: JsonValue): Promise<boolean> {
    const updated = await this.query<{ updated: number }>(
      `WITH u AS (
         UPDATE jobs SET state = 'done', result = $3, lease_until = NULL, updated_at = now()
          WHERE id = $1 AND locked_by = $2 AND state = 'running' RETURNING 1)
       SELECT (SELECT count(*) FROM u)::integer AS updated, ${NOTIFY_JOB_CHANGE}`,
      [jobId, workerId, result === undefined ? null : JSON.stringify(result)],
    );
    return (updated.rows[0]?.updated ?? 0) > 0;
  }

  async earlierRunning(jobId: string, kind: string): Promise<boolean> {
    const result = await this.query<{ running: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'running' AND kind = $2 AND id < $1::bigint
                        AND lease_until > now() AND NOT organised) AS running`,
      [jobId, kind],
    );
    return result.rows[0]?.running === true;
  }

  async markOrganised(jobId: string, workerId: string): Promise<void> {
    await this.query(
      `WITH u AS (
         UPDATE jobs SET organised = true WHERE id = $1 AND locked_by = $2 AND state = 'running')
       SELECT ${NOTIFY_JOB_CHANGE}`,
      [jobId, workerId],
    );
  }

  /**
   * Resolves when a job of this schema is next marked organised, completed or failed (or after
   * `timeoutMs`): a job waiting for its turn re-checks earlierRunning then, instead of polling.
   */
  nextChange(timeoutMs: number): Promise<void> {
    return this.changes.next(timeoutMs);
  }

  async fail(
    jobId: string,
    workerId: string,
    error: string,
    options: FailOptions = {},
  ): Promise<JobState | undefined> {
    return this.guard(() =>
      inTransaction(this.pool, async (client) => {
        const held = await client.query<{ attempts: number; max_attempts: number }>(
          `SELECT attempts, max_attempts FROM jobs
            WHERE id = $1 AND locked_by = $2 AND state = 'running' FOR UPDATE`,
          [jobId, workerId],
        );
        const job = held.rows[0];
        if (!job) return undefined;
        const dead = options.permanent === true || job.attempts >= job.max_attempts;
        const delayMs = dead ? 0 : backoffDelayMs(job.attempts, this.backoff);
        const state: JobState = dead ? 'dead' : 'queued';
        await client.query(
          `WITH u AS (
             UPDATE jobs SET state = $2, last_error = $3, run_after = now() + $4 * interval '1 millisecond',
               lease_until = NULL, locked_by = NULL, updated_at = now()
             WHERE id = $1)
           SELECT ${NOTIFY_JOB_CHANGE}`,
          [jobId, state, error.slice(0, 4_000), delayMs],
        );
        return state;
      }),
    );
  }

  async retryDead(ids?: readonly string[]): Promise<number> {
    const result = await this.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_after = now(), updated_at = now()
        WHERE state = 'dead' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))`,
      [ids ? [...ids] : null],
    );
    return result.rowCount ?? 0;
  }

  async listJobs(options: ListJobsOptions = {}): Promise<Job[]> {
    const result = await this.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs
        WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY updated_at DESC, id DESC
        LIMIT $3`,
      [options.state ?? null, options.kind ?? null, options.limit ?? 100],
    );
    return result.rows.map(jobFromRow);
  }

  async countJobs(): Promise<JobCounts> {
    const result = await this.query<{ state: JobState; n: string }>(
      'SELECT state, count(*) AS n FROM jobs GROUP BY state',
    );
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as JobCounts;
    for (const row of result.rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async close(): Promise<void> {
    await this.changes.close();
    await this.pool.end().catch(() => undefined);
  }

  private maxAttempts(options: EnqueueOptions): number {
    const value = options.maxAttempts ?? this.defaultMaxAttempts;
    if (!Number.isInteger(value) || value < 1) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `maxAttempts must be a positive integer, got ${value}`,
      );
    }
    return value;
  }

  private query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.guard(() => this.pool.query<R>(sql, params));
  }

  private async guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      if (!isAppError(error) && isConnectionError(error)) throw unavailable(this.target, error);
      throw error;
    }
  }
}
