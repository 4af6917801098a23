import { ingestLimits } from './ingest-limits.js';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/**
 * A forgiving XML tree for feeds. Real feeds are often not well-formed (bad ampersands,
 * HTML entities XML does not know, undeclared prefixes, unclosed CDATA), so we parse with
 * htmlparser2's tokenizer, which never throws, and decode entities ourselves with the full
 * HTML table rather than XML's five.
 */

export interface XmlText {
  readonly type: 'text';
  readonly text: string;
}

export interface XmlElement {
  readonly type: 'element';
  /** Local name, lower-cased: feeds are inconsistent about case ("pubdate", "pubDate"). */
  readonly local: string;
  /** Prefix as written ('' for none): an unprefixed element belongs to the feed's own vocabulary. */
  readonly prefix: string;
  /** Namespace URI from xmlns declarations, or a well-known URI for an undeclared common prefix. */
  readonly ns: string | undefined;
  /** Attributes keyed by their name as written, lower-cased, with entities decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** Offsets into the source string: the whole element, and its content between the tags. */
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** xml:base in effect for this element (already resolved against its ancestors). */
  readonly base: string | undefined;
  /** xml:lang in effect for this element. */
  readonly lang: string | undefined;
}

export type XmlNode = XmlElement | XmlText;

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Prefixes used without a declaration in the wild, mapped to what their authors meant. */
const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  atom: NS.atom,
  rdf: NS.rdf,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  xhtml: NS.xhtml,
};

export const resolveUrl = (href: string, base: string | undefined): string => {
  try {
    return base ? new URL(href, base).toString() : new URL(href).toString();
  } catch {
    return href;
  }
};

const isAbsolute = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(url);

/** Resolve against the nearest base that yields an absolute URL; keep the link as written otherwise. */
export const resolveAgainst = (href: string, ...bases: (string | undefined)[]): string => {
  if (isAbsolute(href)) return resolveUrl(href, undefined);
  for (const base of bases) {
    if (base === undefined || !isAbsolute(base)) continue;
    const resolved = resolveUrl(href, base);
    if (isAbsolute(resolved)) return resolved;
  }
  return href;
};

interface Scope {
  readonly namespaces: Readonly<Record<string, string>>;
  readonly base: string | undefined;
  readonly lang: string | undefined;
}

/**
 * Feed items past a cap are counted, not built: a feed of 100,000 items held its whole tree
 * (355 MiB for 15 MB) only to keep the first SITREP_MAX_FEED_ITEMS. `isItem` is the reader's own
 * test; items are counted as the reader's findAll finds them (not inside another item).
 */
export interface ItemCap {
  readonly isItem: (element: XmlElement) => boolean;
  readonly max: number;
}

export interface ParsedXml {
  readonly root: XmlElement;
  /** Items past the cap, counted but not built. */
  readonly unbuiltItems: number;
}

export const parseXml = (source: string): XmlElement => parseXmlCapped(source).root;

