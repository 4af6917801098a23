import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { repairSpans } from './span-repair.js';

const ctx = (words: string[]) => ({ words, commonWords: new Set<string>() });

test('a full stop after a word ends the name; after an initial or "ST" it does not', () => {
  const a = w('Tries : Gareth Thomas . Conversions : Neil Jenkins 2 .');
  assert.deepEqual(show(a, repairSpans([at(2, 6, 'PERSON')], ctx(a))), ['PERSON:Gareth Thomas']);
  const b = w('ST . LOUIS , MO . , March 3');
  assert.deepEqual(show(b, repairSpans([at(0, 3, 'GPE')], ctx(b))), ['GPE:ST . LOUIS']);
});
