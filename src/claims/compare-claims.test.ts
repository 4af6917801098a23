import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLAIMS_VERSION, type Claim } from './claim.js';
import { claimInterval } from './claim-qualifier.js';
import { comparePair, groupClaims } from './compare-claims.js';
import { rateFor } from './currency-rates.js';

const claim = (extra: Partial<Claim>): Claim => ({
  articleId: 'a',
  start: 0,
  end: 10,
  text: '52 countries',
  context: ['countries', 'contact', 'group'],
  sentence: { start: 0, end: 40 },
  subject: 'countries',
  about: { id: 'org:udcg', name: 'Ukraine Defense Contact Group' },
  measure: 'count:country|org:udcg',
  measureLabel: 'countries of Ukraine Defense Contact Group',
  kind: 'count',
  value: 52,
  unit: 'countries',
  normalised: { value: 52, unit: 'countries' },
  qualifier: 'exact',
  delta: false,
  running: false,
  perDay: false,
  asOf: '2024-06-01',
  asOfBasis: 'published',
  claimant: { name: 'Reuters', kind: 'outlet' },
  syndicationGroup: 'a',
  reasons: [],
  version: CLAIMS_VERSION,
  ...extra,
});

const at = (value: number, extra: Partial<Claim> = {}): Claim =>
  claim({ value, normalised: { value, unit: 'countries' }, text: `${value} countries`, ...extra });

test('independent sources disagreeing at the same time conflict, with reasons and version', () => {
  const pair = comparePair(
    at(52, { qualifier: 'at least' }),
    at(20, { articleId: 'b', syndicationGroup: 'b', asOf: '2024-06-01' }),
  );
  assert.equal(pair.verdict, 'conflict');
  assert.equal(pair.version, CLAIMS_VERSION);
  assert.ok(pair.reasons.some((r) => r.startsWith('disagree beyond qualifiers')));
  assert.ok(pair.reasons.some((r) => r.includes('syndication groups a and b')));
});

test('copies of one wire story never conflict, whatever their figures', () => {
  const pair = comparePair(at(52), at(20, { articleId: 'b', syndicationGroup: 'a' }));
  assert.equal(pair.verdict, 'copies');
});

test('claims that differ only in as-of date are a change over time', () => {
  const pair = comparePair(
    at(30, { asOf: '2022-06-28' }),
    at(52, { articleId: 'b', syndicationGroup: 'b', asOf: '2025-02-12' }),
  );
  assert.equal(pair.verdict, 'change over time');
  assert.ok(pair.reasons.includes('as-of dates differ: 2022-06-28 vs 2025-02-12'));
});

test('qualifiers and rounding are honoured: "up to 300,000" holds 290,000; "about 20,000" holds 21,000', () => {
  const b = { articleId: 'b', syndicationGroup: 'b' };
  assert.equal(
    comparePair(at(300000, { qualifier: 'up to' }), at(290000, b)).verdict,
    'consistent',
  );
  assert.equal(comparePair(at(20000, { qualifier: 'about' }), at(21000, b)).verdict, 'consistent');
  assert.equal(comparePair(at(52, { qualifier: 'at least' }), at(54, b)).verdict, 'consistent');
  assert.equal(comparePair(at(50), at(70, b)).verdict, 'conflict');
  assert.deepEqual(claimInterval(300000, undefined, 'exact'), { low: 270000, high: 330000 });
});

test('a change ("by 20,000") is never compared with a level', () => {
  assert.equal(
    comparePair(at(20, { delta: true }), at(52, { articleId: 'b', syndicationGroup: 'b' })).verdict,
    'not comparable',
  );
});

test('undated claims from different articles are not flagged', () => {
  const { asOf: _drop, ...undated } = at(20, { articleId: 'b', syndicationGroup: 'b' });
  assert.equal(comparePair(at(52), undated).verdict, 'time unknown');
});

test('groups label each measure by its strongest verdict', () => {
  const groups = groupClaims([
    at(52, { qualifier: 'at least', predicate: 'membership' }),
    at(20, { start: 50, sentence: { start: 41, end: 80 }, predicate: 'membership' }),
    at(7, { measure: 'count:country|org:x' }),
  ]);
  assert.deepEqual(
    groups.map((g) => [g.measure, g.status]),
    [
      ['count:country|org:udcg', 'conflict'],
      ['count:country|org:x', 'single'],
    ],
  );
});

test('currency rates keep the year used, and fall back to the nearest tabled year', () => {
  assert.deepEqual(
    { ...rateFor('EUR', 2022), source: '' },
    { currency: 'EUR', usdPerUnit: 1.053, year: 2022, nearestYear: false, source: '' },
  );
  assert.equal(rateFor('EUR', 2040)?.year, 2025);
  assert.equal(rateFor('XYZ', 2022), undefined);
});

test('running tallies a day apart allow a day of movement; beyond it they still conflict', () => {
  const b = { articleId: 'b', syndicationGroup: 'b' };
  assert.equal(
    comparePair(at(4577, { running: true }), at(4521, { ...b, running: true })).verdict,
    'consistent',
  );
  assert.equal(
    comparePair(at(4577, { running: true }), at(3200, { ...b, running: true })).verdict,
    'conflict',
  );
  assert.equal(
    comparePair(at(3455, { asOf: '2024-06-01' }), at(3675, { ...b, asOf: '2024-06-04' })).verdict,
    'change over time',
  );
});

