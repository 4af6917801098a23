import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import { err, type Result } from '../core/result.js';
import { ingestLimits } from '../ingest/ingest-limits.js';
import { draftArticle } from './draft-article.js';
import type { ArticleEnricher, EnrichmentInput } from './enricher.js';
import { prepareItem, type Prepared, type PrepareSpec } from './prepare-item.js';
import { prepareQueue } from './prepare-queue.js';
import { isRecordTimeLimitError, runWithinTimeLimit } from './record-time-limit.js';
import { limitInlineStages, watchRecordTime, type TimedTask } from './stage-deadline.js';
import type {
  EnricherInfo,
  StageReply,
  StageRequest,
  StageTask,
  StageWorkerData,
} from './stage-worker.js';

/**
 * The CPU-bound stages of ingest (cleaning into a draft, enrichment), behind one interface so the
 * pipeline is the same code with one thread or many. Answers come back as promises; the pipeline
 * awaits them in input order, so results do not depend on which thread finished first.
 */
export interface CpuStages {
  /** Threads doing the work (1: inline on the calling thread). */
  readonly threads: number;
  draft(item: RawItem): Promise<Result<ArticleDraft>>;
  /**
   * Cleaning and, where it pays (a pool: enrichment then overlaps the writer), enrichment of the
   * draft in one task. Inline stages never enrich here: on one thread nothing overlaps, and an
   * article found unchanged would be enriched for nothing.
   */
  prepare(item: RawItem, spec: PrepareSpec): Promise<Prepared>;
  enrich(input: EnrichmentInput): Promise<ArticleEnrichment>;
  /**
   * On a pool: does a piece of the pool's waiting work on the calling thread (see
   * prepare-queue.ts); false when there is none. For a writer blocked on the pool.
   */
  assist?(): boolean;
  close(): Promise<void>;
}

/**
 * The enricher as the writer thread sees it when the pool enriches: its version (to tell current
 * enrichments from stale ones) without loading a third copy of the KB and NER model (~170 MiB) in
 * the main thread. Problems the workers met loading the KB go to `onProblem`.
 */
export const poolEnricher = async (
  pool: ReturnType<typeof startStagePool>,
  onProblem?: (problem: string) => void,
): Promise<ArticleEnricher> => {
  const info = await pool.enricherInfo();
  for (const problem of info.problems) onProblem?.(problem);
  return {
    version: info.version,
    enrich: () => {
      throw new Error('enrichment runs on the stage pool: call its enrich()');
    },
  };
};

/**
 * The stages on the calling thread: the `--threads 1` baseline, what the server, polling and
 * tests use; each record under the per-record time limit (stage-deadline.ts).
 */
export const inlineStages = (
  enricher?: ArticleEnricher,
  recordTimeLimitMs = ingestLimits().maxRecordSeconds * 1000,
): CpuStages =>
  limitInlineStages<CpuStages>(
    {
      threads: 1,
      draft: async (item) => draftArticle(item),
      prepare: async (item) => prepareItem(item, { enrich: false }, undefined),
      enrich: async (input) => {
        if (!enricher)
          throw new Error('enrichment requested from stages built without an enricher');
        return enricher.enrich(input);
      },
      close: async () => undefined,
    },
    recordTimeLimitMs,
  );

export interface StagePoolOptions {
  readonly threads: number;
  /** Load the enricher in each worker (its first enrichment task does it). */
  readonly enrich: boolean;
  readonly kbDirs?: readonly string[];
  /**
   * Per-record time limit for a draft or enrichment task (stage-deadline.ts): past it the worker
   * is terminated, the task fails with a RecordTimeLimitError and a fresh worker takes the rest.
   * Absent or 0: no limit.
   */
  readonly recordTimeLimitMs?: number;
}

/** `--threads` default: every core this process may use. */
export const defaultThreads = (): number => availableParallelism();

/** Starts the stage worker; from sources (tests, tsx) it registers tsx's loader in the worker first. */
const startWorker = (data: StageWorkerData): Worker => {
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './stage-worker.ts' : './stage-worker.js',
    import.meta.url,
  );
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
       .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData: data },
  );
};

/**
 * Prepare tasks handed to each worker ahead of its answers (prepare-queue.ts). Enough to keep a
 * worker busy through the writer's longest synchronous stretch (a batch's saves or organising,
 * when the worker's answers are not read and no new task is handed out): 64 BBC articles are
 * ~0.5 s of cleaning and enrichment. The rest stay in the queue, where the writer can take them.
 */
const PREPARES_PER_THREAD = 64;

/** Tasks that need the worker's enricher loaded (see PoolThread.ready). */
const usesEnricher = (task: StageTask): boolean =>
  task.kind === 'enrich' || (task.kind === 'prepare' && task.spec.enrich);

