import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagWordsCached } from './cached-scorer.js';
import { decodeGreedy, type NerModel } from './perceptron-model.js';
import { sentenceFeatures } from './token-features.js';

const TAGS = ['B-ORG', 'I-ORG', 'O'];
const weights = (pairs: Record<string, readonly [number, number, number]>) =>
  new Map(Object.entries(pairs).map(([f, w]) => [f, Float32Array.from(w)]));

/** Each joining feature alone makes its token an ORG, so a missed or misread one changes the tags. */
const model: NerModel = {
  version: 'bars',
  tags: TAGS,
  commonWords: new Set(['the']),
  weights: weights({
    b: [-1, -1, 0],
    // Pair features with '|' inside a word: "w-1w=a|b|c" is ("a|b", "c") or ("a", "b|c").
    'w-1w=a|b|c': [3, 0, 0],
    'ww+1=x|y|z': [3, 0, 0],
    'ss=x|x|x|x': [3, 0, 0],
    // Plain ones, found through the index.
    'ww+1=acme|corp': [3, 0, 0],
    'w-1w=acme|corp': [0, 4, 0],
    'ww+1=globex|inc': [3, 0, 0],
    't-1w=B-ORG|inc': [0, 3, 0],
    'ss=<s>|x|x': [0.5, 0, 0],
    't-1w=<s>|globex': [0.25, 0, 0],
    't-1=B-ORG': [0, 0.5, 0],
    't-2=<s>|B-ORG': [0, 0.25, 0],
    'first|x': [0.1, 0, 0],
  }),
};

test('the cached scorer tags as the feature strings do, with and without "|" in words', () => {
  const sentences = [
    ['acme', 'corp', 'said'],
    ['globex', 'inc', 'and', 'acme', 'corp'],
    ['the', 'a|b', 'c', 'met'],
    ['the', 'a', 'b|c', 'met'],
    ['x|y', 'z', 'then', 'x', 'y|z'],
    ['|', '|', 'acme', 'corp', '|'],
  ];
  const tagged = sentences.map((words) => tagWordsCached(model, words));
  for (const [k, words] of sentences.entries()) {
    assert.deepEqual(
      tagged[k],
      decodeGreedy(model, words, sentenceFeatures(words, undefined, model)),
    );
  }
  // The features fire: a missed or misread one would leave its token O.
  assert.deepEqual(tagged, [
    ['B-ORG', 'I-ORG', 'O'],
    ['B-ORG', 'I-ORG', 'O', 'B-ORG', 'I-ORG'],
    // "c" by "w-1w=a|b|c"; "a|b" (shape "x|x") and "a" beside "b|c" read "ss=x|x|x|x" too.
    ['O', 'B-ORG', 'B-ORG', 'O'],
    ['O', 'B-ORG', 'B-ORG', 'O'],
    ['B-ORG', 'B-ORG', 'O', 'B-ORG', 'O'],
    ['O', 'O', 'B-ORG', 'I-ORG', 'O'],
  ]);
});
