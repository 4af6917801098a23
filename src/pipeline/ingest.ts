import type { ArticleDraft, SaveOutcome } from '../core/article.js';
import type { ReaderEvent, FeedSubscription, RawItem, Rejection } from '../core/raw-item.js';
import { updateLedger } from '../services/ledger-update.js';
import type { ArticleStore } from '../store/port.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { ArticleEnricher } from './enricher.js';
import { deferredStories, entityNamesOf, organiseSaved, settleDeferred } from './organise.js';
import { readInputs } from './read-inputs.js';
import { usePrepared, type Prepared } from './prepare-item.js';
import { inlineStages, type CpuStages } from './stage-pool.js';
import { isRecordTimeLimitError } from './record-time-limit.js';

export interface IngestProgress {
  readonly items: number;
  readonly bytesRead: number;
}

export interface IngestOptions {
  /** Articles per transaction: a crash loses at most one batch, which a re-run redoes. */
  readonly batchSize?: number;
  readonly stdin?: NodeJS.ReadableStream;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly onRejected?: (rejection: Rejection) => void;
  /** When given, new and revised articles (and stored ones missing this enrichment) are enriched. */
  readonly enricher?: ArticleEnricher;
  /**
   * Where cleaning and enrichment run (a worker pool from startStagePool, whose workers load the
   * same enricher); inline on this thread when absent. The caller closes it.
   */
  readonly stages?: CpuStages;
  /** Filled in with where the writer's time went, when given (`sitrep ingest --timings`). */
  readonly timings?: IngestTimings;
  /**
   * Called once, as soon as the run will organise (syndication, stories) nothing more: after its
   * last batch's organising, before that batch's claim ledger (which reads no other article's
   * ledger). A queue job then lets later jobs organise (handlers/ingest-file.ts).
   */
  readonly onOrganised?: () => Promise<void>;
}

/**
 * Milliseconds the writer (this thread) spent per phase: the per-phase split of a run. `waiting`
 * is time blocked on the stages (drafts and enrichments not ready yet); with a pool it is where
 * the writer idles, on one thread it is cleaning and enrichment themselves.
 */
export interface IngestTimings {
  waiting: number;
  saving: number;
  savingEnrichments: number;
  organising: number;
  ledger: number;
  feeds: number;
}

export const emptyTimings = (): IngestTimings => ({
  waiting: 0,
  saving: 0,
  savingEnrichments: 0,
  organising: 0,
  ledger: 0,
  feeds: 0,
});

/** Runs `work`, adding its duration to `timings[phase]` when timings are kept. */
const timed = async <T>(
  timings: IngestTimings | undefined,
  phase: keyof IngestTimings,
  work: () => Promise<T>,
): Promise<T> => {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[phase] += performance.now() - started;
  }
};

export interface IngestSummary {
  added: number;
  unchanged: number;
  revised: number;
  rejected: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  feeds: { added: number; unchanged: number };
  enriched: number;
  /** New articles found to copy an earlier one (exact or near-duplicate). */
  copies: number;
  storiesOpened: number;
}

export const emptySummary = (): IngestSummary => ({
  added: 0,
  unchanged: 0,
  revised: 0,
  rejected: 0,
  skipped: 0,
  skippedByReason: {},
  feeds: { added: 0, unchanged: 0 },
  enriched: 0,
  copies: 0,
  storiesOpened: 0,
});

/** Reads every input path and stores what it holds; never throws for a bad record. */
export const ingestPaths = async (
  paths: readonly string[],
  store: ArticleStore,
  options: IngestOptions = {},
): Promise<IngestSummary> => {
  let bytesRead = 0;
  let items = 0;
  const events = readInputs(paths, {
    ...(options.stdin ? { stdin: options.stdin } : {}),
    onFile: (_path, bytes) => {
      bytesRead += bytes;
      options.onProgress?.({ items, bytesRead });
    },
  });
  return ingestEvents(events, store, {
    ...options,
    onProgress: (progress) => {
      items = progress.items;
      options.onProgress?.({ items, bytesRead });
    },
  });
};

interface BatchItem {
  readonly provenance: RawItem['provenance'];
  readonly prepared: Promise<Prepared>;
}

/**
 * Batches handed to the writer but not yet written, beyond the one being collected. Cleaning and
 * enrichment of these run on the pool while the writer saves and organises earlier ones, so the
 * pool's queue does not run dry while the writer holds this thread (SQLite calls are synchronous).
 * It bounds memory: at most (AHEAD + 1) batches of drafts and enrichments exist at once.
 */