test("one claimant's report on a later day revises its own figure; on the same day it still conflicts", () => {
  const censor = { name: 'censor.net', kind: 'outlet' as const };
  const first = at(4, { claimant: censor, published: '2022-10-17T00:00:00.000Z' });
  const later = {
    articleId: 'b',
    syndicationGroup: 'b',
    claimant: censor,
    asOf: '2022-06-01',
  };
  const nextDay = comparePair(
    { ...first, asOf: '2022-10-17' },
    at(5, { ...later, asOf: '2022-10-17', published: '2022-10-18T00:00:00.000Z' }),
  );
  assert.equal(nextDay.verdict, 'change over time');
  assert.ok(nextDay.reasons.some((r) => r.startsWith('revision: censor.net reported again')));
  const sameDay = comparePair(
    { ...first, asOf: '2022-10-17' },
    at(5, { ...later, asOf: '2022-10-17', published: '2022-10-17T00:00:00.000Z' }),
  );
  assert.equal(sameDay.verdict, 'conflict');
  const otherOutlet = comparePair(
    { ...first, asOf: '2022-10-17' },
    at(5, {
      ...later,
      claimant: { name: 'ukrinform.net', kind: 'outlet' },
      asOf: '2022-10-17',
      published: '2022-10-18T00:00:00.000Z',
    }),
  );
  assert.equal(otherOutlet.verdict, 'conflict');
});

test('two stated hours of one day ("as of 19:30", "as of 20:50") are two times, not a conflict', () => {
  const b = {
    articleId: 'b',
    syndicationGroup: 'b',
    claimant: { name: 'x', kind: 'outlet' as const },
  };
  assert.equal(
    comparePair(
      at(10, { reportedAt: '2024-06-01T19:30' }),
      at(14, { ...b, reportedAt: '2024-06-01T20:50' }),
    ).verdict,
    'change over time',
  );
  assert.equal(
    comparePair(
      at(10, { reportedAt: '2024-06-01T19:30' }),
      at(14, { ...b, reportedAt: '2024-06-01T19:30' }),
    ).verdict,
    'conflict',
  );
});

test('a placed measure is compared across articles even when its subject is one word', () => {
  const placed = { measure: 'count:other|wounded|gpe:donetsk|other', about: undefined };
  const { about: _a, ...first } = at(8, placed);
  const { about: _b, ...second } = at(9, { ...placed, articleId: 'b', syndicationGroup: 'b' });
  assert.equal(groupClaims([first, second])[0]?.status, 'conflict');
  const unplaced = { measure: 'count:other|wounded||other' };
  const { about: _c, ...third } = at(8, unplaced);
  const { about: _d, ...fourth } = at(9, { ...unplaced, articleId: 'b', syndicationGroup: 'b' });
  assert.equal(groupClaims([third, fourth])[0]?.status, 'single');
});

test("one article's two figures conflict only with the same subject and predicate", () => {
  const same = { predicate: 'membership', sentence: { start: 41, end: 80 }, start: 50 };
  assert.equal(comparePair(at(52, { predicate: 'membership' }), at(20, same)).verdict, 'conflict');
  // "rose 2%" this quarter and "grew 6.4%" this year: no predicate read, two things.
  assert.equal(
    comparePair(at(52), at(20, { ...same, predicate: undefined })).verdict,
    'not comparable',
  );
  assert.equal(
    comparePair(at(52, { predicate: 'membership' }), at(20, { ...same, subject: 'member states' }))
      .verdict,
    'not comparable',
  );
});

test('a figure for a part of the day and one for another part or the whole day are two times', () => {
  const b = {
    articleId: 'b',
    syndicationGroup: 'b',
    claimant: { name: 'x', kind: 'outlet' as const },
  };
  // "As of the morning of October 9 ... 49 injured" vs "89 people were injured" (no stated part).
  const morning = comparePair(at(49, { dayPart: 'morning' }), at(89, b));
  assert.equal(morning.verdict, 'change over time');
  assert.ok(morning.reasons.some((r) => r.includes('two times of one day: morning and the day')));
  assert.equal(
    comparePair(at(49, { dayPart: 'morning' }), at(89, { ...b, dayPart: 'morning' })).verdict,
    'conflict',
  );
  assert.equal(comparePair(at(49), at(89, b)).verdict, 'conflict');
});

test("a figure that is the other article's killed and wounded in all is not its wounded count", () => {
  const b = {
    articleId: 'b',
    syndicationGroup: 'b',
    claimant: { name: 'x', kind: 'outlet' as const },
  };
  // "323 children were killed and 586 were injured" vs "More than 909 children were injured".
  const total = comparePair(
    at(586, { articleTotal: 909 }),
    at(909, { ...b, qualifier: 'more than' }),
  );
  assert.equal(total.verdict, 'not comparable');
  assert.ok(
    total.reasons.some((r) => r.includes("other article's killed and wounded in all (909)")),
  );
  // A total that matches no sum stays a rival.
  assert.equal(
    comparePair(at(586, { articleTotal: 909 }), at(700, { ...b, qualifier: 'more than' })).verdict,
    'conflict',
  );
  // An exact total agrees within 2%: 909 is 323 + 586.
  assert.equal(comparePair(at(586, { articleTotal: 909 }), at(909, b)).verdict, 'not comparable');
});
