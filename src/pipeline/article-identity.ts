import { sha256Hex } from '../core/hash.js';
import type { RawItem } from '../core/raw-item.js';
import { isTrackingParam } from '../dedup/canonical-url.js';

/**
 * Identity rules (docs/adr/0004-article-identity.md), applied in this order:
 * 1. an id the source gives (RSS guid, Atom id, JSONL id), scoped by source: `id:<source>:<id>`;
 * 2. the canonical URL: `url:<url>`;
 * 3. the raw input itself: `raw:<sha256>` (text dumps, pages without a URL).
 * Rule 3 hashes the raw input, never derived text, so a new cleaning version cannot fork an article.
 */
export const identityKeyFor = (item: RawItem, canonicalUrl: string | undefined): string => {
  if (item.externalId && item.externalId.trim() !== '') {
    return `id:${(item.source ?? '').trim().toLowerCase()}:${item.externalId.trim()}`;
  }
  if (canonicalUrl) return `url:${canonicalUrl}`;
  return `raw:${sha256Hex(item.raw)}`;
};

/**
 * Normalises a URL for identity and storage: lower-case host, no fragment, no tracking parameters.
 * It stays a working URL; dedup's `canonicalUrl` folds further (scheme, www.) for comparison only.
 */
export const canonicalUrlFor = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (isTrackingParam(key)) parsed.searchParams.delete(key);
    }
    parsed.hostname = parsed.hostname.toLowerCase();
    return parsed.toString();
  } catch {
    return undefined;
  }
};

/** Hash of what a reader sees: title and text with whitespace folded. Equal hash = unchanged article. */
export const contentHashFor = (title: string | undefined, text: string): string =>
  sha256Hex(`${(title ?? '').replace(/\s+/g, ' ').trim()}\n${text.replace(/\s+/g, ' ').trim()}`);
