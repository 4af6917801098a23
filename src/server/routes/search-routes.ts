import type { Hono, MiddlewareHandler } from 'hono';
import { describeQuery, extractHighlightTerms, parseQuery } from '../../search/index.js';
import { storiesOfArticles } from '../../services/story-views.js';
import type { ArticleStore } from '../../store/port.js';
import { searchParamsSchema } from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import { markSnippet } from '../snippet-highlights.js';
import { validate } from '../validate.js';

/** `GET /api/search`: the query language in, ranked hits with highlighted snippets and facets out. */
export const addSearchRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/search', read, async (c) => {
    const params = validate(searchParamsSchema, c.req.query(), 'query parameters');
    const parsed = parseQuery(params.q);
    if (!parsed.ok) throw new HttpError(400, 'QUERY_SYNTAX', parsed.error.message);
    const result = await store.searchArticles({
      query: parsed.value,
      limit: params.limit,
      facets: true,
      collapseCopies: params.copies === 'collapse',
      ...(params.cursor ? { cursor: params.cursor } : {}),
      ...(params.sort ? { sort: params.sort } : {}),
    });
    const terms = extractHighlightTerms(parsed.value);
    const stories = store.stories
      ? await storiesOfArticles(
          store.stories,
          result.hits.map((hit) => hit.id),
        )
      : new Map<string, { id: string; title: string; article_count: number }>();
    return c.json({
      query: params.q,
      description: describeQuery(parsed.value),
      total: result.total,
      // Bounds on very broad queries (src/store/search-bounds.ts), said rather than hidden.
      total_is_estimate: result.totalIsEstimate === true,
      facets_sampled: result.facetsSampled ?? null,
      matches_considered: result.matchesConsidered ?? null,
      hits: result.hits.map((hit) => {
        const marked = markSnippet(hit.snippet, terms);
        const story = stories.get(hit.id);
        return {
          ...hit,
          snippet_text: marked.text,
          highlights: marked.highlights,
          story: story
            ? { id: story.id, title: story.title, article_count: story.article_count }
            : null,
        };
      }),
      facets: result.facets ?? {},
      next_cursor: result.nextCursor ?? null,
    });
  });
};
