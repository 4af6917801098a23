import type { ArticleStore } from '../store/port.js';
import { cleanItem } from '../clean/clean-item.js';
import { articleDraftFrom } from './draft-article.js';
import { itemFromRecord } from './item-record.js';

export interface ReprocessSummary {
  examined: number;
  rederived: number;
  failed: number;
}

export interface ReprocessOptions {
  /** Re-derive even when every stage version matches. */
  readonly all?: boolean;
  readonly onProgress?: (examined: number) => void;
  readonly onFailed?: (articleId: string, reason: string) => void;
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
  const summary: ReprocessSummary = { examined: 0, rederived: 0, failed: 0 };
  for await (const article of store.streamArticles()) {
    summary.examined++;
    options.onProgress?.(summary.examined);
    try {
      const item = itemFromRecord(article.raw, article.itemRecord);
      const doc = cleanItem(item);
      if (!options.all && sameVersions(doc.stageVersions, article.stageVersions)) continue;
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
    } catch (cause) {
      summary.failed++;
      options.onFailed?.(article.id, (cause as Error).message);
    }
  }
  return summary;
};
