import { capFeedItems } from './guard-record.js';
import { ingestLimits, LIMIT_ENV } from './ingest-limits.js';
import { jsonValueDepthExceeds } from './nesting-depth.js';
import { z } from 'zod';
import type { ReaderEvent } from '../core/raw-item.js';
import { decodeBytes } from './decode-bytes.js';
import type { FeedContext } from './feed-entry.js';
import { bodyFrom, cleanNames, entryEvent } from './feed-entry.js';
import { parseDate } from './parse-date.js';
import { compact, rejectedEvent, skippedEvent } from './reader-events.js';

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */

const optionalString = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().optional().catch(undefined),
);

const author = z.object({ name: optionalString }).catch({ name: undefined });

const itemSchema = z.object({
  id: optionalString,
  url: optionalString,
  external_url: optionalString,
  title: optionalString,
  content_html: optionalString,
  content_text: optionalString,
  summary: optionalString,
  date_published: optionalString,
  date_modified: optionalString,
  author: author.optional().catch(undefined),
  authors: z.array(author).optional().catch(undefined),
  tags: z.array(z.string()).optional().catch(undefined),
  language: optionalString,
});

const feedSchema = z.object({
  version: z.string().regex(/jsonfeed\.org\/version\/1/),
  title: optionalString,
  language: optionalString,
  author: author.optional().catch(undefined),
  authors: z.array(author).optional().catch(undefined),
  items: z.array(z.unknown()),
});

export const readJsonFeed = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  let json: unknown;
  try {
    json = JSON.parse(decodeBytes(bytes).text);
  } catch (error) {
    return [rejectedEvent({ path }, `jsonfeed: invalid JSON (${(error as Error).message})`)];
  }
  const feed = feedSchema.safeParse(json);
  if (!feed.success) {
    const issue = feed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return [
      rejectedEvent(
        { path },
        `jsonfeed: not a JSON Feed 1.x (${where}${issue?.message ?? 'bad shape'})`,
      ),
    ];
  }
  const context: FeedContext = compact({
    path,
    format: 'jsonfeed',
    source: feed.data.title,
    language: feed.data.language,
  });
  const feedAuthors = [
    ...(feed.data.authors ?? []),
    ...(feed.data.author ? [feed.data.author] : []),
  ];
  if (feed.data.items.length === 0) return [skippedEvent({ path }, 'jsonfeed: feed has no items')];
  const { kept, overflow } = capFeedItems(feed.data.items, path, 'jsonfeed');
  const { maxNestingDepth } = ingestLimits();
  const events = kept.map((rawItem, recordIndex) => {
    const parsed = itemSchema.safeParse(rawItem);
    if (!parsed.success) {
      return rejectedEvent({ path, recordIndex }, `jsonfeed: item ${recordIndex} is not an object`);
    }
    if (jsonValueDepthExceeds(rawItem, maxNestingDepth))
      return rejectedEvent(
        { path, recordIndex },
        `jsonfeed: item ${recordIndex} is nested more than ${maxNestingDepth} levels deep (${LIMIT_ENV.maxNestingDepth})`,
      );
    const item = parsed.data;
    const itemAuthors = [...(item.authors ?? []), ...(item.author ? [item.author] : [])];
    return entryEvent(context, {
      recordIndex,
      raw: JSON.stringify(rawItem),
      title: item.title?.trim() || undefined,
      url: item.url ?? item.external_url,
      externalId: item.id,
      body:
        bodyFrom(item.content_html, 'html') ??
        bodyFrom(item.content_text, 'text') ??
        bodyFrom(item.summary, 'text'),
      published: parseDate(item.date_published),
      updated: parseDate(item.date_modified),
      authors: cleanNames((itemAuthors.length > 0 ? itemAuthors : feedAuthors).map((a) => a.name)),
      categories: cleanNames(item.tags ?? []),
      language: item.language,
    });
  });
  return [...events, ...overflow];
};
