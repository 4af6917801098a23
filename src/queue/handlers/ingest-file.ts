import { access } from 'node:fs/promises';
import { z } from 'zod';
import type { Rejection } from '../../core/raw-item.js';
import type { ArticleEnricher } from '../../pipeline/enricher.js';
import { ingestPaths } from '../../pipeline/ingest.js';
import type { ArticleStore } from '../../store/port.js';
import { PermanentJobError, type JobContext, type JobHandler } from '../handler-registry.js';
import type { JsonValue } from '../port.js';

const IngestFilePayloadSchema = z.object({ path: z.string().min(1) });

/** Rejections kept on the job's result; the count is always complete. */
const MAX_REJECTIONS_KEPT = 20;

/**
 * How often a job asks whether the jobs before it still run (and how long it waits at most): when
 * the queue announces changes (JobContext.nextChange), it asks again at each announcement and
 * at least every TURN_RECHECK_MS; otherwise every TURN_POLL_MS.
 */
const TURN_POLL_MS = 20;
const TURN_RECHECK_MS = 250;
const TURN_WAIT_MAX_MS = 15_000;
/**
 * A job waits at most this many times its own work: an earlier article may take several times
 * longer to clean and enrich than a later one (at 1x, two workers on 300 BBC files still re-settled
 * 615 articles).
 */
const TURN_WAIT_PER_WORK = 3;

/**
 * Waits (bounded) until no ingest job queued before this one is still running and organising (a job
 * that has organised all it will, JobQueue.markOrganised, is not waited for). Stories are settled
 * in a canonical order: an article organised after a later one re-clusters every story reaching
 * past it, under the organise lock, so two workers racing each other's adjacent files turned each
 * batch into a re-settle of ~100 articles (bench/workers.ts). Waiting for the earlier jobs keeps
 * organising in queue order while reading, cleaning, saving and enriching still run in parallel.
 *
 * Bounds: a job waits in all no longer than TURN_WAIT_PER_WORK times what it has itself worked
 * (and never over TURN_WAIT_MAX_MS), so a long job queued earlier (one big JSONL file) or a hung
 * or killed worker (whose job keeps its lease until it expires) slows the others by a bounded
 * factor instead of stalling them; past the bound the batch is organised anyway and settles as before. Only running
 * jobs are waited for, and they wait only for earlier ones, so the wait cannot go round in a circle.
 */
export const waitForTurn = (context: JobContext, started: number): (() => Promise<void>) => {
  let waited = 0;
  return async () => {
    const from = Date.now();
    const ownWork = from - started - waited;
    const deadline =
      from + Math.min(TURN_WAIT_MAX_MS - waited, TURN_WAIT_PER_WORK * ownWork - waited);
    while (Date.now() < deadline && !context.signal.aborted) {
      // Waiting starts before asking, so a change announced in between is not missed.
      const changed = context.nextChange?.(Math.min(TURN_RECHECK_MS, deadline - Date.now()));
      if (!(await context.earlierRunning())) break;
      await (changed ?? new Promise((resolve) => setTimeout(resolve, TURN_POLL_MS)));
    }
    waited += Date.now() - from;
  };
};

/**
 * `ingest-file`: runs the ordinary ingest pipeline on one file. Safe to run twice (a worker killed
 * after saving but before completing): the store answers "unchanged" for what is already there.
 */
export const ingestFileHandler =
  (store: ArticleStore, enricher?: ArticleEnricher): JobHandler =>
  async (job, context) => {
    const started = Date.now();
    const parsed = IngestFilePayloadSchema.safeParse(job.payload);
    if (!parsed.success)
      throw new PermanentJobError(`bad ingest-file payload: ${parsed.error.message}`);
    const { path } = parsed.data;
    try {
      await access(path);
    } catch (cause) {
      throw new PermanentJobError(`${path}: no such file or it cannot be read`, { cause });
    }
    const rejections: Rejection[] = [];
    const ingest = () =>
      ingestPaths([path], store, {
        ...(enricher ? { enricher } : {}),
        onRejected: (rejection) => {
          if (rejections.length < MAX_REJECTIONS_KEPT) rejections.push(rejection);
        },
        // Later jobs wait for this one's organising only, not for its claim ledger and completion.
        // Best effort: a failed mark only makes them wait as before.
        ...(context.organised
          ? { onOrganised: () => context.organised!().catch(() => undefined) }
          : {}),
      });
    const summary = store.organiseInTurn
      ? await store.organiseInTurn(waitForTurn(context, started), ingest)
      : await ingest();
    return {
      ...summary,
      rejections: rejections.map((r) => ({
        path: r.provenance.path,
        ...(r.provenance.recordIndex !== undefined
          ? { recordIndex: r.provenance.recordIndex }
          : {}),
        reason: r.reason,
      })),
    } as unknown as JsonValue;
  };
