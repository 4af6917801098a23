import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../core/seeded-random.js';
import { ChunkBucketFilter } from './lsh-chunk-filter.js';

const randomBuckets = (count: number, seed: number): [number, number][] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => [
    Math.floor(random() * 32),
    Math.floor(random() * 2 ** 32),
  ]);
};

test('the bucket filter holds every bucket added and few others', () => {
  const filter = new ChunkBucketFilter(20_000);
  const added = randomBuckets(20_000, 1);
  for (const [band, hash] of added) filter.add(band, hash);
  for (const [band, hash] of added) assert.ok(filter.mayHold(band, hash));
  const [band, hash] = added[0] as [number, number];
  const others = randomBuckets(20_000, 2).filter(([b, h]) => !filter.mayHold(b, h)).length;
  assert.ok(others > 19_800, `false positives: ${20_000 - others}`);
  assert.ok(filter.roomy);
  for (const [b, h] of randomBuckets(30_000, 3)) filter.add(b, h);
  assert.equal(filter.roomy, false, 'sized for twice the postings it was made for');
  assert.ok(filter.mayHold(band, hash));
});
