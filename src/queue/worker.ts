import { isAppError } from '../core/errors.js';
import { PermanentJobError, type HandlerRegistry } from './handler-registry.js';
import type { Job, JobQueue } from './port.js';

export interface WorkerOptions {
  readonly queue: JobQueue;
  readonly handlers: HandlerRegistry;
  readonly workerId: string;
  /** Jobs run at once in this process. */
  readonly concurrency?: number;
  /** How long a claimed job stays ours without a heartbeat; heartbeats run at a third of it. */
  readonly leaseMs?: number;
  /** Wait between claims when the queue is empty. */
  readonly pollMs?: number;
  /** Stop when no job is ready instead of waiting for more (tests, batch runs). */
  readonly once?: boolean;
  /** Abort to stop: no new claims, running jobs finish, then the worker resolves. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { readonly kind: 'done'; readonly job: Job; readonly ms: number }
  | { readonly kind: 'failed'; readonly job: Job; readonly error: string; readonly state: string }
  | { readonly kind: 'lease-lost'; readonly job: Job }
  | { readonly kind: 'queue-error'; readonly error: string };

export interface WorkerSummary {
  done: number;
  failed: number;
  dead: number;
}

/** AppError codes that no retry can fix: the job goes straight to the dead-letter list. */
const PERMANENT_CODES = new Set(['INPUT_NOT_FOUND', 'INVALID_ARGUMENT', 'QUERY_SYNTAX']);

const isPermanent = (error: unknown): boolean =>
  error instanceof PermanentJobError || (isAppError(error) && PERMANENT_CODES.has(error.code));

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Runs `concurrency` claim loops until stopped (or, with `once`, until nothing is ready).
 * Each job holds a lease that a timer keeps fresh; a handler error fails the job (retry with backoff
 * or dead-letter). A lost lease means another worker took the job over: our result is dropped.
 */
export const runWorker = async (options: WorkerOptions): Promise<WorkerSummary> => {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const kinds = options.handlers.kinds;
  const summary: WorkerSummary = { done: 0, failed: 0, dead: 0 };
  const handlerSignal = options.signal ?? new AbortController().signal;

  const runJob = async (job: Job): Promise<void> => {
    const started = Date.now();
    let leaseLost = false;
    const heartbeat = setInterval(
      () => {
        options.queue
          .heartbeat(job.id, options.workerId, leaseMs)
          .then((held) => {
            if (!held) leaseLost = true;
          })
          .catch(() => undefined);
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    try {
      const handler = options.handlers.get(job.kind);
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      const result = await handler(job, {
        signal: handlerSignal,
        workerId: options.workerId,
        earlierRunning: () => options.queue.earlierRunning(job.id, job.kind),
        organised: () => options.queue.markOrganised(job.id, options.workerId),
        ...(options.queue.nextChange
          ? { nextChange: (ms: number) => options.queue.nextChange!(ms) }
          : {}),
      });
      clearInterval(heartbeat);
      const completed = await options.queue.complete(job.id, options.workerId, result ?? null);
      if (completed && !leaseLost) {
        summary.done++;
        options.onEvent?.({ kind: 'done', job, ms: Date.now() - started });
      } else {
        options.onEvent?.({ kind: 'lease-lost', job });
      }
    } catch (error) {
      clearInterval(heartbeat);
      const message = (error as Error)?.message ?? String(error);
      const state = await options.queue.fail(job.id, options.workerId, message, {
        permanent: isPermanent(error),
      });
      if (state === undefined) {
        options.onEvent?.({ kind: 'lease-lost', job });
        return;
      }
      summary.failed++;
      if (state === 'dead') summary.dead++;
      options.onEvent?.({ kind: 'failed', job, error: message, state });
    }
  };

  const loop = async (): Promise<void> => {
    while (!options.signal?.aborted) {
      let job: Job | undefined;
      try {
        job = await options.queue.claim(options.workerId, { leaseMs, kinds });
      } catch (error) {
        // A database restart must not kill a long-running worker: wait and claim again.
        if (options.once) throw error;
        options.onEvent?.({ kind: 'queue-error', error: (error as Error).message });
        await sleep(pollMs * 4, options.signal);
        continue;
      }
      if (!job) {
        if (options.once) return;
        await sleep(pollMs, options.signal);
        continue;
      }
      await runJob(job);
    }
  };

  await Promise.all(Array.from({ length: concurrency }, loop));
  return summary;
};
