import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FACET_LIMIT, FacetTally } from './search-facet-counts.js';

test('top counts: most frequent first, ties in byte order, nulls skipped', () => {
  const tally = new FacetTally();
  for (const value of ['b', 'a', 'b', null, 'c', 'a', 'Z', undefined]) tally.add(value);
  assert.deepEqual(tally.top(), [
    { value: 'a', count: 2 },
    { value: 'b', count: 2 },
    { value: 'Z', count: 1 },
    { value: 'c', count: 1 },
  ]);
});

test('owners make a count of distinct articles per value', () => {
  const tally = new FacetTally();
  tally.add('NATO', 'a1');
  tally.add('NATO', 'a1');
  tally.add('NATO', 'a2');
  tally.add('EU', 'a1');
  assert.deepEqual(tally.top(), [
    { value: 'NATO', count: 2 },
    { value: 'EU', count: 1 },
  ]);
});

test('latest keeps the newest FACET_LIMIT months, oldest first', () => {
  const tally = new FacetTally();
  for (let m = 1; m <= FACET_LIMIT + 4; m++)
    tally.add(`20${10 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const months = tally.latest().map((f) => f.value);
  assert.equal(months.length, FACET_LIMIT);
  assert.deepEqual(months, [...months].sort());
  assert.equal(months.at(-1), '2012-01');
});
