import { parentPort, workerData } from 'node:worker_threads';
import type { RawItem } from '../core/raw-item.js';
import { draftArticle } from './draft-article.js';
import { loadEnricher, type ArticleEnricher, type EnrichmentInput } from './enricher.js';
import { prepareItem, type PrepareSpec } from './prepare-item.js';

/** What a stage worker is started with. */
export interface StageWorkerData {
  readonly enrich: boolean;
  readonly kbDirs?: readonly string[];
}

export type StageTask =
  | { readonly kind: 'draft'; readonly item: RawItem }
  | { readonly kind: 'enrich'; readonly input: EnrichmentInput }
  | { readonly kind: 'prepare'; readonly item: RawItem; readonly spec: PrepareSpec }
  | { readonly kind: 'enricher' };

/** Answer to 'enricher': what the main thread needs of an enricher it does not load itself. */
export interface EnricherInfo {
  readonly version: string;
  readonly problems: readonly string[];
}

export type StageRequest = StageTask & { readonly id: number };

export type StageReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

// One worker thread of the stage pool (stage-pool.ts): runs cleaning and enrichment, the same
// functions the inline path calls, and answers each task by id.
const port = parentPort;
if (port) {
  const data = workerData as StageWorkerData;
  let enricher: Promise<ArticleEnricher> | undefined;
  const problems: string[] = [];
  const enricherOnce = (): Promise<ArticleEnricher> =>
    (enricher ??= loadEnricher({
      ...(data.kbDirs ? { kbDirs: [...data.kbDirs] } : {}),
      onProblem: (problem) => problems.push(problem),
    }));

  port.on('message', (request: StageRequest) => {
    const answer = async (): Promise<unknown> => {
      switch (request.kind) {
        case 'draft':
          return draftArticle(request.item);
        case 'enrich':
          return (await enricherOnce()).enrich(request.input);
        case 'prepare':
          return prepareItem(
            request.item,
            request.spec,
            request.spec.enrich ? await enricherOnce() : undefined,
          );
        case 'enricher':
          return { version: (await enricherOnce()).version, problems } satisfies EnricherInfo;
      }
    };
    answer().then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies StageReply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies StageReply),
    );
  });
}
