import type { ArticleDraft, DerivedFields } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import type { ArticleStore, ArticleWithRaw } from '../store/port.js';
import { updateLedger } from '../services/ledger-update.js';
import type { ArticleEnricher } from './enricher.js';
import { itemFromRecord } from './item-record.js';
import { usePrepared, type Prepared } from './prepare-item.js';
import { awaitAssisting } from './prepare-queue.js';
import { inlineStages, type CpuStages } from './stage-pool.js';

export interface ReprocessSummary {
  examined: number;
  rederived: number;
  enriched: number;
  failed: number;
}

export interface ReprocessOptions {
  /** Re-derive even when every stage version matches. */
  readonly all?: boolean;
  readonly onProgress?: (examined: number) => void;
  readonly onFailed?: (articleId: string, reason: string) => void;
  /** Also (re-)enrich articles whose text changed or whose enrichment is missing or older. */
  readonly enricher?: ArticleEnricher;
  /** Where cleaning and enrichment run (startStagePool); inline when absent. The caller closes it. */
  readonly stages?: CpuStages;
  /** Articles cleaned and enriched together and written in one transaction. */
  readonly chunkSize?: number;
}

const sameVersions = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
};

interface Examined {
  readonly article: ArticleWithRaw;
  readonly prepared: Promise<Prepared>;
}

/** Chunks queued for writing beyond the one being collected (see AHEAD in ingest.ts). */
const AHEAD = 3;

/**
 * Re-derives stored articles from their raw input where a stage that shaped them has a new version.
 * Raw input and revisions stay as they are; only derived fields change. Backends page
 * `streamArticles` by sequence number, so updating while streaming is safe.
 *
 * Cleaning and enrichment run on `options.stages` (the ingest pool, or inline), a chunk of
 * articles at a time, and each chunk's writes go in one transaction where the store offers one: an
 * interrupted run keeps every finished chunk, and a re-run skips what is already current. As in
 * ingest, a pool enriches each article speculatively as soon as it is cleaned, while the writer
 * works on up to AHEAD earlier chunks, unless recent chunks were mostly current already.
 */
export const reprocessArticles = async (
  store: ArticleStore,
  options: ReprocessOptions = {},
): Promise<ReprocessSummary> => {
  const summary: ReprocessSummary = { examined: 0, rederived: 0, enriched: 0, failed: 0 };
  const stages = options.stages ?? inlineStages(options.enricher);
  const chunkSize = options.chunkSize ?? 100;
  const inTransaction = store.inTransaction ?? (<T>(work: () => Promise<T>) => work());
  let chunk: Examined[] = [];
  let writing: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  let speculate = options.enricher !== undefined;

  const fail = (articleId: string, cause: unknown): void => {
    summary.failed++;
    options.onFailed?.(articleId, cause instanceof Error ? cause.message : String(cause));
  };

  const assist = stages.assist?.bind(stages);
  const writeChunk = async (examined: readonly Examined[]): Promise<void> => {
    const enrichments: { id: string; enrichment: Promise<ArticleEnrichment> }[] = [];
    const updates: { id: string; fields: DerivedFields }[] = [];
    for (const { article, prepared: pending } of examined) {
      let prepared: Prepared;
      try {
        // Blocked on the pool: the writer cleans items still waiting there (prepare-queue.ts).
        prepared = await awaitAssisting(pending, assist);
      } catch (cause) {
        fail(article.id, cause);
        continue;
      }
      const draft = prepared.draft;
      if (!draft.ok) {
        fail(article.id, draft.error);
        continue;
      }
      const derived = draft.value;
      let text = article.text;
      let title = article.title;
      const stale = options.all || !sameVersions(derived.stageVersions, article.stageVersions);
      if (stale) {
        updates.push({ id: article.id, fields: derivedFields(derived) });
        text = derived.text;
        title = derived.title;
      }
      if (options.enricher) {
        const current = stale ? undefined : await store.getEnrichment(article.id);
        if (current?.version !== options.enricher.version) {
          const input = {
            id: article.id,
            text,
            ...(title !== undefined ? { title } : {}),
            ...(article.published !== undefined ? { published: article.published } : {}),
          };
          const speculative = usePrepared(prepared, input);
          const enrichment = speculative ? Promise.resolve(speculative) : stages.enrich(input);
          enrichment.catch(() => undefined);
          enrichments.push({ id: article.id, enrichment });
        }
      }
    }
    const ready: { id: string; enrichment: ArticleEnrichment }[] = [];
    for (const { id, enrichment } of enrichments) {
      try {
        ready.push({ id, enrichment: await enrichment });
      } catch (cause) {
        fail(id, cause);
      }
    }
    await inTransaction(async () => {
      for (const { id, fields } of updates) await store.updateDerived(id, fields);
      // In one call where the store offers it: the per-entity aggregates are then updated once
      // per chunk, not once per article (most of an enrichment's write time, sqlite-enrichment.ts).
      if (store.saveEnrichments) await store.saveEnrichments(ready);
      else for (const { id, enrichment } of ready) await store.saveEnrichment(id, enrichment);
    });
    summary.rederived += updates.length;
    summary.enriched += ready.length;
    if (options.enricher) speculate = enrichments.length * 2 >= examined.length;
    // Re-enriched articles carry new figures and edges: their claims and graph edges follow,
    // from the enrichments in hand rather than read back and parsed again.
    if (ready.length > 0)
      await updateLedger(
        store,
        ready.map(({ id }) => id),
        { enrichments: new Map(ready.map(({ id, enrichment }) => [id, enrichment])) },
      );
  };

  const flush = async (): Promise<void> => {
    const examined = chunk;
    chunk = [];
    if (examined.length === 0) return;
    // One writer, chunks in order; a failed chunk stops the chain and surfaces below.
    writing = writing.then(() => writeChunk(examined));
    writing.catch(() => undefined);
    queued.push(writing);
    while (queued.length > AHEAD) await queued.shift();
  };

  for await (const article of store.streamArticles()) {
    summary.examined++;
    let item: RawItem;
    try {
      item = itemFromRecord(article.raw, article.itemRecord);
    } catch (cause) {
      fail(article.id, cause);
      continue;
    }
    const prepared = stages.prepare(item, {
      enrich: speculate,
      published: article.published !== undefined ? { value: article.published } : {},
    });
    prepared.catch(() => undefined);
    chunk.push({ article, prepared });
    if (chunk.length >= chunkSize) await flush();
    options.onProgress?.(summary.examined);
  }
  await flush();
  await writing;
  options.onProgress?.(summary.examined);
  return summary;
};

const derivedFields = (draft: ArticleDraft): DerivedFields => ({
  ...(draft.title !== undefined ? { title: draft.title } : {}),
  text: draft.text,
  authors: draft.authors,
  ...(draft.published !== undefined ? { published: draft.published } : {}),
  ...(draft.language !== undefined ? { language: draft.language } : {}),
  ...(draft.site !== undefined ? { site: draft.site } : {}),
  ...(draft.canonicalUrl !== undefined ? { canonicalUrl: draft.canonicalUrl } : {}),
  contentHash: draft.contentHash,
  stageVersions: draft.stageVersions,
});
