import { createContext, Script } from 'node:vm';

/**
 * The per-record time limit of ingest (SITREP_MAX_RECORD_SECONDS, default 30 s): a record whose
 * cleaning or enrichment runs longer is rejected with its file, record and reason, and the rest of
 * the batch goes on. Synchronous JavaScript cannot be interrupted by other JavaScript on its own
 * thread, so on a stage pool (stage-pool.ts) the worker thread running the record is terminated
 * and a fresh one takes the tasks queued behind it; inline (one thread, the server, polling) the
 * record runs under V8's execution watchdog (`runWithinTimeLimit` below).
 */
export class RecordTimeLimitError extends Error {
  constructor(
    readonly stage: string,
    readonly limitMs: number,
  ) {
    super(
      `${stage} took longer than the per-record limit of ${limitMs / 1000} s (SITREP_MAX_RECORD_SECONDS) and was stopped`,
    );
    this.name = 'RecordTimeLimitError';
  }
}

export const isRecordTimeLimitError = (error: unknown): error is RecordTimeLimitError =>
  error instanceof RecordTimeLimitError;

// One empty context and one compiled call, reused: creating a context costs about a millisecond,
// a timed call about 0.1 ms (Node starts a watchdog thread per call).
const context = createContext({}) as { run?: () => unknown };
const callRun = new Script('run()');

/**
 * Runs synchronous `work` on this thread and stops it once it has run `limitMs` (wall clock):
 * `vm`'s timeout makes a watchdog thread call V8's TerminateExecution, which stops whatever
 * JavaScript is running on the thread — also functions of this realm called from the script, and
 * a backtracking regular expression — and turns it into an error here. No extra thread or heap
 * holds the record (a pool of one worker raised the gzip-bomb row's peak RSS over 1 GiB). What a
 * stopped record leaves half-built is its own (cleaning and enrichment are functions of the
 * record; shared model and KB tables are read-only). `limitMs` <= 0: no limit.
 */
export const runWithinTimeLimit = <T>(work: () => T, limitMs: number, stage: string): T => {
  if (!(limitMs > 0)) return work();
  context.run = work;
  try {
    return callRun.runInContext(context, { timeout: Math.max(1, Math.round(limitMs)) }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new RecordTimeLimitError(stage, limitMs);
    throw error;
  } finally {
    context.run = undefined;
  }
};
