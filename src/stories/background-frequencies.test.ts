import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBackground } from './background-frequencies.js';

const share = (term: string, documents = 0, frequency = 0): number => {
  const prior = withBackground(documents, frequency, term, 1000);
  return prior.frequency / prior.documents;
};

test('weight 0 leaves the store counts as they are', () => {
  assert.deepEqual(withBackground(10, 4, 'ukraine', 0), { documents: 10, frequency: 4 });
});

test('a word common in news headlines counts as common in an empty store; an unknown one as rare', () => {
  assert.ok(share('ukraine') > 0.01, `ukraine ${share('ukraine')}`);
  assert.equal(share('zzqxv'), 0);
  // The store's own counts still add up: 5 of 10 documents move the share towards them.
  assert.ok(share('zzqxv', 10, 5) > 0);
});

test('an entity term keeps the store share whatever its weight', () => {
  assert.equal(share('\u00a7gpe:ua', 20, 5), 5 / 20);
  assert.equal(share('\u00a7gpe:ua'), 0);
});
