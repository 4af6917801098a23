import type { Hono, MiddlewareHandler } from 'hono';
import { scanEntityStories } from '../../services/entity-stories.js';
import { storyDetail } from '../../services/story-views.js';
import type { StoryIndex } from '../../stories/story-index.js';
import { pageStories } from '../../stories/story-listing.js';
import type { ArticleStore } from '../../store/port.js';
import { storyIdSchema, storyListParamsSchema } from '../api-schemas.js';
import { definedOptions } from '../defined-options.js';
import { HttpError } from '../http-error.js';
import { storyLinks } from '../story-links.js';
import { validate } from '../validate.js';

/** The story index, or a 501 saying this backend has none (the index is optional on the port). */
export const requireStoryIndex = (store: ArticleStore): StoryIndex => {
  if (store.stories) return store.stories;
  throw new HttpError(
    501,
    'NOT_SUPPORTED_BY_BACKEND',
    `the ${store.backend} store has no story index yet: stories are not available`,
  );
};

/** Stories (articles about one event across days and sources) and one story's timeline. */
export const addStoryRoutes = (app: Hono, read: MiddlewareHandler, store: ArticleStore): void => {
  app.get('/api/stories', read, async (c) => {
    const p = validate(storyListParamsSchema, c.req.query(), 'query parameters');
    const index = requireStoryIndex(store);
    const scan = p.entity ? await scanEntityStories(store, index, p.entity) : undefined;
    const page = await pageStories(index, {
      limit: p.limit,
      ...definedOptions({ cursor: p.cursor, titleContains: p.q, minArticles: p.min_articles }),
      ...(scan ? { storyIds: new Set(scan.articlesByStory.keys()) } : {}),
    });
    return c.json({
      items: page.items.map((story) => ({ ...story, links: storyLinks(story.id) })),
      next_cursor: page.nextCursor ?? null,
      ...(scan
        ? {
            entity_scan: {
              articles_scanned: scan.articlesScanned,
              articles_total: scan.articlesTotal,
            },
          }
        : {}),
    });
  });

  app.get('/api/stories/:id', read, async (c) => {
    const id = validate(storyIdSchema, c.req.param('id'), 'story id');
    const detail = await storyDetail(store, requireStoryIndex(store), id);
    if (!detail) throw new HttpError(404, 'NOT_FOUND', `no story with id "${id}"`);
    return c.json({ ...detail, links: storyLinks(id) });
  });
};
