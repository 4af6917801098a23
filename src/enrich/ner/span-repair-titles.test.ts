import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, show, w } from './fixtures/word-spans.js';
import { repairSpans } from './span-repair.js';

const repair = (sentence: string, span: ReturnType<typeof at>): string[] => {
  const words = w(sentence);
  return show(words, repairSpans([span], { words, commonWords: new Set(['the', 'said']) }));
};

test('an office title before a person is no part of the name, whatever type the run got', () => {
  const sentence = 'said Northern Trade Commissioner Mira Santos on Friday .';
  assert.deepEqual(repair(sentence, at(1, 6, 'EVENT')), ['PERSON:Mira Santos']);
  assert.deepEqual(repair(sentence, at(1, 6, 'ORG')), ['PERSON:Mira Santos']);
  // An event without an office before a name keeps its words.
  assert.deepEqual(repair('during the Northern Trade Summit on Friday .', at(2, 5, 'EVENT')), [
    'EVENT:Northern Trade Summit',
  ]);
});