const AHEAD = 3;

/**
 * On a pool, the first batches are smaller (this many items, doubling up to the batch size): the
 * writer idles until the first batch is cleaned and enriched, and a full first batch kept it idle
 * for 200 cold enrichments (~2 s of a ~22 s BBC run). Batch boundaries change no result: saves,
 * syndication and stories go one article at a time in input order (deferred-settle.ts).
 */
const FIRST_BATCH = 16;

/** Runs `work` in one SQLite transaction (one commit per batch, not per article); PostgreSQL keeps
 * its per-call transactions (its inTransaction takes the organise lock). */
const batchTransaction = <T>(store: ArticleStore, work: () => Promise<T>): Promise<T> =>
  store.backend === 'sqlite' && store.inTransaction ? store.inTransaction(work) : work();

/** Lets the reader and the pool's replies in between two long synchronous stretches of writing. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The pipeline proper: reader events -> cleaning -> drafts -> batched saves -> enrichment ->
 * organising. Cleaning and enrichment run on `options.stages` (a worker pool, or inline); saving
 * and organising stay on this thread, one batch at a time in input order, so a run gives the same
 * ids, copies and stories with any number of threads. On a pool, each item is enriched as soon as
 * it is cleaned, speculatively (see prepare-item.ts), while the writer works on up to AHEAD
 * earlier batches; when recent batches were mostly stored and enriched already (a re-run), it
 * stops speculating and enriches after saving what needs it, as on one thread.
 */
export const ingestEvents = async (
  events: AsyncIterable<ReaderEvent>,
  store: ArticleStore,
  options: IngestOptions = {},
): Promise<IngestSummary> => {
  const batchSize = options.batchSize ?? 200;
  const stages = options.stages ?? inlineStages(options.enricher);
  const summary = emptySummary();
  let batch: BatchItem[] = [];
  let feeds: FeedSubscription[] = [];
  let items = 0;
  let writing: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  let speculate = options.enricher !== undefined;
  let limit = stages.threads > 1 ? Math.min(batchSize, FIRST_BATCH) : batchSize;
  // Stories are settled once, after the last batch (deferred-settle.ts), not per batch.
  const deferred = deferredStories(store);

  const reject = (rejection: Rejection): void => {
    summary.rejected++;
    options.onRejected?.(rejection);
  };
  const timings = options.timings;
  let organisedAll = false;
  const organisedAllNow = async (): Promise<void> => {
    if (organisedAll) return;
    organisedAll = true;
    await options.onOrganised?.();
  };
  const write = async (
    items: readonly BatchItem[],
    feedBatch: FeedSubscription[],
    last: boolean,
  ) => {
    const drafts: ArticleDraft[] = [];
    const prepared: Prepared[] = [];
    await timed(timings, 'waiting', async () => {
      for (const item of items) {
        const ready = await item.prepared;
        if (ready.draft.ok) {
          drafts.push(ready.draft.value);
          prepared.push(ready);
        } else reject({ provenance: item.provenance, reason: ready.draft.error });
      }
    });
    if (drafts.length > 0) {
      // In a batch transaction too: on SQLite it waits for another process's write lock without
      // blocking the event loop (the server's POST /api/ingest and polling beside a CLI ingest).
      const outcomes = await timed(timings, 'saving', () =>
        batchTransaction(store, () => store.saveArticles(drafts)),
      );
      for (const outcome of outcomes) summary[outcome.status]++;
      const entityNames = new Map<string, readonly string[]>();
      const enricher = options.enricher;
      const enrichments = enricher
        ? await timed(timings, 'waiting', () =>
            enrichSaved(store, enricher, stages, prepared, outcomes, reject),
          )
        : [];
      if (enricher) speculate = enrichments.length * 2 >= outcomes.length;
      await yieldToEvents();
      // The batch's enrichments in one commit, before organising (its own transaction): a run
      // killed in between finds them stored and only organises.
      await timed(timings, 'savingEnrichments', () =>
        batchTransaction(store, async () => {
          if (store.saveEnrichments) await store.saveEnrichments(enrichments);
          else
            for (const { id, enrichment } of enrichments)
              await store.saveEnrichment(id, enrichment);
          for (const { id, enrichment } of enrichments)
            entityNames.set(id, entityNamesOf(enrichment));
        }),
      );
      summary.enriched += enrichments.length;
      const organised = await timed(timings, 'organising', () =>
        organiseSaved(store, drafts, outcomes, entityNames, deferred),
      );
      summary.copies += organised.copies;
      summary.storiesOpened += organised.storiesOpened;
      // The last batch, and nothing held back for a settle: nothing more to organise.
      if (last && (!deferred || deferred.idle)) await organisedAllNow();
      // Claim ledger and dependency graph: after syndication, whose group every claim carries.
      if (enricher)
        await timed(timings, 'ledger', () =>
          updateLedger(
            store,
            outcomes.map((outcome) => outcome.id),
            { enrichments: new Map(enrichments.map(({ id, enrichment }) => [id, enrichment])) },
          ),
        );
    }
    if (feedBatch.length > 0) {
      const saved = await timed(timings, 'feeds', () =>
        batchTransaction(store, () => store.saveFeeds(feedBatch)),
      );
      summary.feeds.added += saved.added;
      summary.feeds.unchanged += saved.unchanged;
    }
    await yieldToEvents();
  };
  const flush = async (last = false): Promise<void> => {
    // Batches are written one after another, in input order: one writer.
    const items = batch;
    const feedBatch = feeds;
    batch = [];
    feeds = [];
    if (items.length === 0 && feedBatch.length === 0) return;
    writing = writing.then(() => write(items, feedBatch, last));
    // A failed write must surface even if no later flush awaits it.
    writing.catch(() => undefined);
    queued.push(writing);
    while (queued.length > AHEAD) await queued.shift();
  };

  for await (const event of events) {
    switch (event.kind) {
      case 'item': {
        items++;
        const prepared = stages.prepare(event.item, { enrich: speculate });
        prepared.catch(() => undefined);
        batch.push({ provenance: event.item.provenance, prepared });
        break;
      }
      case 'feed':
        feeds.push(event.feed);
        break;
      case 'rejected':
        items++;
        reject(event.rejection);
        break;
      case 'skipped':
        summary.skipped++;
        summary.skippedByReason[event.skip.reason] =
          (summary.skippedByReason[event.skip.reason] ?? 0) + 1;
        break;
    }
    if (batch.length >= limit || feeds.length >= batchSize) {
      limit = Math.min(batchSize, limit * 2);
      await flush();
    }
    options.onProgress?.({ items, bytesRead: 0 });
  }
  await flush(true);
  await writing;
  if (deferred)
    summary.storiesOpened += await timed(timings, 'organising', () =>
      settleDeferred(store, deferred),
    );
  await organisedAllNow();
  return summary;
};

