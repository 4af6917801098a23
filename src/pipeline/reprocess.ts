import type { ArticleStore } from '../store/port.js';
import { cleanItem } from '../clean/clean-item.js';
import { articleDraftFrom } from './draft-article.js';
import type { ArticleEnricher } from './enricher.js';
import { itemFromRecord } from './item-record.js';

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
}

const sameVersions = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
};

/**
 * Re-derives stored articles from their raw input where a stage that shaped them has a new version.
 * Raw input and revisions stay as they are; only derived fields change. Backends page
 * `streamArticles` by sequence number, so updating while streaming is safe.
 */
export const reprocessArticles = async (
  store: ArticleStore,
  options: ReprocessOptions = {},
): Promise<ReprocessSummary> => {
  const summary: ReprocessSummary = { examined: 0, rederived: 0, enriched: 0, failed: 0 };
  for await (const article of store.streamArticles()) {
    summary.examined++;
    options.onProgress?.(summary.examined);
    try {
      const item = itemFromRecord(article.raw, article.itemRecord);
      const doc = cleanItem(item);
      let text = article.text;
      let title = article.title;
      const stale = options.all || !sameVersions(doc.stageVersions, article.stageVersions);
      if (stale) {
        const draft = articleDraftFrom(item, doc);
        await store.updateDerived(article.id, {
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
        summary.rederived++;
        text = draft.text;
        title = draft.title;
      }
      if (options.enricher) {
        const current = stale ? undefined : await store.getEnrichment(article.id);
        if (current?.version !== options.enricher.version) {
          await store.saveEnrichment(
            article.id,
            options.enricher.enrich({
              id: article.id,
              text,
              ...(title !== undefined ? { title } : {}),
              ...(article.published !== undefined ? { published: article.published } : {}),
            }),
          );
          summary.enriched++;
        }
      }
    } catch (cause) {
      summary.failed++;
      options.onFailed?.(article.id, (cause as Error).message);
    }
  }
  return summary;
};
