import { Parser } from 'htmlparser2';

/**
 * A minimal element tree built in one htmlparser2 pass. We keep only what extraction decides on
 * (tag, class/id/role/itemprop, text) and skip the insides of script/style/svg while parsing,
 * which is what makes this several times faster than building a full DOM.
 */
export interface HtmlElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: HtmlNode[];
  readonly parent: HtmlElement | undefined;
}
export type HtmlNode = HtmlElement | string;

/** What the <head> (and JSON-LD anywhere) says about the page, gathered during the same pass. */
export interface PageHead {
  readonly title: string | undefined;
  /** meta name/property/itemprop (lower-cased) -> contents in document order. */
  readonly meta: ReadonlyMap<string, readonly string[]>;
  /** link rel (lower-cased) -> hrefs. */
  readonly links: ReadonlyMap<string, readonly string[]>;
  /** Raw text of every <script type="application/ld+json">. */
  readonly jsonLd: readonly string[];
  readonly lang: string | undefined;
}

/** Elements metadata reads, noted while parsing so nobody walks the tree again to find them. */
export interface PageLandmarks {
  readonly firstH1: HtmlElement | undefined;
  readonly firstTime: HtmlElement | undefined;
  /** itemprop="author"/"creator" elements and rel="author" links, in document order. */
  readonly bylines: readonly HtmlElement[];
}

export interface ParsedPage {
  readonly root: HtmlElement;
  readonly head: PageHead;
  readonly landmarks: PageLandmarks;
}

/** Elements whose content never carries article text; skipped while parsing. */
const SKIPPED_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'textarea',
]);

const pushTo = (map: Map<string, string[]>, key: string, value: string): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Scripts, styles, inline SVG and comments are 60% of the benchmark pages' bytes and never
 * article text; cutting them with one native regex before tokenising saves about a quarter of
 * the parse time. JSON-LD scripts are kept: they carry the metadata.
 */
const INERT_CONTENT = /<(script|style|svg)\b([^>]*)>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

const stripInert = (html: string): string =>
  html.replace(INERT_CONTENT, (whole, tag: string | undefined, attrs: string | undefined) =>
    tag !== undefined && attrs !== undefined && /ld\+json/i.test(attrs) ? whole : ' ',
  );

/**
 * A <title> never closed turns the rest of the page into title text (RCDATA), in browsers and in
 * htmlparser2 alike; pages of a 2008 BBC template do this. Closing it before the next tag keeps
 * the page readable.
 */
const UNCLOSED_TITLE = /(<title\b[^>]*>)([^<]*)(?=<)/i;
const closeTitle = (html: string): string =>
  /<\/title\s*>/i.test(html) ? html : html.replace(UNCLOSED_TITLE, '$1$2</title>');

export const parseHtml = (html: string): ParsedPage => {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: undefined };
  const meta = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  const jsonLd: string[] = [];
  let title: string | undefined;
  let firstH1: HtmlElement | undefined;
  let firstTime: HtmlElement | undefined;
  const bylines: HtmlElement[] = [];
  let lang: string | undefined;
  let current = root;
  let skipDepth = 0;
  let inTitle = false;
  let titleText = '';
  let inJsonLd = false;
  let jsonText = '';

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        // htmlparser2 balances every open with a close (implied or not), so counting all tags
        // finds the end of a skipped subtree even when the page leaves it unclosed.
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (SKIPPED_CONTENT.has(name)) {
          skipDepth = 1;
          if (name === 'script' && (attrs['type'] ?? '').toLowerCase().includes('ld+json')) {
            inJsonLd = true;
            jsonText = '';
          }
          return;
        }
        switch (name) {
          case 'meta': {
            const key = attrs['property'] ?? attrs['name'] ?? attrs['itemprop'];
            const content = attrs['content'];
            if (key !== undefined && content !== undefined)
              pushTo(meta, key.toLowerCase(), content);
            break;
          }
          case 'link': {
            const rel = attrs['rel'];
            const href = attrs['href'];
            if (rel !== undefined && href !== undefined) {
              for (const r of rel.toLowerCase().split(/\s+/)) pushTo(links, r, href);
            }
            break;
          }
          case 'title':
            if (title === undefined && current.tag !== 'svg') {
              inTitle = true;
              titleText = '';
            }
            break;
          case 'html':
            lang ??= attrs['lang'] ?? attrs['xml:lang'];
            break;
        }
        const el: HtmlElement = { tag: name, attrs, children: [], parent: current };
        current.children.push(el);
        if (name === 'h1') firstH1 ??= el;
        else if (name === 'time' && attrs['datetime'] !== undefined) firstTime ??= el;
        const itemprop = attrs['itemprop'];
        if (
          itemprop === 'author' ||
          itemprop === 'creator' ||
          (name === 'a' && /\bauthor\b/.test(attrs['rel'] ?? ''))
        ) {
          bylines.push(el);
        }
        current = el;
      },
      ontext(text) {
        if (skipDepth > 0) {
          if (inJsonLd) jsonText += text;
          return;
        }
        if (inTitle) titleText += text;
        current.children.push(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          if (skipDepth === 0 && inJsonLd) {
            jsonLd.push(jsonText);
            inJsonLd = false;
          }
          return;
        }
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = titleText.replace(/\s+/g, ' ').trim();
        }
        // htmlparser2 reports implied closes too, so the open element is the one closing.
        let el: HtmlElement | undefined = current;
        while (el && el.tag !== name) el = el.parent;
        if (el?.parent) current = el.parent;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(stripInert(closeTitle(html)));
  parser.end();
  return {
    root,
    head: { title, meta, links, jsonLd, lang },
    landmarks: { firstH1, firstTime, bylines },
  };
};

/** All text beneath a node, whitespace left as in the source. */
export const textOf = (node: HtmlNode): string => {
  if (typeof node === 'string') return node;
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
};
