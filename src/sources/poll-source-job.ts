import { z } from 'zod';
import {
  PermanentJobError,
  type HandlerRegistry,
  type JobHandler,
} from '../queue/handler-registry.js';
import type { JobQueue, JsonValue } from '../queue/port.js';
import type { ArticleStore } from '../store/port.js';
import type { LiveRuntime } from './live-runtime.js';
import { sourcesOf } from './poll-cycle.js';
import { pollSource } from './poll-source.js';

/** Job kind of one source's poll on PostgreSQL workers. */
export const POLL_SOURCE_JOB = 'poll-source';

const PayloadSchema = z.object({ sourceId: z.string().min(1) });

/** Longer than any poll (fetch cap plus ingest); a worker that dies frees the source after it. */
const SOURCE_LEASE_MS = 10 * 60_000;

/**
 * `poll-source`: leases the source in the sources table first, so two workers (or a worker and a
 * `sitrep watch`) never fetch it at once even when two jobs for it exist; a source someone else
 * holds, or no longer active, is skipped. Then the poll, its record, and the watchlists.
 */
export const pollSourceHandler =
  (store: ArticleStore, runtime: LiveRuntime): JobHandler =>
  async (job, context): Promise<JsonValue> => {
    const parsed = PayloadSchema.safeParse(job.payload);
    if (!parsed.success)
      throw new PermanentJobError(`bad poll-source payload: ${parsed.error.message}`);
    const sources = sourcesOf(store);
    const owner = `${context.workerId}#${job.id}`;
    const source = await sources.claimSource(
      parsed.data.sourceId,
      owner,
      new Date().toISOString(),
      SOURCE_LEASE_MS,
    );
    if (!source) return { skipped: 'held by another poller, paused, disabled or removed' };
    const outcome = await pollSource(source, {
      store,
      fetcher: runtime.fetcher,
      gate: runtime.gate,
      policy: runtime.policy,
      exclusive: runtime.exclusive,
      ...(runtime.enricher ? { enricher: runtime.enricher } : {}),
    });
    await sources.recordPoll(source.id, owner, outcome.record);
    await runtime.afterPoll(outcome);
    return {
      sourceId: source.id,
      status: outcome.record.status ?? null,
      added: outcome.ingest?.added ?? 0,
      error: outcome.record.error ?? null,
    };
  };

/** Adds the poll-source kind to a worker's handlers (one registration line in the worker command). */
export const registerPollSourceJob = (
  handlers: HandlerRegistry,
  store: ArticleStore,
  runtime: LiveRuntime,
): HandlerRegistry => handlers.register(POLL_SOURCE_JOB, pollSourceHandler(store, runtime));

/**
 * Enqueues one job per source due now: the scheduler side (`sitrep watch --queue`, `sitrep source
 * poll --queue`). The dedupe key names the due instant, so a source waiting in the queue is not
 * enqueued twice and its next due poll gets a fresh job.
 */
export const enqueueDueSources = async (
  store: ArticleStore,
  queue: JobQueue,
  now = new Date(),
): Promise<number> => {
  const due = await sourcesOf(store).listDueSources(now.toISOString(), 10_000);
  if (due.length === 0) return 0;
  const results = await queue.enqueueMany(
    due.map((source) => ({
      kind: POLL_SOURCE_JOB,
      payload: { sourceId: source.id },
      dedupeKey: `${source.id}@${source.nextPollAt}`,
      maxAttempts: 1,
    })),
  );
  return results.filter((r) => r.enqueued).length;
};
