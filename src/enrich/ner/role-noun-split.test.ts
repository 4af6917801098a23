import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { splitAtRoleNouns } from './role-noun-split.js';

const places = new Set(['France']);
const isPlace = (words: string[]) => (s: number, e: number) =>
  places.has(words.slice(s, e).join(' '));

test('a role noun inside a span splits the side from the person', () => {
  const a = w('Tottenham manager Martin Jol acclaimed his players');
  assert.deepEqual(show(a, splitAtRoleNouns(a, [at(0, 4, 'ORG')], isPlace(a))), [
    'ORG:Tottenham',
    'PERSON:Martin Jol',
  ]);
  const b = w('France defender Gallas was hurt');
  assert.deepEqual(show(b, splitAtRoleNouns(b, [at(0, 3, 'ORG')], isPlace(b))), [
    'GPE:France',
    'PERSON:Gallas',
  ]);
});

test('spans without a role noun, or with one at an edge, are left alone', () => {
  const a = w('Bank of England governor said');
  assert.deepEqual(show(a, splitAtRoleNouns(a, [at(0, 3, 'ORG')], isPlace(a))), [
    'ORG:Bank of England',
  ]);
  const b = w('the Tottenham manager said');
  assert.deepEqual(show(b, splitAtRoleNouns(b, [at(1, 3, 'ORG')], isPlace(b))), [
    'ORG:Tottenham manager',
  ]);
});
