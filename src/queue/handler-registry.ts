import type { Job, JsonValue } from './port.js';

export interface JobContext {
  /** Aborted when the worker is asked to stop; long handlers may stop early (the job then retries). */
  readonly signal: AbortSignal;
  readonly workerId: string;
  /** True while a job of the same kind enqueued before this one still runs and may organise. */
  readonly earlierRunning: () => Promise<boolean>;
  /** Tells later jobs this one will organise nothing more (JobQueue.markOrganised). */
  readonly organised?: () => Promise<void>;
  /** Resolves when earlierRunning may have changed, or after `timeoutMs` (JobQueue.nextChange). */
  readonly nextChange?: (timeoutMs: number) => Promise<void>;
}

/** Does one job; resolves with a small JSON summary saved on the job, or throws to fail it. */
export type JobHandler = (job: Job, context: JobContext) => Promise<JsonValue | void>;

/**
 * Which handler runs which job kind. Later stages plug in by registering a kind
 * (`extract`, `dedup`, `enrich`, `reindex`) at the composition root; the worker loop never changes.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler): this {
    if (this.handlers.has(kind))
      throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.handlers.set(kind, handler);
    return this;
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  get kinds(): string[] {
    return [...this.handlers.keys()].sort();
  }
}

/** Thrown by a handler when retrying cannot help (a missing file, a malformed payload). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
