/**
 * The schema.org facts a page states in JSON-LD about its article: the most reliable metadata a
 * news page carries (fundus-news-html: present on most pages, and what publishers' own apps read).
 */
export interface JsonLdArticle {
  readonly headline?: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly modified?: string;
  readonly publisher?: string;
  readonly section?: string;
  readonly keywords: readonly string[];
  readonly image?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPE = /article|posting|report|newsarticle|blogposting|webpage/i;

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens @graph and arrays into the list of typed nodes. */
const nodesOf = (value: Json, out: { [key: string]: Json }[]): void => {
  if (Array.isArray(value)) for (const v of value) nodesOf(v, out);
  else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph !== undefined) nodesOf(graph, out);
  }
};

const typesOf = (node: { [key: string]: Json }): string => {
  const t = node['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
};

const stringOf = (v: Json | undefined): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (Array.isArray(v)) return stringOf(v[0]);
  if (isObject(v)) return stringOf(v['name'] ?? v['url'] ?? v['@id']);
  return undefined;
};

const namesOf = (v: Json | undefined): string[] => {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap(namesOf);
  if (typeof v === 'string') return v.trim() === '' ? [] : [v.trim()];
  if (isObject(v)) {
    const name = v['name'];
    return typeof name === 'string' && name.trim() !== '' ? [name.trim()] : [];
  }
  return [];
};

const keywordsOf = (v: Json | undefined): string[] => {
  if (typeof v === 'string')
    return v
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
  if (Array.isArray(v)) return v.flatMap(keywordsOf);
  return [];
};

const parseLoosely = (text: string): Json | undefined => {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Some CMSs emit trailing commas or raw newlines inside strings; one repair attempt.
    try {
      return JSON.parse(text.replace(/,\s*([}\]])/g, '$1').replace(/[\n\r\t]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
};

export const readJsonLd = (scripts: readonly string[]): JsonLdArticle | undefined => {
  const nodes: { [key: string]: Json }[] = [];
  for (const script of scripts) {
    const value = parseLoosely(script.trim());
    if (value !== undefined) nodesOf(value, nodes);
  }
  // Prefer a node that is an article *and* has a headline or date over a bare WebPage.
  const ranked = nodes
    .filter((n) => ARTICLE_TYPE.test(typesOf(n)))
    .sort((a, b) => rank(b) - rank(a));
  const node = ranked[0];
  if (!node) return undefined;
  const image = stringOf(node['image'] ?? node['thumbnailUrl']);
  const headline = stringOf(node['headline'] ?? node['name']);
  const published = stringOf(node['datePublished'] ?? node['dateCreated']);
  const modified = stringOf(node['dateModified']);
  const publisher = stringOf(node['publisher']);
  const section = stringOf(node['articleSection']);
  return {
    ...(headline !== undefined ? { headline } : {}),
    authors: namesOf(node['author'] ?? node['creator']),
    ...(published !== undefined ? { published } : {}),
    ...(modified !== undefined ? { modified } : {}),
    ...(publisher !== undefined ? { publisher } : {}),
    ...(section !== undefined ? { section } : {}),
    keywords: keywordsOf(node['keywords']),
    ...(image !== undefined ? { image } : {}),
  };
};

const rank = (node: { [key: string]: Json }): number => {
  const type = typesOf(node);
  return (
    (/newsarticle|reportage|analysisnewsarticle/i.test(type) ? 4 : 0) +
    (/article|posting/i.test(type) ? 2 : 0) +
    (node['headline'] !== undefined ? 1 : 0) +
    (node['datePublished'] !== undefined ? 1 : 0)
  );
};
