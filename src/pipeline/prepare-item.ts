import type { ArticleDraft } from '../core/article.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { RawItem } from '../core/raw-item.js';
import type { Result } from '../core/result.js';
import { draftArticle } from './draft-article.js';
import type { ArticleEnricher, EnrichmentInput } from './enricher.js';

/**
 * What a stage thread does with one raw item besides cleaning it. With `enrich`, it also enriches
 * the draft right away (speculatively: the writer has not yet saved it, so it does not know whether
 * the article is new), so enrichment overlaps the writer's work on earlier batches instead of
 * starting only when the writer reaches this batch. `published` overrides the draft's date
 * (reprocess enriches with the stored article's); absent, the draft's own is used.
 */
export interface PrepareSpec {
  readonly enrich: boolean;
  readonly published?: { readonly value?: string };
}

/**
 * A cleaned draft and, when asked for, its enrichment with the title and date it was computed
 * from (the text is the draft's): see usePrepared.
 */
export interface Prepared {
  readonly draft: Result<ArticleDraft>;
  readonly enriched?: {
    readonly title?: string;
    readonly published?: string;
    readonly enrichment: ArticleEnrichment;
  };
}

export const prepareItem = (
  item: RawItem,
  spec: PrepareSpec,
  enricher: ArticleEnricher | undefined,
): Prepared => {
  const draft = draftArticle(item);
  if (!spec.enrich || !enricher || !draft.ok) return { draft };
  const input = speculativeInput(draft.value, spec);
  return preparedWith(draft, input, enricher.enrich(input));
};

/** What a draft is enriched from speculatively: its text and title, and the spec's date or its own. */
export const speculativeInput = (draft: ArticleDraft, spec: PrepareSpec): EnrichmentInput => {
  const published = spec.published ? spec.published.value : draft.published;
  return {
    text: draft.text,
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(published !== undefined ? { published } : {}),
  };
};

/** A draft with the enrichment of `input` (from speculativeInput), as usePrepared reads it. */
export const preparedWith = (
  draft: Result<ArticleDraft>,
  input: EnrichmentInput,
  enrichment: ArticleEnrichment,
): Prepared => ({
  draft,
  enriched: {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.published !== undefined ? { published: input.published } : {}),
    enrichment,
  },
});

/**
 * The speculative enrichment when it was computed from the same input the writer would enrich
 * now (enrichment is a pure function of text, title and date), else undefined: the writer then
 * enriches as it would have without speculation, so results never depend on it.
 */
export const usePrepared = (
  prepared: Prepared,
  input: EnrichmentInput,
): ArticleEnrichment | undefined => {
  const enriched = prepared.enriched;
  if (!enriched || !prepared.draft.ok) return undefined;
  const draft = prepared.draft.value;
  return input.text === draft.text &&
    input.title === enriched.title &&
    input.published === enriched.published
    ? enriched.enrichment
    : undefined;
};
