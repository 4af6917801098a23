import { ingestLimits } from './ingest-limits.js';
import { htmlDepthExceeds } from './nesting-depth.js';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { parseDate } from './parse-date.js';

/**
 * Metadata a page states about itself, read without building a DOM: <title>, Open Graph and
 * article meta tags, canonical link, JSON-LD, <html lang> and <time>. Candidates only: the
 * clean stage decides what to trust.
 */
export interface HtmlMetadata {
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly authors: string[];
  readonly source?: string;
  readonly language?: string;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];
const UPDATED_META = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
];

const BODY_JSON_LD =
  /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const BODY_TIME = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i;

interface JsonLdFacts {
  published?: string;
  updated?: string;
  authors: string[];
  headline?: string;
  publisher?: string;
}

const nameOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string')
    return value.name;
  return undefined;
};

/** Walks JSON-LD (objects, arrays, @graph) for the first article-like facts. */
const collectJsonLd = (node: unknown, facts: JsonLdFacts): void => {
  if (Array.isArray(node)) {
    for (const child of node) collectJsonLd(child, facts);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record['datePublished'] === 'string') facts.published ??= record['datePublished'];
  if (typeof record['dateModified'] === 'string') facts.updated ??= record['dateModified'];
  if (typeof record['headline'] === 'string') facts.headline ??= record['headline'];
  if (record['author'] !== undefined && facts.authors.length === 0) {
    const authors = Array.isArray(record['author']) ? record['author'] : [record['author']];
    facts.authors.push(...authors.map(nameOf).filter((name): name is string => name !== undefined));
  }
  if (record['publisher'] !== undefined) facts.publisher ??= nameOf(record['publisher']);
  if (record['@graph'] !== undefined) collectJsonLd(record['@graph'], facts);
};

const tidy = (value: string | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
};

const localeToTag = (locale: string | undefined): string | undefined =>
  locale === undefined ? undefined : locale.replace('_', '-');

export const extractHtmlMetadata = (html: string): HtmlMetadata => {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleDone = false;
  let canonical: string | undefined;
  let language: string | undefined;
  let firstTime: string | undefined;
  let jsonLd = '';
  let inJsonLd = false;
  const jsonLdBlocks: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' && attrs['lang']) language ??= attrs['lang'];
        else if (name === 'title' && !titleDone) inTitle = true;
        else if (name === 'meta') {
          const key = (
            attrs['property'] ??
            attrs['name'] ??
            attrs['itemprop'] ??
            attrs['http-equiv']
          )?.toLowerCase();
          const content = attrs['content'];
          if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
        } else if (
          name === 'link' &&
          attrs['rel']?.toLowerCase().split(/\s+/).includes('canonical')
        ) {
          canonical ??= attrs['href'];
        } else if (name === 'script' && attrs['type']?.toLowerCase() === 'application/ld+json') {
          inJsonLd = true;
          jsonLd = '';
        } else if (name === 'time' && attrs['datetime']) {
          firstTime ??= attrs['datetime'];
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        if (inJsonLd) jsonLd += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        } else if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          jsonLdBlocks.push(jsonLd);
        }
      },
    },
    { decodeEntities: true },
  );
  // Tokenising a whole page costs ~3 ms; metadata lives in <head>, so only the head is parsed
  // and the body is scanned for the two things pages put there: JSON-LD and <time datetime>.
  const bodyStart = html.search(/<body[\s>]/i);
  const head = bodyStart >= 0 ? html.slice(0, bodyStart) : html;
  // htmlparser2 is quadratic in nesting depth (tens of seconds on a fuzzed 300 KB page): a page
  // nested past the limit is rejected by guard-record.ts anyway, so its head is not tokenised.
  if (!htmlDepthExceeds(head, ingestLimits().maxNestingDepth)) parser.end(head);
  if (bodyStart >= 0) {
    const body = html.slice(bodyStart);
    for (const match of body.matchAll(BODY_JSON_LD)) jsonLdBlocks.push(match[1] ?? '');
    const time = BODY_TIME.exec(body)?.[1];
    if (time !== undefined) firstTime ??= decodeHTML(time);
  }

  const facts: JsonLdFacts = { authors: [] };
  for (const block of jsonLdBlocks) {
    try {
      collectJsonLd(JSON.parse(block), facts);
    } catch {
      // Broken JSON-LD is common and never worth failing a page for.
    }
  }
  const fromMeta = (keys: readonly string[]): string | undefined => {
    for (const key of keys) {
      const date = parseDate(meta.get(key));
      if (date !== undefined) return date;
    }
    return undefined;
  };
  const metaAuthor = tidy(meta.get('author'));
  const articleAuthor = tidy(meta.get('article:author'));
  const authors =
    facts.authors.length > 0
      ? facts.authors
      : [metaAuthor ?? articleAuthor].filter((a) => a !== undefined);
  const result: HtmlMetadata = {
    title: tidy(meta.get('og:title')) ?? tidy(title) ?? tidy(facts.headline),
    url: tidy(canonical) ?? tidy(meta.get('og:url')),
    published: parseDate(facts.published) ?? fromMeta(PUBLISHED_META) ?? parseDate(firstTime),
    updated: parseDate(facts.updated) ?? fromMeta(UPDATED_META),
    authors: authors.filter((a) => !/^https?:\/\//.test(a)).map((a) => a.trim()),
    source: tidy(meta.get('og:site_name')) ?? tidy(facts.publisher),
    language:
      tidy(language) ??
      tidy(meta.get('content-language')) ??
      localeToTag(tidy(meta.get('og:locale'))),
  };
  return Object.fromEntries(
    Object.entries(result).filter(([, v]) => v !== undefined),
  ) as unknown as HtmlMetadata;
};
