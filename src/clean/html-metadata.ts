import type { HtmlElement, PageHead, PageLandmarks } from './html-tree.js';
import { textOf } from './html-tree.js';
import { readJsonLd } from './json-ld.js';

/**
 * Article metadata from what the page declares: JSON-LD first, then OpenGraph/article:* and
 * common meta names, then the visible <h1>/<time>. Order checked on fundus-news-html (258 pages:
 * title exact match, author set, same-day date), see bench/extract.ts.
 */
export const METADATA_VERSION = 'html-metadata-1';

export interface PageMetadata {
  readonly title?: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  readonly site?: string;
  readonly language?: string;
  readonly canonicalUrl?: string;
  readonly section?: string;
  readonly tags: readonly string[];
  readonly leadImage?: string;
}

const first = (head: PageHead, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    for (const v of head.meta.get(key) ?? []) {
      const t = v.trim();
      if (t !== '') return t;
    }
  }
  return undefined;
};

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

const TITLE_SEPARATOR = /\s+[|\u2013\u2014\-\u00b7:]\s+/g;

const sameName = (a: string, b: string): boolean => {
  const x = a.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const y = b.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

/** "Headline - Site" / "Site | Headline": drop the segment that names the site. */
const withoutSiteSuffix = (title: string, site: string | undefined): string => {
  if (site === undefined) return title;
  const seps = [...title.matchAll(TITLE_SEPARATOR)];
  const last = seps[seps.length - 1];
  if (last?.index !== undefined && sameName(title.slice(last.index + last[0].length), site)) {
    return title.slice(0, last.index);
  }
  const firstSep = seps[0];
  if (firstSep?.index !== undefined && sameName(title.slice(0, firstSep.index), site)) {
    return title.slice(firstSep.index + firstSep[0].length);
  }
  return title;
};

/** ISO 8601 as stated when it already is; other date strings converted when Date can read them. */
export const toIsoDate = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.replace(' ', 'T');
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

const URLISH = /^(https?:)?\/\//i;

/** Author strings name people; URLs, handles and e-mail-only values are not names. */
const authorNames = (values: readonly string[]): string[] => {
  const out: string[] = [];
  for (const raw of values) {
    if (URLISH.test(raw)) continue;
    for (const part of raw.split(/\s*(?:,|;|\band\b|\bund\b|\bog\b|\by\b|\bet\b|&|\/)\s*/i)) {
      // Leading "By"/"Von" and a trailing Korean/Japanese "reporter" title are not part of the name.
      const name = clean(
        part.replace(/^(by|von|por|par|di|door|door:)\s+/i, '').replace(/\s*(기자|記者)$/, ''),
      );
      if (name === '' || name.length > 60 || /@|^\d/.test(name)) continue;
      if (!out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
    }
  }
  return out;
};

const findFirst = (
  root: HtmlElement,
  match: (el: HtmlElement) => boolean,
): HtmlElement | undefined => {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (match(el)) return el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child !== undefined && typeof child !== 'string') stack.push(child);
    }
  }
  return undefined;
};

/** Visible bylines marked up for machines: itemprop="author" and rel="author" links. */
const bylineNames = (bylines: readonly HtmlElement[]): string[] => {
  const names: string[] = [];
  for (const el of bylines.slice(0, 10)) {
    // A nested byline (rel=author inside itemprop=author) is the same name twice.
    if (bylines.some((other) => other !== el && isInside(el, other))) continue;
    const nameEl = findFirst(el, (e) => e.attrs['itemprop'] === 'name');
    const name = clean(nameEl ? (nameEl.attrs['content'] ?? textOf(nameEl)) : textOf(el));
    if (name !== '') names.push(name);
  }
  return names;
};

const isInside = (el: HtmlElement, ancestor: HtmlElement): boolean => {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
};

export const readMetadata = (head: PageHead, landmarks: PageLandmarks): PageMetadata => {
  const ld = readJsonLd(head.jsonLd);
  const site = first(head, 'og:site_name', 'application-name', 'twitter:site') ?? ld?.publisher;
  const h1 = landmarks.firstH1;
  const h1Text = h1 ? clean(textOf(h1)) : undefined;
  const declared =
    first(head, 'og:title', 'twitter:title', 'title', 'headline') ?? ld?.headline ?? head.title;
  let title: string | undefined;
  // The visible <h1> is the headline when the declared title is that headline plus decoration.
  if (
    h1Text !== undefined &&
    h1Text !== '' &&
    declared !== undefined &&
    clean(declared).toLowerCase().includes(h1Text.toLowerCase())
  ) {
    title = h1Text;
  } else if (declared !== undefined) {
    title = withoutSiteSuffix(clean(declared), site);
  } else if (h1Text !== undefined && h1Text !== '') title = h1Text;

  const metaAuthors = [
    ...(head.meta.get('author') ?? []),
    ...(head.meta.get('article:author') ?? []),
    ...(head.meta.get('parsely-author') ?? []),
    ...(head.meta.get('sailthru.author') ?? []),
    ...(head.meta.get('dc.creator') ?? []),
  ];
  const declaredAuthors = ld && ld.authors.length > 0 ? ld.authors : metaAuthors;
  const authors = authorNames(
    declaredAuthors.length > 0 ? declaredAuthors : bylineNames(landmarks.bylines),
  ).filter((a) => site === undefined || a.toLowerCase() !== site.toLowerCase());

  const timeEl = landmarks.firstTime;
  const published = toIsoDate(
    ld?.published ??
      first(
        head,
        'article:published_time',
        'datepublished',
        'og:published_time',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'parsely-pub-date',
        'sailthru.date',
      ) ??
      timeEl?.attrs['datetime'],
  );
  const modified = toIsoDate(
    ld?.modified ??
      first(head, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'),
  );

  const canonical = head.links.get('canonical')?.[0] ?? first(head, 'og:url');
  const language =
    head.lang ?? first(head, 'og:locale', 'content-language', 'language', 'dc.language');
  const section = ld?.section ?? first(head, 'article:section', 'section', 'parsely-section');
  const tagValues = [...(head.meta.get('article:tag') ?? [])];
  const tags =
    tagValues.length > 0
      ? tagValues
      : ld && ld.keywords.length > 0
        ? [...ld.keywords]
        : (first(head, 'keywords', 'news_keywords')?.split(',') ?? []);
  const leadImage =
    first(head, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? ld?.image;

  return {
    ...(title !== undefined && title !== '' ? { title } : {}),
    authors,
    ...(published !== undefined ? { published } : {}),
    ...(modified !== undefined ? { modified } : {}),
    ...(site !== undefined ? { site: clean(site) } : {}),
    ...(language !== undefined ? { language: language.replace('_', '-') } : {}),
    ...(canonical !== undefined ? { canonicalUrl: canonical } : {}),
    ...(section !== undefined ? { section } : {}),
    tags: [...new Set(tags.map(clean).filter((t) => t !== ''))],
    ...(leadImage !== undefined ? { leadImage } : {}),
  };
};
