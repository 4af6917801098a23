import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../core/seeded-random.js';
import { lcsLength } from './aligned-overlap.js';

/** The textbook dynamic programme, as the reference. */
const tableLcs = (a: Uint32Array, b: Uint32Array): number => {
  const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      (rows[i] as number[])[j] =
        a[i - 1] === b[j - 1]
          ? ((rows[i - 1] as number[])[j - 1] as number) + 1
          : Math.max(
              (rows[i - 1] as number[])[j] as number,
              (rows[i] as number[])[j - 1] as number,
            );
  return (rows[a.length] as number[])[b.length] as number;
};

test('bit-parallel LCS equals the dynamic programme on random texts of every length', () => {
  const random = seededRandom(11);
  for (let round = 0; round < 400; round++) {
    // Small vocabularies make many matches and long carries; lengths cross the 32-bit words.
    const vocabulary = 2 + Math.floor(random() * 30);
    const text = (): Uint32Array =>
      Uint32Array.from(
        { length: Math.floor(random() * 140) },
        () =>
          // Hashes with the top bit set as well, as real word hashes have.
          (Math.floor(random() * vocabulary) * 0x9e3779b1) >>> 0,
      );
    const a = text();
    const b = text();
    assert.equal(lcsLength(a, b), tableLcs(a, b), `round ${round}: ${a.length} x ${b.length}`);
    assert.equal(lcsLength(b, a), tableLcs(a, b));
  }
  assert.equal(lcsLength(Uint32Array.of(1, 2, 3), new Uint32Array(0)), 0);
  assert.equal(lcsLength(Uint32Array.of(7, 7, 7), Uint32Array.of(7, 7)), 2);
});
