import type { ArticleStore } from '../store/port.js';
import type { SourcesPort } from '../store/sources-port.js';
import { pollSource, type PollDependencies, type PollOutcome } from './poll-source.js';

export interface CycleOptions extends PollDependencies {
  /** Who holds the leases (process or worker id). */
  readonly owner: string;
  /** Polls running at once in this process (the host gate still limits each origin). */
  readonly concurrency?: number;
  readonly leaseMs?: number;
  /** Called after each poll is recorded: watchlists, deliveries, progress. */
  readonly onPolled?: (outcome: PollOutcome) => Promise<void> | void;
  readonly signal?: AbortSignal;
}

export interface CycleSummary {
  sources: number;
  succeeded: number;
  notModified: number;
  failed: number;
  disabled: number;
  added: number;
  revised: number;
  rejected: number;
  fullTextFetched: number;
  fullTextFellBack: number;
  ms: number;
}

export const emptyCycle = (): CycleSummary => ({
  sources: 0,
  succeeded: 0,
  notModified: 0,
  failed: 0,
  disabled: 0,
  added: 0,
  revised: 0,
  rejected: 0,
  fullTextFetched: 0,
  fullTextFellBack: 0,
  ms: 0,
});

export const sourcesOf = (store: ArticleStore): SourcesPort => {
  if (!store.sources) throw new Error(`the ${store.backend} store has no sources table`);
  return store.sources;
};

const tally = (summary: CycleSummary, outcome: PollOutcome): void => {
  summary.sources++;
  const { record } = outcome;
  if (!record.succeeded) summary.failed++;
  else if (record.notModified) summary.notModified++;
  else summary.succeeded++;
  if (record.disable) summary.disabled++;
  summary.added += outcome.ingest?.added ?? 0;
  summary.revised += outcome.ingest?.revised ?? 0;
  summary.rejected += outcome.ingest?.rejected ?? 0;
  summary.fullTextFetched += outcome.fullText.fetched;
  summary.fullTextFellBack += outcome.fullText.fellBack;
};

/**
 * Polls every source due now, once: claims them in batches under a lease (so another process or
 * worker never fetches the same source at once), polls `concurrency` at a time and records each.
 * Sources just polled are due again only later, so the cycle ends when the due set is empty.
 */
export const pollDueSources = async (options: CycleOptions): Promise<CycleSummary> => {
  const sources = sourcesOf(options.store);
  const now = options.now ?? (() => new Date());
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const summary = emptyCycle();
  const started = Date.now();
  // Due as of the cycle's start: a source that failed early in a long cycle and is due again
  // before its end waits for the next cycle, so one cycle polls each source at most once.
  const dueAt = now().toISOString();
  for (;;) {
    if (options.signal?.aborted) break;
    const batch = await sources.claimDueSources(
      options.owner,
      now().toISOString(),
      leaseMs,
      concurrency * 8,
      dueAt,
    );
    if (batch.length === 0) break;
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let source = batch[next++]; source; source = batch[next++]) {
        const outcome = await pollSource(source, options);
        await sources.recordPoll(source.id, options.owner, outcome.record);
        tally(summary, outcome);
        await options.onPolled?.(outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
  }
  summary.ms = Date.now() - started;
  return summary;
};

/** Waits `ms` or until aborted. */
export const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
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

export interface LoopOptions extends CycleOptions {
  readonly signal: AbortSignal;
  /** Longest sleep between cycles (a source added meanwhile waits at most this). */
  readonly maxIdleMs?: number;
  readonly onCycle?: (summary: CycleSummary) => void;
  /** Runs between cycles (deliveries due for a retry). */
  readonly between?: () => Promise<void>;
  /** A cycle that failed as a whole (database unavailable); the loop goes on. */
  readonly onError?: (error: unknown) => void;
}

/** Cycles until aborted, sleeping until the next source is due (at most maxIdleMs). */
export const runPollLoop = async (options: LoopOptions): Promise<void> => {
  const sources = sourcesOf(options.store);
  const maxIdleMs = options.maxIdleMs ?? 30_000;
  while (!options.signal.aborted) {
    try {
      const summary = await pollDueSources(options);
      if (summary.sources > 0) options.onCycle?.(summary);
      await options.between?.();
    } catch (error) {
      options.onError?.(error);
    }
    const due = await sources.nextDueAt().catch(() => undefined);
    const wait = due ? Date.parse(due) - Date.now() : maxIdleMs;
    await pause(Math.min(maxIdleMs, Math.max(50, wait)), options.signal);
  }
};
