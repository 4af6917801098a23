import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim } from '../../src/claims/claim.js';
import type { ClaimGroup } from '../../src/claims/compare-claims.js';
import type { Evidence, GraphParty } from '../../src/dependencies/dependency-edge.js';
import type { ExposureReport } from '../../src/dependencies/exposure.js';
import type { ConflictSide, ConflictView } from '../../src/services/ledger-views.js';
import { ClaimsPage } from '../../src/server/ui/ledger/claims-page.js';
import { dependencyQueryFrom } from '../../src/server/ui/ledger/dependencies-section.js';
import { EvidenceSentence } from '../../src/server/ui/ledger/evidence-sentence.js';
import { ExposurePage } from '../../src/server/ui/ledger/exposure-page.js';
import { claimsApiHref, exposureHref } from '../../src/server/ui/ledger/ledger-hrefs.js';

/** The ledger's components render without a browser; every value from news text comes out escaped. */
const html = async (node: unknown): Promise<string> =>
  String(await (node as { toString(): string | Promise<string> }).toString());

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
const assertInert = (out: string): void => {
  assert.doesNotMatch(out, /<script>alert|<img src=x/, 'markup from data is escaped');
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(out, /href="javascript:/i);
};

const sentence = `They said ${HOSTILE} 52 countries joined.`;
const figureAt = sentence.indexOf('52 countries');

const claim = (value: number, articleId: string): Claim =>
  ({
    articleId,
    start: 100 + figureAt,
    end: 100 + figureAt + 12,
    text: '52 countries',
    sentence: { start: 100, end: 100 + sentence.length },
    subject: HOSTILE,
    context: [],
    measure: HOSTILE,
    measureLabel: HOSTILE,
    kind: 'count',
    value,
    unit: 'countries',
    normalised: { value, unit: 'countries' },
    qualifier: 'at least',
    delta: false,
    perDay: false,
    running: false,
    asOf: '2025-11-21',
    asOfBasis: 'published',
    claimant: { name: HOSTILE, id: 'x"><script>', kind: 'speaker' },
    source: HOSTILE,
    syndicationGroup: articleId,
    reasons: [],
    version: 'claims-7',
  }) as Claim;

const side = (c: Claim): ConflictSide => ({
  article: c.articleId,
  start: c.start,
  end: c.end,
  text: c.text,
  value: c.value,
  unit: c.unit,
  qualifier: c.qualifier,
  sentence,
  claimant: c.claimant.name,
  as_of: c.asOf ?? null,
  published: null,
  source: c.source ?? null,
});

test('claims page: conflict sides side by side, figure marked, everything escaped', async () => {
  const a = claim(52, 'art"a');
  const b = claim(20, 'art-b');
  const view: ConflictView = {
    a: side(a),
    b: side(b),
    measure: HOSTILE,
    measure_key: HOSTILE,
    reasons: [HOSTILE, 'same time: as of 2025-11-21 and 2025-11-21'],
    version: 'claims-7',
  };
  const group: ClaimGroup = {
    measure: HOSTILE,
    label: HOSTILE,
    status: 'conflict',
    claims: [a, b],
    pairs: [],
  };
  const out = await html(
    ClaimsPage({
      entity: HOSTILE,
      conflictsOnly: true,
      groups: [{ group, conflicts: [{ view, a, b }] }],
      total: 30,
      nextCursor: '25',
    }),
  );
  assertInert(out);
  assert.equal((out.match(/class="conflict-side"/g) ?? []).length, 2);
  assert.equal((out.match(/<mark>52 countries<\/mark>/g) ?? []).length, 2);
  assert.match(out, /href="\/articles\/art%22a\?at=\d+-\d+#evidence"/);
  assert.match(out, /href="\/entities\/x%22%3E%3Cscript%3E"/);
  assert.match(out, /href="\/claims\?entity=[^"]*&amp;conflicts=1&amp;cursor=25"/);
  assert.match(out, /value="&lt;script&gt;/, 'the entity filter keeps its value, escaped');
});

test('evidence sentence: out-of-range offsets show the sentence unmarked', async () => {
  assert.equal(await html(EvidenceSentence({ sentence: 'abc', start: 2, end: 9 })), 'abc');
  assert.equal(
    await html(EvidenceSentence({ sentence: 'a<b>c', start: 1, end: 4 })),
    'a<mark>&lt;b&gt;</mark>c',
  );
});

test('exposure page: matrix cells link their evidence; names and sentences escaped', async () => {
  const party = (name: string, id?: string): GraphParty => ({
    key: id ?? `name:${name}`,
    name,
    ...(id ? { id } : {}),
  });
  const evidence: Evidence = {
    articleId: 'a1',
    start: 5,
    end: 40,
    text: `Estonia got ${HOSTILE} HIMARS`,
    syndicationGroup: 'a1',
  };
  const supplier = party(HOSTILE, 'gpe:us');
  const system = party('HIMARS', 'weapon:himars');
  const report = {
    country: party('Estonia', 'gpe:estonia'),
    bySupplier: [
      {
        supplier,
        systems: [
          {
            system,
            capability: 'artillery',
            statuses: ['delivered'],
            suppliers: [{ supplier, basis: 'stated' }],
            sources: 1,
            evidence: [evidence],
            reasons: [],
          },
        ],
      },
    ],
    capabilities: [],
    rollup: [
      { capability: 'artillery', systems: 1, suppliers: [{ supplier, systems: 1, share: 1 }] },
    ],
    exposed: [
      { risk: 'spare parts', system, capability: 'artillery', why: HOSTILE, evidence: [evidence] },
    ],
    alternatives: [],
    version: 'graph-3',
  } as unknown as ExposureReport;
  const out = await html(ExposurePage({ report, supplier: '' }));
  assertInert(out);
  assert.match(out, /<table class="exposure-matrix">/);
  assert.match(out, /100%/);
  assert.match(out, /href="\/articles\/a1\?at=5-40#evidence"/);
  assert.match(out, /href="\/entities\/weapon%3Ahimars"/);
});

test('hrefs are encoded; dependency filters drop malformed values', () => {
  assert.equal(
    exposureHref('Ukraine', 'United States'),
    '/exposure?country=Ukraine&supplier=United+States',
  );
  assert.equal(
    claimsApiHref({ entity: 'a&b', conflicts: true, format: 'csv' }),
    '/api/claims?entity=a%26b&conflicts=1&format=csv',
  );
  const query = dependencyQueryFrom(
    new URLSearchParams({
      node: 'Estonia',
      capability: 'javascript:x',
      status: 'delivered',
      from: '2025-13',
      to: '2025-12-31',
    }),
  );
  assert.deepEqual(query, { node: 'Estonia', status: 'delivered', to: '2025-12-31' });
});
