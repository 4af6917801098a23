import type { ReaderEvent } from '../core/raw-item.js';
import type { FeedContext } from './feed-entry.js';
import { capFeedItems } from './guard-record.js';
import { ingestLimits } from './ingest-limits.js';
import { bodyFrom, cleanNames, entryEvent } from './feed-entry.js';
import { parseDate } from './parse-date.js';
import { compact, rejectedEvent, skippedEvent } from './reader-events.js';
import { htmlToPlain, readXmlDocument } from './xml-document.js';
import type { XmlElement } from './xml-tree.js';
import {
  NS,
  cleanText,
  elementChildren,
  findAll,
  innerMarkup,
  resolveAgainst,
} from './xml-tree.js';

/**
 * RSS 0.9x/2.0 and RSS 1.0 (RDF). Both are "channel + items"; RDF puts items beside the
 * channel instead of inside it, so items are found anywhere below the root.
 */

const FEED_NS: readonly (string | undefined)[] = [NS.rss10, NS.rss090];

/** An element of the feed's own vocabulary: unprefixed, or in the RSS 1.0 / 0.90 namespace. */
const isOwn = (element: XmlElement, local: string): boolean =>
  element.local === local && (element.prefix === '' || FEED_NS.includes(element.ns));

const isIn = (element: XmlElement, local: string, ns: string): boolean =>
  element.local === local && element.ns === ns;

const own = (parent: XmlElement, local: string): XmlElement[] =>
  elementChildren(parent).filter((child) => isOwn(child, local));

const inNs = (parent: XmlElement, local: string, ns: string): XmlElement[] =>
  elementChildren(parent).filter((child) => isIn(child, local, ns));

const firstText = (...candidates: (XmlElement | undefined)[]): string | undefined => {
  for (const candidate of candidates) {
    const text = cleanText(candidate);
    if (text !== undefined) return text;
  }
  return undefined;
};

const plainTitle = (value: string | undefined): string | undefined =>
  value !== undefined && /<[a-z/][^>]*>/i.test(value) ? htmlToPlain(value) : value;

const itemLink = (item: XmlElement, channelLink: string | undefined): string | undefined => {
  const link = firstText(...own(item, 'link'));
  if (link !== undefined) return resolveAgainst(link, item.base, channelLink);
  const atomLink = inNs(item, 'link', NS.atom).find(
    (el) => (el.attrs['rel'] ?? 'alternate') === 'alternate',
  );
  const href = atomLink?.attrs['href'];
  if (href) return resolveAgainst(href, atomLink.base, channelLink);
  const guid = own(item, 'guid')[0];
  const guidText = cleanText(guid);
  if (guid && guidText && guid.attrs['ispermalink'] !== 'false' && /^https?:\/\//i.test(guidText))
    return guidText;
  return undefined;
};

const itemBody = (item: XmlElement, source: string) => {
  const encoded = inNs(item, 'encoded', NS.content)[0];
  if (encoded) {
    const body = bodyFrom(innerMarkup(encoded, source));
    if (body) return body;
  }
  const xhtmlBody = inNs(item, 'body', NS.xhtml)[0];
  if (xhtmlBody) {
    const body = bodyFrom(innerMarkup(xhtmlBody, source), 'html');
    if (body) return body;
  }
  for (const candidate of [...own(item, 'description'), ...inNs(item, 'description', NS.dc)]) {
    const body = bodyFrom(innerMarkup(candidate, source));
    if (body) return body;
  }
  return undefined;
};

const firstDate = (...candidates: XmlElement[]): string | undefined => {
  for (const candidate of candidates) {
    const date = parseDate(cleanText(candidate));
    if (date !== undefined) return date;
  }
  return undefined;
};

export const readRss = (path: string, bytes: Uint8Array, format: 'rss' | 'rdf'): ReaderEvent[] => {
  const { source, root, problem, unbuiltItems } = readXmlDocument(bytes, {
    isItem: (el) => isOwn(el, 'item'),
    max: ingestLimits().maxFeedItems,
  });
  if (!root) return [rejectedEvent({ path }, `${format}: ${problem ?? 'no XML element found'}`)];
  const channel = findAll(root, (el) => isOwn(el, 'channel'))[0];
  const channelLink = channel ? firstText(...own(channel, 'link')) : undefined;
  const context: FeedContext = compact({
    path,
    format,
    source: channel
      ? plainTitle(firstText(...own(channel, 'title'), ...inNs(channel, 'title', NS.dc)))
      : undefined,
    language: channel
      ? (firstText(...own(channel, 'language'), ...inNs(channel, 'language', NS.dc)) ??
        channel.lang ??
        root.lang)
      : root.lang,
  });
  const items = findAll(root, (el) => isOwn(el, 'item'));
  if (items.length === 0) {
    return [skippedEvent({ path }, `${format}: feed has no items`)];
  }
  const { kept, overflow } = capFeedItems(items, path, format, items.length + unbuiltItems);
  const events = kept.map((item, recordIndex) =>
    entryEvent(context, {
      recordIndex,
      raw: source.slice(item.start, item.end),
      title: plainTitle(firstText(...own(item, 'title'), ...inNs(item, 'title', NS.dc))),
      url: itemLink(item, channelLink),
      externalId: firstText(...own(item, 'guid')) ?? item.attrs['rdf:about'],
      body: itemBody(item, source),
      published: firstDate(
        ...own(item, 'pubdate'),
        ...inNs(item, 'date', NS.dc),
        ...inNs(item, 'issued', NS.dcterms),
        ...inNs(item, 'created', NS.dcterms),
        ...inNs(item, 'published', NS.atom),
      ),
      updated: firstDate(...inNs(item, 'modified', NS.dcterms), ...inNs(item, 'updated', NS.atom)),
      authors: cleanNames([
        ...own(item, 'author').map(cleanText),
        ...inNs(item, 'creator', NS.dc).map(cleanText),
        ...inNs(item, 'author', NS.atom).map((el) =>
          cleanText(elementChildren(el).find((c) => c.local === 'name')),
        ),
      ]),
      categories: cleanNames([
        ...own(item, 'category').map(cleanText),
        ...inNs(item, 'subject', NS.dc).map(cleanText),
      ]),
      language: firstText(...inNs(item, 'language', NS.dc)) ?? item.lang,
      source: firstText(...own(item, 'source')),
    }),
  );
  return [...events, ...overflow];
};
