import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../core/seeded-random.js';
import { sharedWordCount } from './content-overlap.js';
import { WordBag } from './word-bag.js';

test('a word bag counts shared words with multiplicity, as the merge of sorted arrays does', () => {
  const random = seededRandom(3);
  const words = (length: number, vocabulary: number): Uint32Array =>
    Uint32Array.from({ length }, () => Math.floor(random() * vocabulary) * 0x01000193);
  for (let round = 0; round < 200; round++) {
    const a = words(Math.floor(random() * 300), 1 + Math.floor(random() * 80));
    const b = words(Math.floor(random() * 300), 1 + Math.floor(random() * 80));
    const expected = sharedWordCount(a.slice().sort(), b.slice().sort());
    const bag = new WordBag(a);
    assert.equal(bag.sharedWith(b), expected);
    // Reusable: a second pass counts afresh.
    assert.equal(bag.sharedWith(b), expected);
    assert.equal(new WordBag(b).sharedWith(a), expected);
  }
  assert.equal(new WordBag(Uint32Array.of(0, 0, 7)).sharedWith(Uint32Array.of(0, 7, 7, 0, 0)), 3);
});
