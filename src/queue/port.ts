/**
 * The job queue port: durable work items that any number of workers, on any machine, claim under a
 * lease. A job is at least once: a worker that dies mid-job loses its lease and the job runs again,
 * so every handler must be idempotent (ingest is: re-saving an article changes nothing).
 */

export type JobState = 'queued' | 'running' | 'done' | 'dead';

export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'dead'];

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly payload: JsonValue;
  readonly state: JobState;
  /** Claims so far, including the current one. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly dedupeKey?: string;
  /** Not claimable before this instant (backoff after a failure). */
  readonly runAfter: string;
  readonly leaseUntil?: string;
  readonly lockedBy?: string;
  readonly lastError?: string;
  /** What the handler reported on success (e.g. an ingest summary). */
  readonly result?: JsonValue;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EnqueueOptions {
  /**
   * At most one job per (kind, dedupeKey): enqueueing it again is a no-op, except that a dead job
   * is revived (re-running `ingest --queue` after a fix retries what failed).
   */
  readonly dedupeKey?: string;
  readonly maxAttempts?: number;
  readonly delayMs?: number;
}

export interface NewJob extends EnqueueOptions {
  readonly kind: string;
  readonly payload: JsonValue;
}

export interface EnqueueResult {
  readonly id: string;
  /** False when a live job with the same dedupe key already existed. */
  readonly enqueued: boolean;
}

export interface ClaimOptions {
  readonly leaseMs: number;
  /** Only these kinds (a worker that has handlers for some kinds only). */
  readonly kinds?: readonly string[];
}

export interface FailOptions {
  /** No retry: the job goes straight to the dead-letter list (e.g. its file no longer exists). */
  readonly permanent?: boolean;
}

export type JobCounts = Record<JobState, number>;

export interface ListJobsOptions {
  readonly state?: JobState;
  readonly kind?: string;
  readonly limit?: number;
}

export interface JobQueue {
  enqueue(kind: string, payload: JsonValue, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Many jobs in one round trip, in order. */
  enqueueMany(jobs: readonly NewJob[]): Promise<EnqueueResult[]>;
  /**
   * Takes the oldest ready job, or one whose lease expired (its worker died), for `leaseMs`.
   * Concurrent claimers never get the same job. Undefined when nothing is ready.
   */
  claim(workerId: string, options: ClaimOptions): Promise<Job | undefined>;
  /** Extends the lease of a job this worker holds; false when it no longer holds it. */
  heartbeat(jobId: string, workerId: string, leaseMs: number): Promise<boolean>;
  /** Marks a held job done; false when the lease was lost (another worker now owns the job). */
  complete(jobId: string, workerId: string, result?: JsonValue): Promise<boolean>;
  /**
   * Records a failure of a held job: back to `queued` after an exponential backoff, or `dead`
   * once attempts reach max_attempts (or at once when permanent). Undefined when the lease was lost.
   */
  fail(
    jobId: string,
    workerId: string,
    error: string,
    options?: FailOptions,
  ): Promise<JobState | undefined>;
  /**
   * True while a job of `kind` enqueued before `jobId` is running under a live lease and has not
   * yet organised all it will (markOrganised): what a job
   * waits for so that its articles are organised in queue order (handlers/ingest-file.ts).
   */
  earlierRunning(jobId: string, kind: string): Promise<boolean>;
  /**
   * Records that a held job has organised all it will (its claim ledger and completion may still
   * follow): earlierRunning stops counting it, so later jobs organise without waiting for the rest.
   * Cleared when the job is claimed again.
   */
  markOrganised(jobId: string, workerId: string): Promise<void>;
  /**
   * Optional: resolves when a job is next marked organised, completed or failed, or after
   * `timeoutMs` (a wait for earlierRunning to change, without polling).
   */
  nextChange?(timeoutMs: number): Promise<void>;
  /** Puts dead jobs (all, or the given ids) back in the queue with fresh attempts. */
  retryDead(ids?: readonly string[]): Promise<number>;
  listJobs(options?: ListJobsOptions): Promise<Job[]>;
  countJobs(): Promise<JobCounts>;
  close(): Promise<void>;
}
