import type { ArticleDraft, SaveOutcome } from '../core/article.js';
import type { ReaderEvent, FeedSubscription, Rejection } from '../core/raw-item.js';
import { updateLedger } from '../services/ledger-update.js';
import type { ArticleStore } from '../store/port.js';
import { draftArticle } from './draft-article.js';
import type { ArticleEnricher } from './enricher.js';
import { organiseSaved } from './organise.js';
import { readInputs } from './read-inputs.js';

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

/** The pipeline proper: reader events -> cleaning -> drafts -> batched saves. */
export const ingestEvents = async (
  events: AsyncIterable<ReaderEvent>,
  store: ArticleStore,
  options: IngestOptions = {},
): Promise<IngestSummary> => {
  const batchSize = options.batchSize ?? 200;
  const summary = emptySummary();
  let drafts: ArticleDraft[] = [];
  let feeds: FeedSubscription[] = [];
  let items = 0;

  const reject = (rejection: Rejection): void => {
    summary.rejected++;
    options.onRejected?.(rejection);
  };
  const flush = async (): Promise<void> => {
    if (drafts.length > 0) {
      const outcomes = await store.saveArticles(drafts);
      for (const outcome of outcomes) summary[outcome.status]++;
      const entityNames = new Map<string, readonly string[]>();
      if (options.enricher) {
        summary.enriched += await enrichSaved(
          store,
          options.enricher,
          drafts,
          outcomes,
          entityNames,
        );
      }
      const organised = await organiseSaved(store, drafts, outcomes, entityNames);
      summary.copies += organised.copies;
      summary.storiesOpened += organised.storiesOpened;
      // Claim ledger and dependency graph: after syndication, whose group every claim carries.
      const savedIds = outcomes.map((outcome) => outcome.id);
      if (options.enricher) await updateLedger(store, savedIds);
      drafts = [];
    }
    if (feeds.length > 0) {
      const saved = await store.saveFeeds(feeds);
      summary.feeds.added += saved.added;
      summary.feeds.unchanged += saved.unchanged;
      feeds = [];
    }
  };

  for await (const event of events) {
    switch (event.kind) {
      case 'item': {
        items++;
        const draft = draftArticle(event.item);
        if (draft.ok) drafts.push(draft.value);
        else reject({ provenance: event.item.provenance, reason: draft.error });
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
    if (drafts.length >= batchSize || feeds.length >= batchSize) await flush();
    options.onProgress?.({ items, bytesRead: 0 });
  }
  await flush();
  return summary;
};

/**
 * Enriches what a batch added or revised, and what it found unchanged but not (or not currently)
 * enriched: a run killed between saving and enriching is completed by the next run.
 */
const enrichSaved = async (
  store: ArticleStore,
  enricher: ArticleEnricher,
  drafts: readonly ArticleDraft[],
  outcomes: readonly SaveOutcome[],
  entityNames: Map<string, readonly string[]>,
): Promise<number> => {
  let enriched = 0;
  for (const [index, outcome] of outcomes.entries()) {
    const draft = drafts[index];
    if (!draft) continue;
    if (outcome.status === 'unchanged') {
      const existing = await store.getEnrichment(outcome.id);
      if (existing?.version === enricher.version) continue;
    }
    const article = outcome.status === 'unchanged' ? await store.getArticle(outcome.id) : undefined;
    const source = article ?? draft;
    const enrichment = enricher.enrich({
      id: outcome.id,
      text: source.text,
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.published !== undefined ? { published: source.published } : {}),
    });
    await store.saveEnrichment(outcome.id, enrichment);
    // Shared entities pull articles into one story.
    entityNames.set(outcome.id, [...new Set(enrichment.entities.map((e) => e.id))]);
    enriched++;
  }
  return enriched;
};
