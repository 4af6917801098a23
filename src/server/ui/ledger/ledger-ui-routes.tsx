import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { jsxRenderer } from 'hono/jsx-renderer';
import type { ClaimGroup } from '../../../claims/compare-claims.js';
import { loadKnowledgeBase } from '../../../kb/load-knowledge-base.js';
import { dependencyNetwork } from '../../../services/dependency-network.js';
import {
  claimGroups,
  conflictView,
  dependencyGraph,
  exposureReport,
} from '../../../services/ledger-views.js';
import type { ArticleStore } from '../../../store/port.js';
import type { AuthOptions } from '../../auth.js';
import { Layout } from '../components/layout.js';
import { addGraphSection } from '../graph-sections.js';
import { addNavEntry } from '../nav-registry.js';
import { MessagePage, TokenPage } from '../pages/message-page.js';
import { uiAccess } from '../ui-access.js';
import { ClaimsPage, type ClaimsPageGroup } from './claims-page.js';
import { dependenciesSection, dependencyQueryFrom } from './dependencies-section.js';
import { ExposureForm, ExposurePage } from './exposure-page.js';

const GROUPS_PER_PAGE = 25;
const STATUS_ORDER = ['conflict', 'change over time', 'consistent', 'not comparable', 'single'];

/** Conflicts first, then the measures most claimed; stable, so a cursor (an offset) is stable too. */
const ordered = (groups: readonly ClaimGroup[]): ClaimGroup[] =>
  [...groups].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      b.claims.length - a.claims.length ||
      a.measure.localeCompare(b.measure),
  );

const text = (value: string | undefined, max: number): string => (value ?? '').trim().slice(0, max);

const withDoctype = jsxRenderer(({ children }) => <>{children}</>, { docType: true });

/**
 * The claim ledger's pages: /claims (conflicts side by side), /exposure (capability x supplier),
 * and the Graph page's "Dependencies" tab with its canvas data. They read through
 * src/services/ledger-views.ts like the JSON API.
 */
export const addLedgerUiRoutes = (app: Hono, store: ArticleStore, auth: AuthOptions): void => {
  addNavEntry({ href: '/claims', label: 'Claims', matches: ['/claims'] });
  addNavEntry({ href: '/exposure', label: 'Exposure', matches: ['/exposure'] });
  addGraphSection(dependenciesSection);

  const page = (
    c: Context,
    title: string,
    body: Child,
    status: 200 | 400 | 401 | 501 = 200,
  ): Promise<Response> | Response => {
    c.header('Cache-Control', 'no-store');
    c.status(status);
    return c.render(
      <Layout title={title} path={c.req.path}>
        {body}
      </Layout>,
    );
  };
  const guarded =
    (title: string, handler: (c: Context) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const access = await uiAccess(c, store, auth);
      if (!access.ok)
        return page(
          c,
          title,
          <TokenPage next={c.req.path + new URL(c.req.url).search} message={access.message} />,
          401,
        );
      if (!store.ledger)
        return page(
          c,
          title,
          <MessagePage
            title="No claim ledger"
            message={`The ${store.backend} store keeps no claim ledger.`}
          />,
          501,
        );
      return handler(c);
    };
  for (const path of ['/claims', '/exposure']) app.use(path, withDoctype);

  app.get(
    '/claims',
    guarded('Claims', async (c) => {
      const entity = text(c.req.query('entity'), 200);
      const conflictsOnly = ['1', 'true'].includes(c.req.query('conflicts') ?? '');
      const offset = Math.max(0, Number.parseInt(c.req.query('cursor') ?? '0', 10) || 0);
      const all = ordered(
        await claimGroups(store, { ...(entity ? { entity } : {}), conflictsOnly }),
      ).filter((g) => !conflictsOnly || g.status === 'conflict');
      const slice = all.slice(offset, offset + GROUPS_PER_PAGE);
      const groups: ClaimsPageGroup[] = [];
      for (const group of slice) {
        const conflicts = [];
        for (const pair of group.pairs)
          if (pair.verdict === 'conflict')
            conflicts.push({ view: await conflictView(store, pair), a: pair.a, b: pair.b });
        groups.push({ group, conflicts });
      }
      const next =
        offset + GROUPS_PER_PAGE < all.length ? String(offset + GROUPS_PER_PAGE) : undefined;
      return page(
        c,
        'Claims',
        <ClaimsPage
          entity={entity}
          conflictsOnly={conflictsOnly}
          groups={groups}
          total={all.length}
          cursor={offset > 0 ? String(offset) : undefined}
          nextCursor={next}
        />,
      );
    }),
  );

  app.get(
    '/exposure',
    guarded('Exposure', async (c) => {
      const country = text(c.req.query('country'), 200);
      const supplier = text(c.req.query('supplier'), 200);
      if (!country)
        return page(
          c,
          'Exposure',
          <>
            <h1>Exposure</h1>
            <p>Which systems a country relies on, by capability and supplier, with the evidence.</p>
            <ExposureForm country="" supplier="" />
          </>,
        );
      const report = await exposureReport(
        store,
        loadKnowledgeBase(),
        country,
        supplier || undefined,
      );
      return page(
        c,
        `Exposure: ${report.country.name}`,
        <ExposurePage report={report} supplier={supplier} />,
      );
    }),
  );

  // The Dependencies tab's canvas reads this (same origin, cookie access like the pages).
  app.get(
    '/graph/dependencies.json',
    guarded('Graph', async (c) =>
      c.json(
        dependencyNetwork(
          await dependencyGraph(
            store,
            loadKnowledgeBase(),
            dependencyQueryFrom(new URL(c.req.url).searchParams),
          ),
        ),
      ),
    ),
  );
};
