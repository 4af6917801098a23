import type { RawItem } from '../core/raw-item.js';
import { extractArticle } from '../clean/extract-article.js';
import { charsetOf } from '../ingest/http-payload.js';
import { decodeHtml } from '../ingest/read-html.js';
import type { FullTextMode } from '../store/sources-port.js';

/** Feed text shorter than this (in characters, tags stripped) counts as a summary under `auto`. */
export const SUMMARY_MAX_CHARS = 600;

const plainLength = (item: RawItem): number =>
  item.body.kind === 'text'
    ? item.body.text.trim().length
    : item.body.html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim().length;

export const wantsFullText = (item: RawItem, mode: FullTextMode): boolean => {
  if (mode === 'never' || !item.url || !/^https?:\/\//i.test(item.url)) return false;
  return mode === 'always' || plainLength(item) < SUMMARY_MAX_CHARS;
};

export type PageFetch = (
  url: string,
) => Promise<{ readonly body: Buffer; readonly contentType?: string }>;

export interface FullTextOutcome {
  readonly item: RawItem;
  /** Why the feed's own text was kept, when it was. */
  readonly fallback?: string;
}

/**
 * The linked page through the extraction cascade (src/clean) when it holds more text than the
 * feed gave; otherwise, or when the page cannot be fetched, the feed item as it was. The item keeps
 * its feed identity (guid, source) so a later poll finds the same article; its raw is the page.
 */
export const withFullText = async (
  item: RawItem,
  fetchPage: PageFetch,
): Promise<FullTextOutcome> => {
  const url = item.url;
  if (!url) return { item, fallback: 'no link' };
  let html: string;
  try {
    const page = await fetchPage(url);
    html = decodeHtml(page.body, charsetOf(page.contentType));
  } catch (error) {
    return { item, fallback: `full text not fetched: ${(error as Error).message}` };
  }
  const extracted = extractArticle(html);
  if (extracted.text.trim().length <= plainLength(item))
    return { item, fallback: 'the page held no more text than the feed' };
  return {
    item: {
      ...item,
      format: 'html',
      raw: html,
      body: { kind: 'html', html },
    },
  };
};
