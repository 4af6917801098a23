import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import type { Result } from '../core/result.js';
import { draftArticle } from './draft-article.js';
import type { ArticleEnricher, EnrichmentInput } from './enricher.js';
import { prepareItem, type Prepared, type PrepareSpec } from './prepare-item.js';
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

/** The stages on the calling thread: the `--threads 1` baseline, and what tests use by default. */
export const inlineStages = (enricher?: ArticleEnricher): CpuStages => ({
  threads: 1,
  draft: async (item) => draftArticle(item),
  prepare: async (item) => prepareItem(item, { enrich: false }, undefined),
  enrich: async (input) => {
    if (!enricher) throw new Error('enrichment requested from stages built without an enricher');
    return enricher.enrich(input);
  },
  close: async () => undefined,
});

export interface StagePoolOptions {
  readonly threads: number;
  /** Load the enricher in each worker (its first enrichment task does it). */
  readonly enrich: boolean;
  readonly kbDirs?: readonly string[];
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

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface PoolThread {
  readonly worker: Worker;
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
  for (let i = 0; i < Math.max(1, options.threads); i++) {
    const worker = startWorker({
      enrich: options.enrich,
      ...(options.kbDirs ? { kbDirs: [...options.kbDirs] } : {}),
    });
    const thread: PoolThread = { worker, pending: new Map() };
    worker.on('message', (reply: StageReply) => {
      const task = thread.pending.get(reply.id);
      if (!task) return;
      thread.pending.delete(reply.id);
      if (reply.ok) task.resolve(reply.value);
      else task.reject(new Error(reply.error));
    });
    const fail = (error: Error): void => {
      failure ??= error;
      for (const task of thread.pending.values()) task.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`stage worker exited with code ${code}`));
    });
    threads.push(thread);
  }

  const run = <T>(task: StageTask, on?: PoolThread): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const thread =
      on ?? threads.reduce((least, t) => (t.pending.size < least.pending.size ? t : least));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      thread.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      thread.worker.postMessage({ ...task, id } satisfies StageRequest);
    });
  };

  // Every worker loads its enricher now, all at once, rather than on its first task: the first
  // batches would otherwise wait seconds for the second worker's KB and model.
  if (options.enrich)
    for (const thread of threads) run({ kind: 'enricher' }, thread).catch(() => undefined);

  return {
    threads: threads.length,
    draft: (item) => run({ kind: 'draft', item }),
    prepare: (item, spec) =>
      run({ kind: 'prepare', item, spec: options.enrich ? spec : { ...spec, enrich: false } }),
    enrich: (input) => {
      if (!options.enrich)
        return Promise.reject(new Error('enrichment requested from a pool started without it'));
      return run({ kind: 'enrich', input });
    },
    enricherInfo: () => run({ kind: 'enricher' }),
    close: async () => {
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
};
