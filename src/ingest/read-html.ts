import type { Provenance, RawItem, ReaderEvent } from '../core/raw-item.js';
import { decodeBytes, declaredHtmlCharset } from './decode-bytes.js';
import { extractHtmlMetadata } from './html-metadata.js';
import { compact, itemEvent, skippedEvent } from './reader-events.js';

/** Decodes an HTML page: a BOM wins, then the transport's charset (WARC), then <meta charset>. */
export const decodeHtml = (bytes: Uint8Array, transportCharset?: string): string =>
  decodeBytes(bytes, transportCharset ?? declaredHtmlCharset(bytes)).text;

/**
 * One HTML page as an item. `container` carries what a web archive knew: the URL it fetched
 * (which wins over the page's canonical link: it is where the bytes came from) and the capture
 * date (which loses to any date the page states).
 */
export const htmlItem = (
  provenance: Provenance,
  html: string,
  container: { url?: string | undefined; published?: string | undefined } = {},
): RawItem => {
  const metadata = extractHtmlMetadata(html);
  const url = container.url ?? metadata.url;
  return compact({
    format: 'html' as const,
    provenance: compact({ ...provenance, url: provenance.url ?? url }),
    raw: html,
    body: { kind: 'html' as const, html },
    url,
    title: metadata.title,
    published: metadata.published ?? container.published,
    updated: metadata.updated,
    authors: metadata.authors,
    categories: [],
    source: metadata.source,
    language: metadata.language,
  });
};

export const readHtml = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  const html = decodeHtml(bytes);
  if (html.trim() === '') return [skippedEvent({ path }, 'html: empty file')];
  return [itemEvent(htmlItem({ path }, html))];
};
