import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { cutGovernmentWord } from './government-names.js';

test("a country's or a nationality's Government is the country or the nationality", () => {
  const a = w('The Papua New Guinea Government will establish');
  assert.deepEqual(show(a, cutGovernmentWord(a, [at(1, 5, 'ORG')])), ['GPE:Papua New Guinea']);
  const b = w('the British Government said');
  assert.deepEqual(show(b, cutGovernmentWord(b, [at(1, 3, 'ORG')])), ['NORP:British']);
});

test('other names ending in Government keep their reading', () => {
  const a = w('the Local Government Association said');
  assert.deepEqual(show(a, cutGovernmentWord(a, [at(1, 4, 'ORG')])), [
    'ORG:Local Government Association',
  ]);
  const b = w('the Kurdistan Regional Government said');
  assert.deepEqual(show(b, cutGovernmentWord(b, [at(1, 4, 'ORG')])), [
    'ORG:Kurdistan Regional Government',
  ]);
});

test('a nationality before a portfolio ministry is cut off; a bank keeps its name', () => {
  const a = w('the French Foreign Ministry said');
  assert.deepEqual(show(a, cutGovernmentWord(a, [at(1, 4, 'ORG')])), ['ORG:Foreign Ministry']);
  const b = w('the Swiss National Bank said');
  assert.deepEqual(show(b, cutGovernmentWord(b, [at(1, 4, 'ORG')])), ['ORG:Swiss National Bank']);
});
