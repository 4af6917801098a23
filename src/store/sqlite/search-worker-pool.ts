import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../core/errors.js';
import type { SearchRequest, SearchResult } from '../port.js';

export interface SearchWorkerPoolOptions {
  /** The SQLite store file; each worker opens it read-only. */
  readonly path: string;
  /** Threads searching at once (default 2: the machine's cores are shared with ingest). */
  readonly workers?: number;
  /**
   * A search that has run this many milliseconds on its thread fails with QUERY_TIMEOUT. Time
   * queued behind other searches is not charged (as PostgreSQL's statement_timeout does not
   * charge waiting for a pooled connection): under load, ordinary searches waited out the budget
   * in the queue and were answered 503 (bench/load: 19 of 28,976 during an ingest).
   */
  readonly budgetMs: number;
  /** Searches waiting for a thread beyond this are refused at once (503, retry). Default 256. */
  readonly maxQueued?: number;
  /** Starts a search thread (tests give a scripted one); default: search-worker.ts. */
  readonly startWorker?: (path: string) => Worker;
}

interface Job {
  readonly request: SearchRequest;
  readonly resolve: (result: SearchResult) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  worker?: Worker;
}

type WorkerReply =
  { ok: true; result: SearchResult } | { ok: false; code: ErrorCode; message: string };

// Under tsx (tests, `npm run eval`) this module is TypeScript, and so is its worker: a small
// bootstrap registers tsx's loader in the thread first (worker threads do not inherit it).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(
  FROM_SOURCE ? './search-worker.ts' : './search-worker.js',
  import.meta.url,
);
const startWorker = (path: string): Worker =>
  FROM_SOURCE
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true, workerData: { path } },
      )
    : new Worker(WORKER_URL, { workerData: { path } });

const queueFullError = (queued: number): AppError =>
  new AppError(
    'QUERY_TIMEOUT',
    `${queued} searches are already waiting for a search thread; try again in a moment`,
  );

export const timeoutError = (budgetMs: number): AppError =>
  new AppError(
    'QUERY_TIMEOUT',
    `the query did not finish within ${budgetMs} ms and was stopped; narrow it (fewer ORed words, longer prefixes, a date or source filter) and try again`,
  );

/**
 * Runs SQLite searches on worker threads with their own read-only connections, so the event
 * loop stays free for every other request (issue 16: one query froze a server for 297 s). A
 * search past its budget is answered with QUERY_TIMEOUT at once; better-sqlite3 cannot interrupt
 * a running statement, so its thread is abandoned (terminated, freed when the statement returns)
 * and a fresh one takes its place. Cost bounds in the query language keep such searches rare.
 */
export class SearchWorkerPool {
  private readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: SearchWorkerPoolOptions) {
    this.size = Math.max(1, options.workers ?? 2);
  }

  search(request: SearchRequest): Promise<SearchResult> {
    if (this.closed) return Promise.reject(new AppError('STORE_UNAVAILABLE', 'search pool closed'));
    return new Promise((resolve, reject) => {
      if (this.queue.length >= (this.options.maxQueued ?? 256)) {
        reject(queueFullError(this.queue.length));
        return;
      }
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const unanswered = [...this.queue.splice(0), ...this.busy.values()];
    for (const job of unanswered) this.finish(job, timeoutError(this.options.budgetMs));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy.size < this.size)) {
      const job = this.queue.shift();
      if (!job) return;
      const worker = this.idle.pop() ?? this.spawn();
      job.worker = worker;
      this.busy.set(worker, job);
      // The budget runs from here, when a thread starts the search (see budgetMs).
      job.timer = setTimeout(() => this.expire(job), this.options.budgetMs);
      worker.postMessage(job.request);
    }
  }

  private spawn(): Worker {
    const worker = (this.options.startWorker ?? startWorker)(this.options.path);
    worker.on('message', (reply: WorkerReply) => {
      const job = this.busy.get(worker);
      if (!job) return;
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(worker);
      if (reply.ok) this.finish(job, reply.result);
      else this.finish(job, new AppError(reply.code, reply.message));
      this.pump();
    });
    const lost = (error: Error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (job) this.finish(job, new AppError('INTERNAL', `search thread failed: ${error.message}`));
      if (!this.closed) this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker))
        lost(new Error(`exited with code ${code}`));
    });
    worker.unref();
    return worker;
  }

  private expire(job: Job): void {
    const worker = job.worker;
    if (worker && this.busy.get(worker) === job) {
      this.busy.delete(worker);
      void worker.terminate();
    }
    this.finish(job, timeoutError(this.options.budgetMs));
    this.pump();
  }

  private finish(job: Job, outcome: SearchResult | Error): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }
}
