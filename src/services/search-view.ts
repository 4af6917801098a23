import { describeQuery, parseQuery, type QueryAst } from '../search/index.js';
import type { StorySummary } from '../stories/story-listing.js';
import type { ArticleStore, SearchResult, SearchSort, TextHit } from '../store/port.js';
import { storiesOfArticles } from './story-views.js';

export interface SearchRequestView {
  readonly q: string;
  readonly sort?: SearchSort;
  readonly collapseCopies: boolean;
  readonly cursor?: string;
  readonly limit: number;
}

export type SearchView =
  | { readonly ok: false; readonly message: string; readonly position: number }
  | {
      readonly ok: true;
      readonly query: QueryAst;
      readonly description: string;
      readonly result: SearchResult;
      readonly stories: ReadonlyMap<string, StorySummary>;
    };

/** One page of hits with facets and each hit's story; a query that does not parse says where. */
export const searchView = async (
  store: ArticleStore,
  request: SearchRequestView,
): Promise<SearchView> => {
  const parsed = parseQuery(request.q);
  if (!parsed.ok)
    return { ok: false, message: parsed.error.message, position: parsed.error.position };
  const result = await store.searchArticles({
    query: parsed.value,
    limit: request.limit,
    facets: true,
    collapseCopies: request.collapseCopies,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.sort ? { sort: request.sort } : {}),
  });
  const stories = store.stories
    ? await storiesOfArticles(
        store.stories,
        result.hits.map((h) => h.id),
      )
    : new Map<string, StorySummary>();
  return {
    ok: true,
    query: parsed.value,
    description: describeQuery(parsed.value),
    result,
    stories,
  };
};

/** Exports stop here: a result set is for reading elsewhere, not for copying the archive. */
export const MAX_EXPORTED_HITS = 10_000;
const EXPORT_PAGE = 500;

/** Every hit of a query (up to MAX_EXPORTED_HITS), page after page, in the chosen order. */
export async function* searchHits(
  store: ArticleStore,
  query: QueryAst,
  options: { sort?: SearchSort; collapseCopies: boolean },
): AsyncGenerator<TextHit> {
  let cursor: string | undefined;
  let sent = 0;
  for (;;) {
    const page = await store.searchArticles({
      query,
      limit: Math.min(EXPORT_PAGE, MAX_EXPORTED_HITS - sent),
      collapseCopies: options.collapseCopies,
      ...(options.sort ? { sort: options.sort } : {}),
      ...(cursor ? { cursor } : {}),
    });
    for (const hit of page.hits) {
      yield hit;
      if (++sent >= MAX_EXPORTED_HITS) return;
    }
    if (!page.nextCursor || page.hits.length === 0) return;
    cursor = page.nextCursor;
  }
}

const CSV_COLUMNS = ['id', 'title', 'source', 'published', 'score', 'copies', 'snippet'] as const;

/** A spreadsheet opening the file must not run a cell as a formula (CSV injection). */
const csvCell = (value: unknown): string => {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;

export const csvRow = (hit: TextHit): string =>
  `${CSV_COLUMNS.map((column) => csvCell(hit[column])).join(',')}\r\n`;

export const jsonLine = (hit: TextHit): string => `${JSON.stringify(hit)}\n`;
