import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import { skipUnlessShared } from '../shared-data.js';
import { createTestServer, type TestServer } from './test-server.js';
import { ingestSeeds } from '../seed-store.js';

const skip = skipUnlessShared('seeds');
let server: TestServer;

before(async () => {
  server = await createTestServer({ readsOpen: true });
  if (skip) return;
  await ingestSeeds(server.store);
});
after(() => server.close());

const get = (path: string) => server.app.request(path);

describe('ledger API on the seeds', { skip }, () => {
  test('GET /api/claims/conflicts gives the 52-vs-20 conflict with both sides and reasons', async () => {
    const response = await get('/api/claims/conflicts');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      conflicts: { a: { text: string }; b: { text: string }; reasons: string[] }[];
    };
    assert.deepEqual(
      body.conflicts.map((c) => [c.a.text, c.b.text]),
      [['at least 52 countries', '20 countries']],
    );
    assert.ok(body.conflicts[0]!.reasons.length > 0);
  });

  test('GET /api/claims groups claims and exports CSV', async () => {
    const groups = (await (await get('/api/claims')).json()) as { groups: { status: string }[] };
    assert.ok(groups.groups.some((g) => g.status === 'conflict'));
    const csv = await get('/api/claims?format=csv');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match((await csv.text()).split('\n')[0]!, /^article,start,end,text/);
  });

  test('GET /api/graph?format=gexf parses back with graphology-gexf, as many nodes and edges as the JSON', async () => {
    const view = (await (await get('/api/graph')).json()) as { nodes: unknown[]; edges: unknown[] };
    assert.ok(view.edges.length > 0);
    const parsed = gexf.parse(
      graphology.MultiDirectedGraph,
      await (await get('/api/graph?format=gexf')).text(),
    );
    assert.equal(parsed.order, view.nodes.length);
    assert.equal(parsed.size, view.edges.length);
  });

  test('GET /api/exposure/Canada lists the F-35 from the United States with evidence', async () => {
    const report = (await (await get('/api/exposure/Canada?supplier=United%20States')).json()) as {
      bySupplier: {
        supplier: { name: string };
        systems: { system: { name: string }; evidence: { text: string }[] }[];
      }[];
      exposed: { risk: string; system: { name: string } }[];
    };
    const us = report.bySupplier.find((s) => s.supplier.name === 'United States');
    assert.ok(
      us?.systems.some((s) => s.system.name === 'F-35' && /F-35/.test(s.evidence[0]!.text)),
    );
    assert.ok(report.exposed.some((e) => e.risk === 'deliveries' && e.system.name === 'F-35'));
  });

  test('bad parameters are a 400 naming the parameter', async () => {
    const response = await get('/api/graph?capability=cavalry');
    assert.equal(response.status, 400);
    assert.match(
      ((await response.json()) as { error: { message: string } }).error.message,
      /capability/,
    );
  });
});
