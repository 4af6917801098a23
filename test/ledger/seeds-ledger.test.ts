import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import graphology from 'graphology';
import { CLAIMS_VERSION } from '../../src/claims/claim.js';
import { exportGraph } from '../../src/dependencies/graph-export.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { loadEnricher } from '../../src/pipeline/enricher.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { rebuildLedger } from '../../src/services/ledger-update.js';
import { claimGroups, conflictsOf, dependencyGraph } from '../../src/services/ledger-views.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';

/**
 * The four real seed articles, with the publication dates their texts imply (so 2022 and 2025
 * statements are apart in time) and one syndicated copy of seed 001 under another URL.
 */
const DATES: Record<string, string> = {
  '000': '2023-11-20',
  '001': '2025-01-09',
  '002': '2022-06-28',
  '003': '2025-03-20',
};

const skip = skipUnlessShared('seeds');
let dir = '';
let store: SqliteStore;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ledger-'));
  const seeds = sharedPath('seeds')!;
  const lines = readdirSync(seeds)
    .sort()
    .flatMap((file) => {
      const text = readFileSync(join(seeds, file), 'utf8');
      const key = file.slice(0, 3);
      const record = (url: string, source: string) =>
        JSON.stringify({ url, text, published: `${DATES[key]}T09:00:00Z`, source });
      return key === '001'
        ? [
            record(`https://example.org/${key}`, 'Outlet A'),
            record(`https://mirror.example.net/${key}`, 'Outlet B'),
          ]
        : [record(`https://example.org/${key}`, 'Outlet A')];
    });
  writeFileSync(join(dir, 'seeds.jsonl'), `${lines.join('\n')}\n`);
  store = SqliteStore.open({ path: join(dir, 'seeds.db') });
  await ingestPaths([join(dir, 'seeds.jsonl')], store, { enricher: await loadEnricher() });
});

after(async () => {
  if (skip) return;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claim ledger and dependency graph on the seeds', { skip }, () => {
  test('ingest fills the ledger incrementally: every article has rows', async () => {
    const counts = await store.ledger.counts();
    assert.equal(counts.articles, 5);
    assert.ok(counts.claims >= 10, `claims ${counts.claims}`);
  });

  test("seed 001's at least 52 vs 20 countries is the one conflict, evidence side by side; its copy adds none", async () => {
    const conflicts = await conflictsOf(store);
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts.map((c) => [c.a.text, c.b.text])));
    const [conflict] = conflicts;
    assert.deepEqual(
      [conflict!.a.text, conflict!.b.text],
      ['at least 52 countries', '20 countries'],
    );
    assert.equal(conflict!.a.value, 52);
    assert.equal(conflict!.b.unit, 'countries');
    assert.match(conflict!.measure, /Ukraine Defense Contact Group/);
    assert.match(conflict!.b.sentence, /expansion of the group to 20 countries/);
    assert.ok(conflict!.reasons.length >= 3);
    assert.equal(conflict!.version, CLAIMS_VERSION);
  });

  test('copies and claims apart in time are labelled, not flagged', async () => {
    const groups = await claimGroups(store);
    const udcg = groups.find((g) => g.measure.startsWith('count:country|'));
    assert.equal(udcg?.claims.length, 4, 'two claims in the article and two in its copy');
    for (const group of groups.filter((g) => g.status === 'conflict'))
      for (const pair of group.pairs)
        assert.notEqual(
          pair.a.syndicationGroup === pair.b.syndicationGroup &&
            pair.a.articleId !== pair.b.articleId,
          true,
        );
  });

  test('rebuild from stored enrichment derives the same rows', async () => {
    const before = await store.ledger.listClaims();
    const summary = await rebuildLedger(store, { force: true });
    assert.equal(summary.updated, 5);
    assert.deepEqual(await store.ledger.listClaims(), before);
  });

  test('the GEXF export parses back with graphology-gexf with as many nodes and edges; GraphML too', async () => {
    const kb = loadKnowledgeBase();
    const graph = await dependencyGraph(store, kb);
    assert.ok(graph.size > 0);
    const parsed = gexf.parse(graphology.MultiDirectedGraph, exportGraph(graph, 'gexf'));
    assert.equal(parsed.order, graph.order);
    assert.equal(parsed.size, graph.size);
    const fromGraphml = graphml.parse(graphology.MultiDirectedGraph, exportGraph(graph, 'graphml'));
    assert.equal(fromGraphml.order, graph.order);
    assert.equal(fromGraphml.size, graph.size);
    const csv = exportGraph(graph, 'csv').trim().split('\n');
    assert.equal(csv.length, graph.size + 1);
  });
});
