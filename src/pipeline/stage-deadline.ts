import { RecordTimeLimitError } from './record-time-limit.js';
import type { StageRequest } from './stage-worker.js';

/** A task in a pool thread's queue, as the deadline sees it. */
export interface TimedTask {
  readonly request: StageRequest;
  readonly reject: (error: Error) => void;
  /** When the worker began it (performance.now()); undefined while queued behind others. */
  startedAt: number | undefined;
}

const stageOf = (request: StageRequest): string =>
  request.kind === 'draft' ? 'cleaning' : request.kind === 'enrich' ? 'enrichment' : request.kind;

/**
 * The per-record time limit of the stage pool. A worker runs its tasks one after another in the
 * order they were posted, so the task at the head of a thread's queue is the one running; it is
 * timed from when it reached the head (the previous answer), which leaves out time spent queued.
 * Loading the enricher (kind 'enricher') is never timed: it is paid once per worker, not per
 * record. A head task past the limit is failed with a RecordTimeLimitError and `replace` gives the
 * thread a fresh worker for the tasks queued behind it.
 */
export const watchRecordTime = <
  Task extends TimedTask,
  Thread extends { pending: Map<number, Task> },
>(options: {
  readonly limitMs: number;
  readonly threads: readonly Thread[];
  readonly replace: (thread: Thread) => void;
}): { answered(pending: Map<number, Task>): void; stop(): void } => {
  const answered = (pending: Map<number, Task>): void => {
    if (options.limitMs <= 0) return;
    const head = pending.values().next().value;
    if (head && head.startedAt === undefined && head.request.kind !== 'enricher')
      head.startedAt = performance.now();
  };
  const interval = Math.min(1000, Math.max(20, options.limitMs / 10));
  let lastTick = performance.now();
  const check = (): void => {
    const now = performance.now();
    const late = now - lastTick > 2 * interval + 100;
    lastTick = now;
    // This (main) thread was blocked, e.g. by a long batch write: answers that arrived meanwhile
    // are read only after this timer, so an overdue-looking head may be done. Judge at the next
    // tick, once they are read. (Seen at load average 35: two tiny feed items "took" 30 s.)
    if (late) return;
    for (const thread of options.threads) {
      const head = thread.pending.values().next().value;
      if (head?.startedAt === undefined || now - head.startedAt <= options.limitMs) continue;
      thread.pending.delete(head.request.id);
      head.reject(new RecordTimeLimitError(stageOf(head.request), options.limitMs));
      options.replace(thread);
      answered(thread.pending);
    }
  };
  // Checked a few times per limit: a record is stopped within about a tenth of the limit after it.
  const timer = options.limitMs > 0 ? setInterval(check, interval) : undefined;
  timer?.unref();
  return { answered, stop: () => clearInterval(timer) };
};
