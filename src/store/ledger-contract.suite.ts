/**
 * The ledger contract: claim, edge and alternative rows replaced per article read back the same on
 * every backend, with the same filters and order (run by sqlite/sqlite-ledger.test.ts and
 * postgres/postgres-ledger.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Claim } from '../claims/claim.js';
import type { AlternativeMention, DependencyEdge } from '../dependencies/dependency-edge.js';
import type { ArticleLedger, LedgerStore } from './ledger-port.js';

export interface LedgerTarget {
  readonly name: string;
  readonly open: () => Promise<{ ledger: LedgerStore; close: () => Promise<void> }>;
  readonly skip?: false | string;
}

const claim = (
  articleId: string,
  measure: string,
  value: number,
  extra: Partial<Claim> = {},
): Claim => ({
  articleId,
  start: value,
  end: value + 10,
  text: `${value} countries`,
  context: ['countries', 'contact', 'group'],
  sentence: { start: 0, end: 80 },
  subject: 'countries',
  measure,
  measureLabel: `countries of ${measure}`,
  kind: 'count',
  value,
  unit: 'countries',
  normalised: { value, unit: 'countries' },
  qualifier: 'exact',
  delta: false,
  running: false,
  perDay: false,
  asOfBasis: 'unknown',
  claimant: { name: 'Reuters', kind: 'outlet' },
  syndicationGroup: articleId,
  reasons: ['test'],
  version: 'claims-test',
  ...extra,
});

const edge = (
  articleId: string,
  recipient: string,
  system: string,
  supplier?: string,
): DependencyEdge => ({
  recipient: { key: recipient, id: recipient, name: recipient },
  ...(supplier ? { supplier: { key: supplier, id: supplier, name: supplier } } : {}),
  system: { key: system, id: system, name: system },
  status: 'delivered',
  negated: false,
  hedged: false,
  transfer: true,
  evidence: {
    articleId,
    start: 0,
    end: 40,
    text: 'Ukraine received HIMARS.',
    syndicationGroup: articleId,
  },
  reasons: ['test'],
  version: 'graph-test',
});

const alternative = (articleId: string): AlternativeMention => ({
  system: { key: 'weapon:patriot', id: 'weapon:patriot', name: 'Patriot' },
  alternative: { key: 'weapon:samp-t', id: 'weapon:samp-t', name: 'SAMP/T' },
  evidence: {
    articleId,
    start: 0,
    end: 50,
    text: 'SAMP/T instead of Patriot.',
    syndicationGroup: articleId,
  },
  reasons: ['test'],
  version: 'graph-test',
});

const A: ArticleLedger = {
  claims: [
    claim('a1', 'count:country|org:udcg', 52, { about: { id: 'org:udcg', name: 'UDCG' } }),
    claim('a1', 'count:troop|org:nato', 300000),
  ],
  edges: [edge('a1', 'gpe:ua', 'weapon:himars', 'gpe:us')],
  alternatives: [alternative('a1')],
};
const B: ArticleLedger = {
  claims: [
    claim('b2', 'count:country|org:udcg', 20, {
      claimant: { name: 'Mark Rutte', id: 'person:mark-rutte', kind: 'speaker' },
    }),
  ],
  edges: [edge('b2', 'gpe:ee', 'weapon:himars'), edge('b2', 'gpe:ua', 'weapon:patriot', 'gpe:de')],
  alternatives: [],
};

export const runLedgerContract = (target: LedgerTarget): void => {
  const it = (name: string, body: (ledger: LedgerStore) => Promise<void>) =>
    test(name, { skip: target.skip ?? false }, async () => {
      const { ledger, close } = await target.open();
      try {
        await ledger.replaceArticle('a1', A, 'v1');
        await ledger.replaceArticle('b2', B, 'v1');
        await body(ledger);
      } finally {
        await close();
      }
    });

  describe(`ledger contract: ${target.name}`, () => {
    it('reads claims, edges and alternatives back as saved, in measure and article order', async (ledger) => {
      assert.deepEqual(await ledger.listClaims(), [A.claims[0], B.claims[0], A.claims[1]]);
      assert.deepEqual(await ledger.listEdges(), [...A.edges, ...B.edges]);
      assert.deepEqual(await ledger.listAlternatives(), A.alternatives);
      assert.deepEqual(await ledger.counts(), {
        articles: 2,
        claims: 3,
        edges: 3,
        alternatives: 1,
      });
    });

    it('filters claims by entity (owner or claimant), article, measure and shared measures', async (ledger) => {
      const values = (claims: Claim[]) => claims.map((c) => c.value);
      assert.deepEqual(values(await ledger.listClaims({ entityId: 'org:udcg' })), [52]);
      assert.deepEqual(values(await ledger.listClaims({ entityId: 'person:mark-rutte' })), [20]);
      assert.deepEqual(values(await ledger.listClaims({ articleId: 'a1' })), [52, 300000]);
      assert.deepEqual(
        values(await ledger.listClaims({ measure: 'count:troop|org:nato' })),
        [300000],
      );
      assert.deepEqual(values(await ledger.listClaims({ sharedMeasures: true })), [52, 20]);
    });

    it('filters edges by any node and by recipient', async (ledger) => {
      const systems = (edges: DependencyEdge[]) =>
        edges.map((e) => `${e.recipient.key}>${e.system.key}`);
      assert.deepEqual(systems(await ledger.listEdges({ nodeKey: 'weapon:himars' })), [
        'gpe:ua>weapon:himars',
        'gpe:ee>weapon:himars',
      ]);
      assert.deepEqual(systems(await ledger.listEdges({ nodeKey: 'gpe:de' })), [
        'gpe:ua>weapon:patriot',
      ]);
      assert.deepEqual(systems(await ledger.listEdges({ recipientKey: 'gpe:ua' })), [
        'gpe:ua>weapon:himars',
        'gpe:ua>weapon:patriot',
      ]);
    });

    it('replacing an article swaps its rows only and records the new version', async (ledger) => {
      assert.equal(await ledger.versionOf('a1'), 'v1');
      assert.equal(await ledger.versionOf('nope'), undefined);
      await ledger.replaceArticle(
        'a1',
        { claims: [A.claims[1]!], edges: [], alternatives: [] },
        'v2',
      );
      await ledger.replaceArticle(
        'a1',
        { claims: [A.claims[1]!], edges: [], alternatives: [] },
        'v2',
      );
      assert.equal(await ledger.versionOf('a1'), 'v2');
      assert.deepEqual(await ledger.counts(), {
        articles: 2,
        claims: 2,
        edges: 2,
        alternatives: 0,
      });
      assert.deepEqual(
        (await ledger.listClaims({ articleId: 'b2' })).map((c) => c.value),
        [20],
      );
    });

    it('clear drops every row', async (ledger) => {
      await ledger.clear();
      assert.deepEqual(await ledger.counts(), {
        articles: 0,
        claims: 0,
        edges: 0,
        alternatives: 0,
      });
      assert.equal(await ledger.versionOf('a1'), undefined);
    });
  });
};
