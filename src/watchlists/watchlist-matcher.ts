import type { Article } from '../core/article.js';
import { AppError } from '../core/errors.js';
import type { ArticleEnrichment } from '../core/enrichment.js';
import { evaluateAst, parseQuery, type QueryAst, type SearchDocument } from '../search/index.js';
import type { WatchConditions, WatchlistRecord } from '../store/watchlists-port.js';

/** Why an article matched: what the alert shows beside the title. */
export interface WatchMatch {
  /** Names of the asked-for entities found, then the article's most mentioned ones. */
  readonly entities: readonly string[];
}

export interface CompiledWatchlist {
  readonly watchlist: WatchlistRecord;
  readonly ast: QueryAst;
  /** Undefined when the article does not match. */
  match(article: Article, enrichment: ArticleEnrichment | undefined): WatchMatch | undefined;
}

const same = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.toLowerCase() === b.toLowerCase();

const searchDocument = (
  article: Article,
  enrichment: ArticleEnrichment | undefined,
): SearchDocument => ({
  text: article.text,
  ...(article.title !== undefined ? { title: article.title } : {}),
  ...(article.source !== undefined ? { source: article.source } : {}),
  ...(article.language !== undefined ? { lang: article.language } : {}),
  ...(article.published !== undefined ? { published: article.published } : {}),
  entities: (enrichment?.entities ?? []).map((e) => ({ name: e.name, type: e.type, id: e.id })),
  countries: (enrichment?.countries ?? []).map((c) => c.code),
});

/** Checks the enrichment conditions; returns the names of the entities they asked for. */
const conditionsHold = (
  conditions: WatchConditions,
  enrichment: ArticleEnrichment | undefined,
): string[] | undefined => {
  const entities = enrichment?.entities ?? [];
  const found: string[] = [];
  for (const wanted of conditions.entities ?? []) {
    const hit = entities.find((e) => same(e.id, wanted) || same(e.name, wanted));
    if (!hit) return undefined;
    found.push(hit.name);
  }
  if (conditions.relation) {
    const { predicate, object } = conditions.relation;
    const hit = (enrichment?.relations ?? []).find(
      (r) =>
        !r.negated &&
        same(r.predicate, predicate) &&
        (object === undefined || same(r.objectId, object) || same(r.objectName, object)),
    );
    if (!hit) return undefined;
    found.push(hit.subjectName, hit.objectName);
  }
  if (conditions.figureAbove) {
    const { kind, unit, value } = conditions.figureAbove;
    const hit = (enrichment?.figures ?? []).some(
      (f) =>
        f.value > value &&
        (kind === undefined || same(f.kind, kind)) &&
        (unit === undefined || same(f.unit, unit)),
    );
    if (!hit) return undefined;
  }
  return found;
};

/** The article's most mentioned entities, for an alert's "matching entities" line. */
const topEntities = (enrichment: ArticleEnrichment | undefined, limit: number): string[] => {
  const counts = new Map<string, number>();
  for (const e of enrichment?.entities ?? []) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
};

/** The watchlist's query as an AST; a syntax error names the position. */
export const parseWatchQuery = (query: string): QueryAst => {
  const parsed = parseQuery(query);
  if (!parsed.ok)
    throw new AppError(
      'QUERY_SYNTAX',
      `watchlist query: ${parsed.error.message} (at character ${parsed.error.position + 1} of "${query}")`,
    );
  return parsed.value;
};

/**
 * A watchlist ready to test articles one at a time: its query parsed once and evaluated by the
 * search language's own AST evaluator (the reference both backends' search agrees with), then the
 * enrichment conditions.
 */
export const compileWatchlist = (watchlist: WatchlistRecord): CompiledWatchlist => {
  const ast = parseWatchQuery(watchlist.query);
  return {
    watchlist,
    ast,
    match(article, enrichment) {
      if (!evaluateAst(ast, searchDocument(article, enrichment))) return undefined;
      const asked = conditionsHold(watchlist.conditions, enrichment);
      if (!asked) return undefined;
      const entities = [...new Set([...asked, ...topEntities(enrichment, 5)])].slice(0, 8);
      return { entities };
    },
  };
};