/**
 * The enrichments a saved batch needs, in input order: what it added or revised, and what it found
 * unchanged but not (or not currently) enriched, so a run killed between saving and enriching is
 * completed by the next run. A speculative enrichment of the same input is used as is; the rest
 * are handed to the stages at once (they run in parallel on a pool).
 */
const enrichSaved = async (
  store: ArticleStore,
  enricher: ArticleEnricher,
  stages: CpuStages,
  prepared: readonly Prepared[],
  outcomes: readonly SaveOutcome[],
  reject: (rejection: Rejection) => void,
): Promise<{ id: string; enrichment: ArticleEnrichment }[]> => {
  const work: {
    id: string;
    draft: ArticleDraft;
    enrichment: Promise<ArticleEnrichment> | ArticleEnrichment;
  }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const ready = prepared[index];
    if (!ready?.draft.ok) continue;
    if (outcome.status === 'unchanged') {
      const existing = await store.getEnrichment(outcome.id);
      if (existing?.version === enricher.version) continue;
    }
    const article = outcome.status === 'unchanged' ? await store.getArticle(outcome.id) : undefined;
    const source = article ?? ready.draft.value;
    const input = {
      id: outcome.id,
      text: source.text,
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.published !== undefined ? { published: source.published } : {}),
    };
    const enrichment = usePrepared(ready, input) ?? stages.enrich(input);
    if (enrichment instanceof Promise) enrichment.catch(() => undefined);
    work.push({ id: outcome.id, draft: ready.draft.value, enrichment });
  }
  const done: { id: string; enrichment: ArticleEnrichment }[] = [];
  for (const { id, draft, enrichment } of work) {
    const value = await Promise.resolve(enrichment).catch((error: unknown) => {
      if (isRecordTimeLimitError(error)) return error;
      throw error;
    });
    // Over the per-record time limit: the article stays stored (nothing is lost), unenriched,
    // and is reported with its file and record; the next run tries its enrichment again.
    if (isRecordTimeLimitError(value)) {
      reject({
        provenance: draft.provenance,
        reason: `${value.message}; the article is stored without enrichment`,
      });
      continue;
    }
    done.push({ id, enrichment: value });
  }
  return done;
};
