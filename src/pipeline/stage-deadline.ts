import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import { err, type Result } from '../core/result.js';
import type { EnrichmentInput } from './enricher.js';
import type { Prepared, PrepareSpec } from './prepare-item.js';
import {
  isRecordTimeLimitError,
  RecordTimeLimitError,
  runWithinTimeLimit,
} from './record-time-limit.js';
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

/** The calls of CpuStages (stage-pool.ts) that run a record. */
interface InlineStageCalls {
  draft(item: RawItem): Promise<Result<ArticleDraft>>;
  prepare(item: RawItem, spec: PrepareSpec): Promise<Prepared>;
  enrich(input: EnrichmentInput): Promise<ArticleEnrichment>;
}

/**
 * The per-record time limit for stages running inline on the calling thread (`--threads 1`, the
 * server's POST /api/ingest, live polling, queue jobs): each call runs under
 * `runWithinTimeLimit`. The inline stages are synchronous work behind a promise, so the whole
 * record runs inside the timed call. As on the pool, a record over the limit in cleaning is a
 * rejection with the reason, one over it in enrichment fails with a RecordTimeLimitError (the
 * pipeline stores the article without enrichment and reports it).
 */
export const limitInlineStages = <Stages extends InlineStageCalls>(
  stages: Stages,
  limitMs: number,
): Stages => {
  if (!(limitMs > 0)) return stages;
  const timed =
    <A, T>(stage: string, call: (arg: A) => Promise<T>) =>
    (arg: A): Promise<T> => {
      try {
        return runWithinTimeLimit(() => call(arg), limitMs, stage);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
  const overLimit = (error: unknown): { message: string } => {
    if (isRecordTimeLimitError(error)) return error;
    throw error;
  };
  const draft = timed('cleaning', stages.draft.bind(stages));
  const prepare = timed('cleaning', ([item, spec]: readonly [RawItem, PrepareSpec]) =>
    stages.prepare(item, spec),
  );
  return {
    ...stages,
    draft: (item) => draft(item).catch((error: unknown) => err(overLimit(error).message)),
    prepare: (item, spec) =>
      prepare([item, spec]).catch((error: unknown) => ({
        draft: err(overLimit(error).message),
      })),
    enrich: timed('enrichment', stages.enrich.bind(stages)),
  };
};
