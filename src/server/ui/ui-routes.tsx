import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { jsxRenderer } from 'hono/jsx-renderer';
import { parseQuery } from '../../search/index.js';
import { articleView } from '../../services/article-view.js';
import { entityIndex } from '../../services/entity-index-view.js';
import { entityView } from '../../services/entity-view.js';
import { toGexf } from '../../services/gexf.js';
import { overviewView } from '../../services/overview-view.js';
import { relationGraph } from '../../services/relation-graph.js';
import { csvHeader, csvRow, jsonLine, searchHits, searchView } from '../../services/search-view.js';
import { SourceNames } from '../../services/source-names.js';
import { storyDetail } from '../../services/story-views.js';
import { pageStories } from '../../stories/story-listing.js';
import type { ArticleStore, SearchSort } from '../../store/port.js';
import type { AuthOptions } from '../auth.js';
import { serveUiAsset } from './assets.js';
import { Layout } from './components/layout.js';
import { addGraphSection, graphSections } from './graph-sections.js';
import { ArticlePage } from './pages/article-page.js';
import { EntitiesPage } from './pages/entities-page.js';
import { EntityPage } from './pages/entity-page.js';
import { GraphPage } from './pages/graph-page.js';
import { MessagePage, TokenPage } from './pages/message-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { SearchPage } from './pages/search-page.js';
import { StoriesPage, StoryPage } from './pages/story-pages.js';
import { graphFilterFrom, relationsSection } from './relations-section.js';
import { searchHref } from './hrefs.js';
import { rememberToken, safeNext, uiAccess } from './ui-access.js';
import { addLedgerUiRoutes } from './ledger/ledger-ui-routes.js';

addGraphSection(relationsSection);

/** Paths rendered as pages (they get the doctype renderer). */
export const UI_PAGES = [
  '/',
  '/search',
  '/articles/:id',
  '/entities',
  '/entities/:id',
  '/stories',
  '/stories/:id',
  '/graph',
] as const;

const SORTS = new Set<SearchSort>(['relevance', 'newest', 'oldest']);
const LAST_VISIT = 'sitrep_last_visit';
const MAX_Q = 2000;
const PAGE = 20;
const DATE_PREFIX = /^\d{4}-\d{2}(-\d{2})?$/;

interface PageOptions {
  readonly title: string;
  readonly q?: string;
  readonly bundles?: readonly string[];
  readonly status?: 200 | 400 | 401 | 404 | 501;
}

/** Adds the doctype (hono's renderer writes it, so no markup lives in a string here). */
const withDoctype = jsxRenderer(({ children }) => <>{children}</>, { docType: true });

const page = async (c: Context, options: PageOptions, body: Child): Promise<Response> => {
  c.header('Cache-Control', 'no-store');
  c.status(options.status ?? 200);
  return c.render(
    <Layout title={options.title} path={c.req.path} q={options.q} bundles={options.bundles}>
      {body}
    </Layout>,
  );
};

const notFound = (c: Context, what: string) =>
  page(c, { title: 'Not found', status: 404 }, <MessagePage title="Not found" message={what} />);

const text = (value: string | undefined, max = 500): string => (value ?? '').slice(0, max);

const sourceNames = async (store: ArticleStore): Promise<SourceNames> =>
  new SourceNames(await store.listFeeds());

