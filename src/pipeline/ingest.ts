import type { ArticleDraft, SaveOutcome } from '../core/article.js';
import type { ReaderEvent, FeedSubscription, RawItem, Rejection } from '../core/raw-item.js';
import { updateLedger } from '../services/ledger-update.js';
import type { ArticleStore } from '../store/port.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { Result } from '../core/result.js';
import type { ArticleEnricher } from './enricher.js';
import { entityNamesOf, organiseSaved } from './organise.js';
import { readInputs } from './read-inputs.js';
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
}

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
  readonly draft: Promise<Result<ArticleDraft>>;
}

/**
 * The pipeline proper: reader events -> cleaning -> drafts -> batched saves -> enrichment ->
 * organising. Cleaning and enrichment run on `options.stages` (a worker pool, or inline); saving
 * and organising stay on this thread, one batch at a time in input order, so a run gives the same
 * ids, copies and stories with any number of threads. While one batch is written the next is
 * being cleaned: at most two batches are in flight, which bounds memory whatever the input size.
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

  const reject = (rejection: Rejection): void => {
    summary.rejected++;
    options.onRejected?.(rejection);
  };
  const write = async (items: readonly BatchItem[], feedBatch: FeedSubscription[]) => {
    const drafts: ArticleDraft[] = [];
    for (const item of items) {
      const draft = await item.draft;
      if (draft.ok) drafts.push(draft.value);
      else reject({ provenance: item.provenance, reason: draft.error });
    }
    if (drafts.length > 0) {
      const outcomes = await store.saveArticles(drafts);
      for (const outcome of outcomes) summary[outcome.status]++;
      const entityNames = new Map<string, readonly string[]>();
      if (options.enricher) {
        summary.enriched += await enrichSaved(
          store,
          options.enricher,
          stages,
          drafts,
          outcomes,
          entityNames,
          reject,
        );
      }
      const organised = await organiseSaved(store, drafts, outcomes, entityNames);
      summary.copies += organised.copies;
      summary.storiesOpened += organised.storiesOpened;
      // Claim ledger and dependency graph: after syndication, whose group every claim carries.
      if (options.enricher)
        await updateLedger(
          store,
          outcomes.map((outcome) => outcome.id),
        );
    }
    if (feedBatch.length > 0) {
      const saved = await store.saveFeeds(feedBatch);
      summary.feeds.added += saved.added;
      summary.feeds.unchanged += saved.unchanged;
    }
  };
  const flush = async (): Promise<void> => {
    // The previous batch finishes writing before this one starts: one writer, in input order.
    await writing;
    const items = batch;
    const feedBatch = feeds;
    batch = [];
    feeds = [];
    writing = write(items, feedBatch);
    // A failed write must surface even if no later flush awaits it.
    writing.catch(() => undefined);
  };

  for await (const event of events) {
    switch (event.kind) {
      case 'item': {
        items++;
        batch.push({ provenance: event.item.provenance, draft: stages.draft(event.item) });
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
    if (batch.length >= batchSize || feeds.length >= batchSize) await flush();
    options.onProgress?.({ items, bytesRead: 0 });
  }
  await flush();
  await writing;
  return summary;
};

/**
 * Enriches what a batch added or revised, and what it found unchanged but not (or not currently)
 * enriched: a run killed between saving and enriching is completed by the next run.
 */
const enrichSaved = async (
  store: ArticleStore,
  enricher: ArticleEnricher,
  stages: CpuStages,
  drafts: readonly ArticleDraft[],
  outcomes: readonly SaveOutcome[],
  entityNames: Map<string, readonly string[]>,
  reject: (rejection: Rejection) => void,
): Promise<number> => {
  // All of the batch's enrichments are handed to the stages at once (they run in parallel on a
  // pool) and saved in input order.
  const work: { id: string; draft: ArticleDraft; enrichment: Promise<ArticleEnrichment> }[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const draft = drafts[index];
    if (!draft) continue;
    if (outcome.status === 'unchanged') {
      const existing = await store.getEnrichment(outcome.id);
      if (existing?.version === enricher.version) continue;
    }
    const article = outcome.status === 'unchanged' ? await store.getArticle(outcome.id) : undefined;
    const source = article ?? draft;
    const enrichment = stages.enrich({
      id: outcome.id,
      text: source.text,
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.published !== undefined ? { published: source.published } : {}),
    });
    enrichment.catch(() => undefined);
    work.push({ id: outcome.id, draft, enrichment });
  }
  let enriched = 0;
  for (const { id, draft, enrichment } of work) {
    const value = await enrichment.catch((error: unknown) => {
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
    await store.saveEnrichment(id, value);
    entityNames.set(id, entityNamesOf(value));
    enriched++;
  }
  return enriched;
};