interface Pending extends TimedTask {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface PoolThread {
  /** Replaced when a record overruns its time limit (stage-deadline.ts). */
  worker: Worker;
  /**
   * Under a time limit: resolved once this worker answered an untimed 'enricher' task. Enrichment
   * tasks are posted only after it: posted earlier, they wait on the same loading promise in the
   * worker and the first one runs before the warm-up's answer is sent, so it would never be timed.
   */
  ready?: Promise<void>;
  readonly pending: Map<number, Pending>;
}

/**
 * A hand-rolled pool of worker threads (about 80 lines) rather than piscina or tinypool: each
 * worker keeps a loaded enricher (knowledge base and NER model) between tasks, tasks are tiny
 * messages, and the pipeline bounds what is in flight itself (two batches), so a pool library's
 * queueing and task-level options would add a dependency and nothing the pipeline uses. Tasks go
 * to the thread with the fewest in flight; a worker that dies fails its tasks with its error.
 */
export const startStagePool = (
  options: StagePoolOptions,
): CpuStages & { enricherInfo(): Promise<EnricherInfo> } => {
  const threads: PoolThread[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  const attach = (thread: PoolThread): void => {
    const worker = thread.worker;
    worker.on('message', (reply: StageReply) => {
      const task = thread.pending.get(reply.id);
      if (!task) return;
      thread.pending.delete(reply.id);
      deadline.answered(thread.pending);
      if (reply.ok) task.resolve(reply.value);
      else task.reject(new Error(reply.error));
    });
    const fail = (error: Error): void => {
      // A worker terminated for overrunning the time limit has already been replaced.
      if (thread.worker !== worker) return;
      failure ??= error;
      for (const task of thread.pending.values()) task.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`stage worker exited with code ${code}`));
    });
  };
  const spawn = (): Worker =>
    startWorker({
      enrich: options.enrich,
      ...(options.kbDirs ? { kbDirs: [...options.kbDirs] } : {}),
    });
  const deadline = watchRecordTime<Pending, PoolThread>({
    limitMs: options.recordTimeLimitMs ?? 0,
    threads,
    replace: (thread) => {
      const old = thread.worker;
      thread.worker = spawn();
      attach(thread);
      void old.terminate();
      const queued = [...thread.pending.values()];
      thread.pending.clear();
      // The fresh worker loads the enricher (untimed) before the queued enrichments are posted.
      thread.ready = undefined;
      const resend = (task: Pending): void => {
        task.startedAt = undefined;
        thread.pending.set(task.request.id, task);
        deadline.answered(thread.pending);
        thread.worker.postMessage(task.request);
      };
      const enrichments = queued.filter((task) => usesEnricher(task.request));
      for (const task of queued) if (!usesEnricher(task.request)) resend(task);
      if (enrichments.length > 0) void warm(thread).then(() => enrichments.forEach(resend));
    },
  });
  const post = (
    thread: PoolThread,
    task: StageTask,
    resolve: (value: unknown) => void,
    reject: (error: Error) => void,
  ): void => {
    const request = { ...task, id: nextId++ } satisfies StageRequest;
    thread.pending.set(request.id, { resolve, reject, request, startedAt: undefined });
    deadline.answered(thread.pending);
    thread.worker.postMessage(request);
  };

  for (let i = 0; i < Math.max(1, options.threads); i++) {
    const thread: PoolThread = { worker: spawn(), pending: new Map() };
    attach(thread);
    threads.push(thread);
  }

  // Under a time limit a worker loads the enricher in an untimed task just before its first
  // enrichment; otherwise that record would be charged with loading the KB and NER model (seconds).
  // Lazily, as without a limit: a worker that never enriches never loads them (memory).
  const warm = (thread: PoolThread): Promise<void> =>
    (thread.ready ??= new Promise<void>((resolve) => {
      post(
        thread,
        { kind: 'enricher' },
        () => resolve(),
        () => resolve(),
      );
    }));

  const run = <T>(task: StageTask): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const thread = threads.reduce((least, t) => (t.pending.size < least.pending.size ? t : least));
    const send = (): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        post(thread, task, resolve as (value: unknown) => void, reject);
      });
    if (usesEnricher(task) && (options.recordTimeLimitMs ?? 0) > 0) return warm(thread).then(send);
    return send();
  };

  // Workers load their enricher lazily (on the first task that needs it, untimed under a time
  // limit): loading it in every worker at start raised the peak memory of inputs that are rejected
  // before any enrichment (the gzip-bomb row) by ~200 MB.

  // A record over the time limit is a rejection with its reason, like any record that cannot be cleaned.
  const draft = (item: RawItem): Promise<Result<ArticleDraft>> =>
    run<Result<ArticleDraft>>({ kind: 'draft', item }).catch((error: unknown) => {
      if (isRecordTimeLimitError(error)) return err(error.message);
      throw error;
    });

  const enrich = (input: EnrichmentInput): Promise<ArticleEnrichment> => {
    if (!options.enrich)
      return Promise.reject(new Error('enrichment requested from a pool started without it'));
    return run({ kind: 'enrich', input });
  };

  const queue = prepareQueue({
    window: PREPARES_PER_THREAD * threads.length,
    // Over the time limit, cleaning and speculative enrichment together: the item is cleaned again
    // alone (timed), and the writer's own enrichment, timed too, decides whether it is enriched.
    prepareThere: (item, spec) =>
      run<Prepared>({ kind: 'prepare', item, spec }).catch(async (error: unknown) => {
        if (!isRecordTimeLimitError(error)) throw error;
        return { draft: await draft(item) };
      }),
    enrichThere: enrich,
    cleanHere: (item) => {
      try {
        return runWithinTimeLimit(
          () => draftArticle(item),
          options.recordTimeLimitMs ?? 0,
          'cleaning',
        );
      } catch (error) {
        if (isRecordTimeLimitError(error)) return err(error.message);
        throw error;
      }
    },
  });

  return {
    threads: threads.length,
    draft,
    prepare: (item, spec) =>
      queue.prepare(item, options.enrich ? spec : { ...spec, enrich: false }),
    assist: queue.assist,
    enrich,
    enricherInfo: () => run({ kind: 'enricher' }),
    close: async () => {
      deadline.stop();
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
};
