import type { RawBody, ReaderEvent } from '../core/raw-item.js';
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
  resolveUrl,
  textContent,
} from './xml-tree.js';

/** Atom 1.0, and Atom 0.3 which differs in names (issued/modified, mode="escaped"). */

const ATOM_NS: readonly (string | undefined)[] = [NS.atom, NS.atom03];

const isAtom = (element: XmlElement, local: string): boolean =>
  element.local === local && (element.prefix === '' || ATOM_NS.includes(element.ns));

const atom = (parent: XmlElement, local: string): XmlElement[] =>
  elementChildren(parent).filter((child) => isAtom(child, local));

type TextKind = 'text' | 'html' | 'xhtml';

/** How an Atom text construct is encoded: `type` in 1.0, `mode` in 0.3. */
const constructKind = (element: XmlElement): TextKind => {
  const type = (element.attrs['type'] ?? '').toLowerCase();
  const mode = (element.attrs['mode'] ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return 'xhtml';
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return 'html';
  return 'text';
};

const constructBody = (element: XmlElement | undefined, source: string): RawBody | undefined => {
  if (!element || element.attrs['src'] !== undefined) return undefined;
  const kind = constructKind(element);
  const hasMarkup = elementChildren(element).length > 0;
  if (kind === 'xhtml' || hasMarkup) return bodyFrom(innerMarkup(element, source), 'html');
  return bodyFrom(textContent(element), kind === 'html' ? 'html' : 'text');
};

const constructText = (element: XmlElement | undefined): string | undefined => {
  if (!element) return undefined;
  if (constructKind(element) === 'text' && elementChildren(element).length === 0)
    return cleanText(element);
  return htmlToPlain(textContent(element));
};

const alternateLink = (parent: XmlElement, rel = 'alternate'): XmlElement | undefined =>
  atom(parent, 'link').find(
    (link) => (link.attrs['rel'] ?? 'alternate') === rel && link.attrs['href'],
  );

/** Relative entry links resolve against xml:base, else the feed's own absolute link (as browsers would). */
const feedBaseOf = (feed: XmlElement): string | undefined => {
  for (const link of [alternateLink(feed), alternateLink(feed, 'self')]) {
    const href = link?.attrs['href'];
    if (href && /^https?:\/\//i.test(resolveUrl(href, link.base)))
      return resolveUrl(href, link.base);
  }
  return undefined;
};

const entryLink = (entry: XmlElement, feedBase: string | undefined): string | undefined => {
  const link = alternateLink(entry);
  const href = link?.attrs['href'];
  return href ? resolveAgainst(href, link.base, feedBase) : undefined;
};

const personNames = (parent: XmlElement | undefined): (string | undefined)[] =>
  parent
    ? atom(parent, 'author').map(
        (author) => cleanText(atom(author, 'name')[0]) ?? cleanText(author),
      )
    : [];

const firstDate = (parent: XmlElement, ...locals: string[]): string | undefined => {
  for (const local of locals) {
    for (const candidate of atom(parent, local)) {
      const date = parseDate(cleanText(candidate));
      if (date !== undefined) return date;
    }
  }
  return undefined;
};

export const readAtom = (path: string, bytes: Uint8Array): ReaderEvent[] => {
  const { source, root, problem, unbuiltItems } = readXmlDocument(bytes, {
    isItem: (el) => isAtom(el, 'entry'),
    max: ingestLimits().maxFeedItems,
  });
  if (!root) return [rejectedEvent({ path }, `atom: ${problem ?? 'no XML element found'}`)];
  const feed = isAtom(root, 'feed') ? root : (findAll(root, (el) => isAtom(el, 'feed'))[0] ?? root);
  const context: FeedContext = compact({
    path,
    format: 'atom',
    source: constructText(atom(feed, 'title')[0]),
    language: feed.lang,
  });
  const feedAuthors = personNames(feed);
  const feedBase = feedBaseOf(feed);
  const entries = findAll(feed, (el) => isAtom(el, 'entry'));
  if (entries.length === 0) return [skippedEvent({ path }, 'atom: feed has no entries')];
  const { kept, overflow } = capFeedItems(entries, path, 'atom', entries.length + unbuiltItems);
  const events = kept.map((entry, recordIndex) => {
    const content = atom(entry, 'content')[0];
    const summary = atom(entry, 'summary')[0];
    const ownAuthors = personNames(entry);
    const sourceAuthors = personNames(atom(entry, 'source')[0]);
    return entryEvent(context, {
      recordIndex,
      raw: source.slice(entry.start, entry.end),
      title: constructText(atom(entry, 'title')[0]),
      url: entryLink(entry, feedBase),
      externalId: cleanText(atom(entry, 'id')[0]),
      body: constructBody(content, source) ?? constructBody(summary, source),
      published: firstDate(entry, 'published', 'issued', 'created'),
      updated: firstDate(entry, 'updated', 'modified'),
      authors: cleanNames([
        ...(ownAuthors.length > 0
          ? ownAuthors
          : sourceAuthors.length > 0
            ? sourceAuthors
            : feedAuthors),
        ...elementChildren(entry)
          .filter((el) => el.local === 'creator' && el.ns === NS.dc)
          .map(cleanText),
      ]),
      categories: cleanNames(
        atom(entry, 'category').map((el) => el.attrs['term'] ?? el.attrs['label'] ?? cleanText(el)),
      ),
      language: entry.lang,
    });
  });
  return [...events, ...overflow];
};
