/**
 * The per-record time limit of ingest (SITREP_MAX_RECORD_SECONDS, default 30 s): a record whose
 * cleaning or enrichment runs longer is rejected with its file, record and reason, and the rest of
 * the batch goes on. Synchronous JavaScript cannot be interrupted on its own thread, so the limit
 * is enforced by the stage pool (stage-pool.ts), which terminates the worker thread running the
 * record and starts a fresh one for the tasks queued behind it.
 */
export class RecordTimeLimitError extends Error {
  constructor(
    readonly stage: string,
    readonly limitMs: number,
  ) {
    super(
      `${stage} took longer than the per-record limit of ${limitMs / 1000} s (SITREP_MAX_RECORD_SECONDS); the thread running it was stopped`,
    );
    this.name = 'RecordTimeLimitError';
  }
}

export const isRecordTimeLimitError = (error: unknown): error is RecordTimeLimitError =>
  error instanceof RecordTimeLimitError;