/** The server-rendered pages. Each reads through src/services and renders TSX (escaped by default). */
export const addUiRoutes = (app: Hono, store: ArticleStore, auth: AuthOptions): void => {
  const guarded =
    (title: string, handler: (c: Context) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const access = await uiAccess(c, store, auth);
      if (!access.ok)
        return page(
          c,
          { title, status: 401 },
          <TokenPage next={c.req.path + new URL(c.req.url).search} message={access.message} />,
        );
      return handler(c);
    };
  for (const path of UI_PAGES) app.use(path, withDoctype);

  app.post('/ui/session', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form['token'] === 'string' ? form['token'].trim() : '';
    if (token) rememberToken(c, token);
    return c.redirect(safeNext(form['next']), 303);
  });

  app.get(
    '/',
    guarded('Overview', async (c) => {
      const since = getCookie(c, LAST_VISIT);
      const [view, names] = await Promise.all([
        overviewView(store, since && /^\d{4}-\d{2}-\d{2}T/.test(since) ? since : undefined),
        sourceNames(store),
      ]);
      setCookie(c, LAST_VISIT, new Date().toISOString(), {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: 60 * 60 * 24 * 365,
      });
      return page(c, { title: 'Overview' }, <OverviewPage view={view} names={names} />);
    }),
  );

  app.get(
    '/search',
    guarded('Search', async (c) => {
      const q = text(c.req.query('q'), MAX_Q);
      const sortParam = c.req.query('sort') as SearchSort | undefined;
      const sort = sortParam && SORTS.has(sortParam) ? sortParam : undefined;
      const copies = c.req.query('copies') === 'show' ? 'show' : 'collapse';
      const cursor = c.req.query('cursor') || undefined;
      // The date-range form (and the chart's brush) sends months; they become query filters.
      const range = ['after', 'before']
        .map((field) => [field, c.req.query(field) ?? ''] as const)
        .filter(([, value]) => DATE_PREFIX.test(value))
        .map(([field, value]) => `${field}:${value}`);
      if (range.length > 0)
        return c.redirect(
          searchHref([q, ...range].filter(Boolean).join(' '), {
            sort,
            copies: copies === 'show' ? 'show' : undefined,
          }),
          303,
        );
      const [view, names] = await Promise.all([
        searchView(store, {
          q,
          limit: PAGE,
          collapseCopies: copies === 'collapse',
          ...(sort ? { sort } : {}),
          ...(cursor ? { cursor } : {}),
        }),
        sourceNames(store),
      ]);
      return page(
        c,
        { title: q || 'Search', q, status: view.ok ? 200 : 400 },
        <SearchPage q={q} sort={sort} copies={copies} cursor={cursor} view={view} names={names} />,
      );
    }),
  );

  app.get(
    '/search/export',
    guarded('Export', async (c) => {
      const parsed = parseQuery(text(c.req.query('q'), MAX_Q));
      if (!parsed.ok)
        return page(
          c,
          { title: 'Query error', status: 400 },
          <MessagePage title="The query could not be read" message={parsed.error.message} />,
        );
      const format = c.req.query('format') === 'jsonl' ? 'jsonl' : 'csv';
      const sortParam = c.req.query('sort') as SearchSort | undefined;
      const sort = sortParam && SORTS.has(sortParam) ? sortParam : undefined;
      const hits = searchHits(store, parsed.value, {
        collapseCopies: c.req.query('copies') !== 'show',
        ...(sort ? { sort } : {}),
      });
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          if (format === 'csv') controller.enqueue(encoder.encode(csvHeader()));
          for await (const hit of hits)
            controller.enqueue(encoder.encode(format === 'csv' ? csvRow(hit) : jsonLine(hit)));
          controller.close();
        },
      });
      c.header(
        'Content-Type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      );
      c.header('Content-Disposition', `attachment; filename="sitrep-search.${format}"`);
      return c.body(body);
    }),
  );

  app.get(
    '/articles/:id',
    guarded('Article', async (c) => {
      const id = text(c.req.param('id'), 200);
      const q = c.req.query('q') ? text(c.req.query('q'), MAX_Q) : undefined;
      const parsed = q ? parseQuery(q) : undefined;
      const at = /^(\d{1,9})-(\d{1,9})$/.exec(c.req.query('at') ?? '');
      const [view, names] = await Promise.all([articleView(store, id), sourceNames(store)]);
      if (!view) return notFound(c, `No article with id "${id}".`);
      return page(
        c,
        { title: view.article.title || '(untitled)', ...(q ? { q } : {}) },
        <ArticlePage
          view={view}
          query={parsed?.ok ? parsed.value : undefined}
          q={q}
          at={at ? { start: Number(at[1]), end: Number(at[2]) } : undefined}
          names={names}
        />,
      );
    }),
  );

  app.get(
    '/entities',
    guarded('Entities', async (c) => {
      const type = text(c.req.query('type'), 40).toUpperCase();
      const prefix = text(c.req.query('prefix'), 200);
      const items = await entityIndex(store, {
        limit: type ? 100 : 300,
        ...(type ? { type } : {}),
        ...(prefix ? { prefix } : {}),
      });
      return page(
        c,
        { title: 'Entities' },
        <EntitiesPage items={items} type={type} prefix={prefix} />,
      );
    }),
  );

  app.get(
    '/entities/:id',
    guarded('Entity', async (c) => {
      const id = text(c.req.param('id'), 200);
      const view = await entityView(store, id, 20);
      if (!view) return notFound(c, `No entity with id or name "${id}".`);
      return page(c, { title: view.entity.name, bundles: ['graph'] }, <EntityPage view={view} />);
    }),
  );

  app.get(
    '/stories',
    guarded('Stories', async (c) => {
      if (!store.stories)
        return page(
          c,
          { title: 'Stories', status: 501 },
          <MessagePage
            title="No stories"
            message={`The ${store.backend} store keeps no story index.`}
          />,
        );
      const q = text(c.req.query('q'), 200);
      const several = c.req.query('several') === '1';
      const cursor = c.req.query('cursor') || undefined;
      const [result, names] = await Promise.all([
        pageStories(store.stories, {
          limit: PAGE,
          ...(q ? { titleContains: q } : {}),
          ...(several ? { minArticles: 2 } : {}),
          ...(cursor ? { cursor } : {}),
        }),
        sourceNames(store),
      ]);
      return page(
        c,
        { title: 'Stories' },
        <StoriesPage
          items={result.items}
          nextCursor={result.nextCursor}
          q={q}
          several={several}
          cursor={cursor}
          names={names}
        />,
      );
    }),
  );

  app.get(
    '/stories/:id',
    guarded('Story', async (c) => {
      if (!store.stories) return notFound(c, 'This store keeps no story index.');
      const id = text(c.req.param('id'), 200);
      const [detail, names] = await Promise.all([
        storyDetail(store, store.stories, id),
        sourceNames(store),
      ]);
      if (!detail) return notFound(c, `No story with id "${id}".`);
      return page(c, { title: detail.title }, <StoryPage s={detail} names={names} />);
    }),
  );

  app.get(
    '/graph',
    guarded('Graph', async (c) => {
      const sections = graphSections();
      const wanted = c.req.query('view') ?? '';
      const current = sections.find((s) => s.id === wanted) ?? sections[0];
      if (!current) return notFound(c, 'No graph view is registered.');
      const params = new URL(c.req.url).searchParams;
      const body = await current.render({ store, params });
      return page(
        c,
        { title: `Graph: ${current.label}`, bundles: current.bundles ?? [] },
        <GraphPage sections={sections} current={current} body={body} />,
      );
    }),
  );

  // The network canvas reads these (same origin, cookie access like the pages).
  app.get(
    '/graph.json',
    guarded('Graph', async (c) =>
      c.json(await relationGraph(store, graphFilterFrom(new URL(c.req.url).searchParams))),
    ),
  );
  app.get(
    '/graph.gexf',
    guarded('Graph', async (c) => {
      const graph = await relationGraph(store, graphFilterFrom(new URL(c.req.url).searchParams));
      c.header('Content-Type', 'application/gexf+xml; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="sitrep-graph.gexf"');
      return c.body(toGexf(graph, new Date().toISOString()));
    }),
  );

  addLedgerUiRoutes(app, store, auth);

  app.get('/ui/:file', (c) => serveUiAsset(c, c.req.param('file')));
  app.get('/favicon.svg', (c) => serveUiAsset(c, 'favicon.svg'));
  // Browsers ask for it on every page; an empty answer keeps the log free of 404s.
  app.get('/favicon.ico', (c) => c.body(null, 204));
};
