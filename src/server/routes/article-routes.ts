import type { Hono, MiddlewareHandler } from 'hono';
import type { Article, ArticleRevision } from '../../core/article.js';
import { articleSyndication } from '../../services/syndication-view.js';
import { storyOfArticle } from '../../services/story-views.js';
import type { ArticleStore } from '../../store/port.js';
import { parseQuery, type QueryAst } from '../../search/index.js';
import {
  articleMarks,
  summariseEntities,
  validFigures,
  validQuotes,
  validRelations,
} from '../article-marks.js';
import {
  articleIdSchema,
  articleParamsSchema,
  listParamsSchema,
  rawParamsSchema,
} from '../api-schemas.js';
import { HttpError } from '../http-error.js';
import { validate } from '../validate.js';
import { storyLinks } from '../story-links.js';

const summary = (article: Article) => ({
  id: article.id,
  title: article.title ?? null,
  source: article.source ?? null,
  published: article.published ?? null,
  language: article.language ?? null,
  url: article.url ?? null,
  format: article.format,
  revision: article.revision,
  ingestedAt: article.ingestedAt,
});

const revisionSummary = (revision: ArticleRevision) => ({
  revision: revision.revision,
  contentHash: revision.contentHash,
  title: revision.title ?? null,
  rawMediaType: revision.rawMediaType,
  provenance: revision.provenance,
  ingestedAt: revision.ingestedAt,
});

const parseOptionalQuery = (q: string | undefined): QueryAst | undefined => {
  if (q === undefined) return undefined;
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new HttpError(400, 'QUERY_SYNTAX', parsed.error.message);
  return parsed.value;
};

const findArticle = async (store: ArticleStore, rawId: string): Promise<Article> => {
  const id = validate(articleIdSchema, rawId, 'article id');
  const article = await store.getArticle(id);
  if (!article) throw new HttpError(404, 'NOT_FOUND', `no article with id "${id}"`);
  return article;
};

/** Browse, read one article with its revisions and provenance, and fetch its raw input. */
export const addArticleRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/articles', read, async (c) => {
    const params = validate(listParamsSchema, c.req.query(), 'query parameters');
    const page = await store.listArticles({
      limit: params.limit,
      ...(params.cursor ? { cursor: params.cursor } : {}),
    });
    return c.json({ items: page.items.map(summary), next_cursor: page.nextCursor ?? null });
  });

  app.get('/api/articles/:id', read, async (c) => {
    const article = await findArticle(store, c.req.param('id'));
    const params = validate(articleParamsSchema, c.req.query(), 'query parameters');
    const query = parseOptionalQuery(params.q);
    const [revisions, enrichment, syndication, story] = await Promise.all([
      store.listRevisions(article.id),
      store.getEnrichment(article.id),
      store.nearDuplicates
        ? articleSyndication(store, store.nearDuplicates, article.id)
        : undefined,
      store.stories ? storyOfArticle(store.stories, article.id) : undefined,
    ]);
    return c.json({
      article,
      highlights: articleMarks(article.text, query, enrichment),
      entities: summariseEntities(enrichment),
      countries: enrichment?.countries ?? [],
      figures: validFigures(article.text, enrichment),
      quotes: validQuotes(article.text, enrichment),
      relations: validRelations(article.text, enrichment),
      enrichment_version: enrichment?.version ?? null,
      revisions: revisions.map(revisionSummary),
      // null when the store keeps no such index (both are optional on the port) or has not decided this article.
      syndication: syndication ?? null,
      story: story ? { ...story, links: storyLinks(story.id) } : null,
      links: { raw: `/api/articles/${article.id}/raw`, page: `/articles/${article.id}` },
    });
  });

  app.get('/api/articles/:id/raw', read, async (c) => {
    const article = await findArticle(store, c.req.param('id'));
    const params = validate(rawParamsSchema, c.req.query(), 'query parameters');
    const wanted = params.revision ?? article.revision;
    const revision = (await store.listRevisions(article.id)).find((r) => r.revision === wanted);
    if (!revision) {
      throw new HttpError(404, 'NOT_FOUND', `article "${article.id}" has no revision ${wanted}`);
    }
    // Raw input is untrusted (often HTML): always served as plain text, in a sandbox, never rendered.
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Content-Security-Policy', "sandbox; default-src 'none'");
    c.header('X-Raw-Media-Type', revision.rawMediaType);
    c.header('X-Revision', String(revision.revision));
    return c.body(revision.raw);
  });
};