export const parseXmlCapped = (source: string, cap?: ItemCap): ParsedXml => {
  const root: XmlElement = {
    type: 'element',
    local: '#document',
    prefix: '',
    ns: undefined,
    attrs: {},
    children: [],
    start: 0,
    end: source.length,
    innerStart: 0,
    innerEnd: source.length,
    base: undefined,
    lang: undefined,
  };
  const stack: { element: XmlElement; scope: Scope; qname: string }[] = [
    {
      element: root,
      scope: { namespaces: {}, base: undefined, lang: undefined },
      qname: '#document',
    },
  ];
  let inCdata = false;
  const top = () => stack[stack.length - 1] ?? stack[0]!;
  // Elements deeper than the limit are not built (their text goes to the deepest kept one), so
  // the recursive walks below never see input-controlled depth.
  const { maxNestingDepth } = ingestLimits();
  let unbuiltDepth = 0;
  // Items: how many were built, how many skipped, and the open depths of a built item and of a
  // skipped one (0 outside).
  let builtItems = 0;
  let unbuiltItems = 0;
  let itemDepth = 0;
  let skippedDepth = 0;

  const parser = new Parser(
    {
      onopentag(qname, rawAttrs) {
        if (skippedDepth > 0) {
          skippedDepth++;
          return;
        }
        if (unbuiltDepth > 0 || stack.length > maxNestingDepth) {
          unbuiltDepth++;
          return;
        }
        const parent = top();
        const attrs: Record<string, string> = {};
        let namespaces = parent.scope.namespaces;
        for (const [name, value] of Object.entries(rawAttrs)) {
          const key = name.toLowerCase();
          const decoded = decodeHTML(value);
          attrs[key] = decoded;
          if (key === 'xmlns' || key.startsWith('xmlns:')) {
            namespaces = { ...namespaces, [key === 'xmlns' ? '' : key.slice(6)]: decoded };
          }
        }
        const colon = qname.indexOf(':');
        const prefix = colon >= 0 ? qname.slice(0, colon).toLowerCase() : '';
        const local = (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase();
        const ns = namespaces[prefix] ?? WELL_KNOWN_PREFIXES[prefix];
        const baseAttr = attrs['xml:base'];
        const base =
          baseAttr !== undefined ? resolveUrl(baseAttr, parent.scope.base) : parent.scope.base;
        const lang = attrs['xml:lang'] ?? parent.scope.lang;
        const element: XmlElement = {
          type: 'element',
          local,
          prefix,
          ns,
          attrs,
          children: [],
          start: parser.startIndex,
          end: parser.endIndex + 1,
          innerStart: parser.endIndex + 1,
          innerEnd: parser.endIndex + 1,
          base,
          lang,
        };
        if (itemDepth > 0) itemDepth++;
        else if (cap?.isItem(element)) {
          if (builtItems >= cap.max) {
            unbuiltItems++;
            skippedDepth = 1;
            return;
          }
          builtItems++;
          itemDepth = 1;
        }
        parent.element.children.push(element);
        stack.push({ element, scope: { namespaces, base, lang }, qname });
      },
      onclosetag(qname, isImplied) {
        if (skippedDepth > 0) {
          skippedDepth--;
          return;
        }
        if (unbuiltDepth > 0) {
          unbuiltDepth--;
          return;
        }
        const frame = stack.length > 1 ? stack.pop() : undefined;
        if (!frame) return;
        if (itemDepth > 0) itemDepth--;
        if (isImplied || frame.qname !== qname) {
          frame.element.innerEnd = Math.max(frame.element.innerStart, parser.startIndex);
          frame.element.end = frame.element.innerEnd;
        } else {
          frame.element.innerEnd = parser.startIndex;
          frame.element.end = parser.endIndex + 1;
        }
      },
      ontext(text) {
        if (skippedDepth > 0) return;
        const children = top().element.children;
        children.push({ type: 'text', text: inCdata ? text : decodeHTML(text) });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.end(source);
  // Elements left open by a truncated file end where the file ends.
  for (const frame of stack.slice(1)) {
    frame.element.innerEnd = Math.max(frame.element.innerStart, source.length);
    frame.element.end = source.length;
  }
  return { root, unbuiltItems };
};

export const elementChildren = (element: XmlElement): XmlElement[] =>
  element.children.filter((child): child is XmlElement => child.type === 'element');

export const childrenNamed = (
  element: XmlElement,
  local: string,
  ns?: readonly (string | undefined)[],
): XmlElement[] =>
  elementChildren(element).filter(
    (child) => child.local === local && (ns === undefined || ns.includes(child.ns)),
  );

export const firstChild = (
  element: XmlElement,
  local: string,
  ns?: readonly (string | undefined)[],
): XmlElement | undefined => childrenNamed(element, local, ns)[0];

/** Every descendant (depth-first, document order) matching the predicate, not descending into matches. */
export const findAll = (
  element: XmlElement,
  predicate: (candidate: XmlElement) => boolean,
): XmlElement[] => {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of elementChildren(node)) {
      if (predicate(child)) found.push(child);
      else visit(child);
    }
  };
  visit(element);
  return found;
};

/** Concatenated text of an element and its descendants, entities decoded. */
export const textContent = (node: XmlNode): string =>
  node.type === 'text' ? node.text : node.children.map(textContent).join('');

/** Trimmed text with runs of whitespace collapsed, or undefined when empty. */
export const cleanText = (element: XmlElement | undefined): string | undefined => {
  if (!element) return undefined;
  const text = textContent(element).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
};

/**
 * The content of an element as markup: when a feed puts raw (unescaped) HTML inside an element,
 * the parser sees child elements, and the source slice is the faithful body.
 */
export const innerMarkup = (element: XmlElement, source: string): string => {
  if (elementChildren(element).length === 0) return textContent(element);
  return source
    .slice(element.innerStart, element.innerEnd)
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1');
};
