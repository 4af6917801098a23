import type { InputFormat, RawBody, ReaderEvent } from '../core/raw-item.js';
import { compact, itemEvent, rejectedEvent } from './reader-events.js';

/** What every feed dialect (RSS, RDF, Atom, JSON Feed) boils down to for one entry. */
export interface FeedEntry {
  readonly recordIndex: number;
  readonly raw: string;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly externalId?: string | undefined;
  readonly body?: RawBody | undefined;
  readonly published?: string | undefined;
  readonly updated?: string | undefined;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  readonly language?: string | undefined;
  /** The original outlet when an aggregator names it (RSS <source>, as Google News does); else the feed. */
  readonly source?: string | undefined;
}

export interface FeedContext {
  readonly path: string;
  readonly format: InputFormat;
  /** The feed's title, recorded as each item's source. */
  readonly source?: string | undefined;
  readonly language?: string | undefined;
}

/** Markup or escaped markup: a tag, or an entity a plain-text field would not need. */
export const looksLikeHtml = (value: string): boolean =>
  /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(value) || /&(?:[a-z]{2,8}|#\d{2,6});/i.test(value);

export const bodyFrom = (
  value: string | undefined,
  kind?: 'html' | 'text',
): RawBody | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const chosen = kind ?? (looksLikeHtml(value) ? 'html' : 'text');
  return chosen === 'html' ? { kind: 'html', html: value } : { kind: 'text', text: value };
};

/** Authors written as "jane@example.com (Jane Doe)" keep the name; duplicates and blanks go. */
export const cleanNames = (names: readonly (string | undefined)[]): string[] => {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === undefined) continue;
    const inParens = /^\S+@\S+\s*\(([^)]+)\)$/.exec(name.trim());
    const value = (inParens?.[1] ?? name).replace(/\s+/g, ' ').trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
};

/**
 * An entry with no content still carries a headline and a link worth keeping (many news feeds
 * publish only those), so it becomes an item with an empty text body and cleaning decides;
 * an entry with none of title, link or content is rejected.
 */
export const entryEvent = (context: FeedContext, entry: FeedEntry): ReaderEvent => {
  const provenance = compact({
    path: context.path,
    recordIndex: entry.recordIndex,
    url: entry.url,
  });
  if (entry.body === undefined && entry.title === undefined && entry.url === undefined) {
    return rejectedEvent(
      provenance,
      `${context.format}: entry ${entry.recordIndex} has no title, link or content`,
    );
  }
  return itemEvent(
    compact({
      format: context.format,
      provenance,
      raw: entry.raw,
      body: entry.body ?? { kind: 'text', text: '' },
      externalId: entry.externalId,
      url: entry.url,
      title: entry.title,
      published: entry.published,
      updated: entry.updated,
      authors: entry.authors,
      categories: entry.categories,
      source: entry.source ?? context.source,
      language: entry.language ?? context.language,
    }),
  );
};
