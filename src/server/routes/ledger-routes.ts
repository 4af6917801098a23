import type { Hono, MiddlewareHandler } from 'hono';
import { claimsToCsv, claimsToJsonl } from '../../claims/claim-export.js';
import { exportGraph, type GraphFormat } from '../../dependencies/graph-export.js';
import type { KnowledgeBase } from '../../kb/kb-types.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import {
  claimGroups,
  conflictsOf,
  dependencyGraph,
  exposureReport,
} from '../../services/ledger-views.js';
import type { ArticleStore } from '../../store/port.js';
import { definedOptions as defined } from '../defined-options.js';
import { HttpError } from '../http-error.js';
import { validate } from '../validate.js';
import {
  claimsParamsSchema,
  conflictsParamsSchema,
  exposureParamsSchema,
  graphParamsSchema,
} from './ledger-schemas.js';

const MEDIA: Record<GraphFormat | 'claims-csv' | 'claims-jsonl', string> = {
  json: 'application/json',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  'claims-csv': 'text/csv; charset=utf-8',
  'claims-jsonl': 'application/x-ndjson; charset=utf-8',
};

/**
 * The claim ledger (claims grouped by measure, conflicts side by side), the dependency graph (JSON,
 * GEXF, GraphML, CSV, JSONL) and exposure reports; every line carries its evidence and reasons.
 */
export const addLedgerRoutes = (
  app: Hono,
  read: MiddlewareHandler,
  store: ArticleStore,
  kb: () => KnowledgeBase = () => loadKnowledgeBase(),
): void => {
  const requireLedger = (): void => {
    if (!store.ledger)
      throw new HttpError(
        501,
        'NOT_SUPPORTED_BY_BACKEND',
        `the ${store.backend} store keeps no claim ledger`,
      );
  };

  app.get('/api/claims', read, async (c) => {
    const p = validate(claimsParamsSchema, c.req.query(), 'query parameters');
    requireLedger();
    const groups = await claimGroups(
      store,
      defined({ entity: p.entity, conflictsOnly: p.conflicts }),
    );
    const shown = p.conflicts ? groups.filter((g) => g.status === 'conflict') : groups;
    if (p.format === 'json') return c.json({ groups: shown });
    const claims = shown.flatMap((g) => g.claims);
    return c.body(p.format === 'csv' ? claimsToCsv(claims) : claimsToJsonl(claims), 200, {
      'content-type': MEDIA[`claims-${p.format}`],
    });
  });

  app.get('/api/claims/conflicts', read, async (c) => {
    const p = validate(conflictsParamsSchema, c.req.query(), 'query parameters');
    requireLedger();
    return c.json({ conflicts: await conflictsOf(store, defined({ entity: p.entity })) });
  });

  app.get('/api/graph', read, async (c) => {
    const p = validate(graphParamsSchema, c.req.query(), 'query parameters');
    requireLedger();
    const graph = await dependencyGraph(
      store,
      kb(),
      defined({ node: p.node, capability: p.capability, status: p.status, from: p.from, to: p.to }),
    );
    const headers: Record<string, string> = { 'content-type': MEDIA[p.format] };
    if (p.format !== 'json')
      headers['content-disposition'] = `attachment; filename="sitrep-graph.${p.format}"`;
    return c.body(exportGraph(graph, p.format), 200, headers);
  });

  app.get('/api/exposure/:country', read, async (c) => {
    const p = validate(exposureParamsSchema, c.req.query(), 'query parameters');
    requireLedger();
    return c.json(await exposureReport(store, kb(), c.req.param('country'), p.supplier));
  });
};
