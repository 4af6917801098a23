import type { ArticleDraft } from '../core/article.js';
import type { RawItem } from '../core/raw-item.js';
import { err, ok, type Result } from '../core/result.js';
import type { CleanDoc } from '../clean/clean-doc.js';
import { cleanItem } from '../clean/clean-item.js';
import { canonicalUrlFor, contentHashFor, identityKeyFor } from './article-identity.js';
import { itemRecordOf } from './item-record.js';

const MEDIA_TYPES: Record<RawItem['format'], string> = {
  text: 'text/plain',
  html: 'text/html',
  rss: 'application/rss+xml',
  rdf: 'application/rdf+xml',
  atom: 'application/atom+xml',
  jsonfeed: 'application/feed+json',
  opml: 'text/x-opml',
  warc: 'text/html',
  jsonl: 'application/json',
};

/** Runs the cleaning stages on one raw item and shapes the result for the store. */
export const draftArticle = (item: RawItem): Result<ArticleDraft> => {
  let doc: CleanDoc;
  try {
    doc = cleanItem(item);
  } catch (cause) {
    return err(`cleaning failed: ${(cause as Error).message}`);
  }
  if (doc.text.trim() === '') return err('no article text after cleaning');
  return ok(articleDraftFrom(item, doc));
};

export const articleDraftFrom = (item: RawItem, doc: CleanDoc): ArticleDraft => {
  const canonicalUrl = canonicalUrlFor(doc.canonicalUrl ?? item.url);
  const title = doc.title ?? item.title;
  const published = doc.published ?? item.published;
  const language = doc.language ?? item.language;
  const site = doc.site ?? siteOf(item.url);
  return {
    identityKey: identityKeyFor(item, canonicalUrl),
    format: item.format,
    provenance: item.provenance,
    raw: item.raw,
    rawMediaType: MEDIA_TYPES[item.format],
    itemRecord: itemRecordOf(item),
    ...(item.externalId !== undefined ? { externalId: item.externalId } : {}),
    ...(item.url !== undefined ? { url: item.url } : {}),
    ...(canonicalUrl !== undefined ? { canonicalUrl } : {}),
    ...((item.source ?? site) !== undefined ? { source: item.source ?? site } : {}),
    ...(site !== undefined ? { site } : {}),
    ...(title !== undefined ? { title } : {}),
    text: doc.text,
    authors: doc.authors.length > 0 ? doc.authors : item.authors,
    categories: item.categories.length > 0 ? item.categories : doc.tags,
    ...(published !== undefined ? { published } : {}),
    ...(language !== undefined ? { language } : {}),
    contentHash: contentHashFor(title, doc.text),
    stageVersions: doc.stageVersions,
  };
};

const siteOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
};
