import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import type { AlternativeMention, DependencyEdge, GraphParty } from './dependency-edge.js';
import { buildDependencyGraph } from './dependency-graph.js';
import { exposureOf } from './exposure.js';

const kb = loadKnowledgeBase();
const party = (id: string | undefined, name: string): GraphParty => ({
  key: id ?? `name:${name.toLowerCase()}`,
  name,
  ...(id ? { id } : {}),
});
const UA = party('gpe:ua', 'Ukraine');
const US = party('gpe:us', 'United States');
const evidence = (articleId: string, text: string, group = articleId) => ({
  articleId,
  start: 0,
  end: text.length,
  text,
  published: '2025-03-10',
  syndicationGroup: group,
});
const edge = (
  system: GraphParty,
  status: DependencyEdge['status'],
  supplier: GraphParty | undefined,
  text: string,
  extra: Partial<DependencyEdge> = {},
): DependencyEdge => ({
  recipient: UA,
  ...(supplier ? { supplier } : {}),
  system,
  status,
  negated: false,
  hedged: false,
  transfer: status === 'delivered',
  evidence: evidence(`a-${system.name}`, text),
  reasons: [],
  version: 'graph-test',
  ...extra,
});

const edges: DependencyEdge[] = [
  edge(party('weapon:himars', 'HIMARS'), 'delivered', US, 'The US delivered HIMARS to Ukraine.'),
  edge(
    party('weapon:patriot', 'Patriot'),
    'delivered',
    party('gpe:de', 'Germany'),
    'Germany sent a Patriot battery to Ukraine.',
  ),
  edge(
    party(undefined, 'intelligence sharing'),
    'depends_on',
    US,
    'Ukraine relies on US intelligence sharing.',
  ),
  edge(
    party('company:starlink', 'Starlink'),
    'depends_on',
    undefined,
    'Ukraine relies on Starlink for communications.',
  ),
  edge(party('weapon:abrams', 'Abrams'), 'committed', US, 'The US declined to send Abrams.', {
    negated: true,
  }),
  {
    ...edge(party('weapon:f-16', 'F-16'), 'operates', undefined, "Kyiv's F-16s fly again."),
    recipient: party('gpe:kyiv', 'Kyiv'),
  },
];
const alternatives: AlternativeMention[] = [
  {
    system: party('weapon:patriot', 'Patriot'),
    alternative: party('weapon:samp-t', 'SAMP/T'),
    evidence: evidence('alt', 'Europe could field SAMP/T instead of Patriot.'),
    reasons: [],
    version: 'graph-test',
  },
];

test('exposure to the US: systems by maker origin or stated supplier, intelligence, satcom, alternatives; negated edges never count', () => {
  const report = exposureOf(UA, edges, alternatives, kb, US);
  const us = report.bySupplier.find((s) => s.supplier.key === 'gpe:us');
  assert.deepEqual(us?.systems.map((s) => s.system.name).sort(), [
    'F-16',
    'HIMARS',
    'Patriot',
    'Starlink',
    'intelligence sharing',
  ]);
  const risks = report.exposed.map((line) => `${line.risk}:${line.system.name}`);
  for (const expected of [
    'spare parts:HIMARS',
    'software updates:Patriot',
    'intelligence:intelligence sharing',
    'satellite communications:Starlink',
  ])
    assert.ok(risks.includes(expected), `${expected} in ${risks.join(', ')}`);
  assert.ok(!risks.some((r) => r.endsWith(':Abrams')));
  assert.deepEqual(
    report.alternatives.map((a) => [a.for.name, a.alternative.name]),
    [['Patriot', 'SAMP/T']],
  );
  const airDefence = report.rollup.find((r) => r.capability === 'air defence');
  assert.deepEqual(airDefence?.suppliers.map((s) => s.supplier.name).sort(), [
    'Germany',
    'United States',
  ]);
  for (const line of report.exposed) assert.ok(line.evidence.length > 0);
});

test('the graph chains recipient -> system -> maker -> country, counting syndication groups as sources', () => {
  const copy = {
    ...edges[0]!,
    evidence: evidence('copy', 'The US delivered HIMARS to Ukraine.', 'a-HIMARS'),
  };
  const graph = buildDependencyGraph([...edges, copy], kb);
  const status = graph.getEdgeAttributes('status|gpe:ua|delivered|weapon:himars|gpe:us|');
  assert.equal(status.articles, 2);
  assert.equal(status.sources, 1);
  assert.ok(graph.hasEdge('made_by|weapon:himars|company:lockheed-martin'));
  assert.ok(graph.hasEdge('based_in|company:lockheed-martin|gpe:us'));
  assert.ok(graph.hasNode('gpe:ua'));
});
