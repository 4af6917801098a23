import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../core/seeded-random.js';
import { uint32Bytes, uint32sOf } from '../uint32-bytes.js';
import {
  bandOf,
  bandOfTag,
  chunkOf,
  fingerprintOfTag,
  forEachPosting,
  hashOf,
  mergePacked,
  packSorted,
  tagOf,
} from './lsh-chunks.js';

/** packSorted of (hash, tag) objects, for readable fixtures. */
const pack = (postings: { hash: number; tag: number }[]): Uint32Array =>
  packSorted(
    Uint32Array.from(postings, (p) => p.hash),
    Uint32Array.from(postings, (p) => p.tag),
  );

const found = (chunk: Uint32Array, band: number, hash: number): number[] => {
  const ids: number[] = [];
  forEachPosting(chunk, band, hash, (id) => ids.push(id));
  return ids;
};

test('bucket keys split into band and hash, and tags keep band and fingerprint id apart', () => {
  const bucket = 31 * 2 ** 32 + 0xfedcba98;
  assert.equal(bandOf(bucket), 31);
  assert.equal(hashOf(bucket), 0xfedcba98);
  const tag = tagOf(31, 123_456);
  assert.equal(bandOfTag(tag), 31);
  assert.equal(fingerprintOfTag(tag), 123_456);
  assert.equal(chunkOf(0xfedcba98, 12), 0xfed);
});

test('merged chunks stay sorted, keep an entry present in both once, and find postings by band', () => {
  const a = pack([
    { hash: 5, tag: tagOf(1, 10) },
    { hash: 9, tag: tagOf(0, 11) },
    { hash: 5, tag: tagOf(2, 12) },
  ]);
  const b = pack([
    { hash: 5, tag: tagOf(1, 10) },
    { hash: 7, tag: tagOf(1, 13) },
    { hash: 5, tag: tagOf(1, 14) },
  ]);
  const merged = mergePacked(a, b);
  assert.equal(merged.length, 2 * 5);
  for (let e = 2; e < merged.length; e += 2)
    assert.ok(
      (merged[e - 2] as number) < (merged[e] as number) ||
        (merged[e - 2] === merged[e] && (merged[e - 1] as number) < (merged[e + 1] as number)),
    );
  // Newest (highest fingerprint id) first: the order MAX_BUCKET_POSTINGS cuts in.
  assert.deepEqual(found(merged, 1, 5), [14, 10]);
  assert.deepEqual(found(merged, 2, 5), [12]);
  assert.deepEqual(found(merged, 0, 5), []);
  assert.deepEqual(found(merged, 1, 6), []);
  assert.deepEqual(found(merged, 0, 9), [11]);
  assert.deepEqual(found(new Uint32Array(0), 0, 9), []);
});

test('a limit keeps the newest postings of (band, hash) and says how many it found', () => {
  const chunk = pack(
    [3, 9, 4, 20, 7]
      .map((id) => ({ hash: 5, tag: tagOf(1, id) }))
      .concat([
        { hash: 5, tag: tagOf(0, 99) },
        { hash: 5, tag: tagOf(2, 1) },
        { hash: 6, tag: tagOf(1, 50) },
      ]),
  );
  const ids: number[] = [];
  assert.equal(
    forEachPosting(chunk, 1, 5, (id) => ids.push(id), 3),
    3,
  );
  assert.deepEqual(ids, [20, 9, 7]);
  assert.equal(
    forEachPosting(chunk, 1, 5, () => undefined),
    5,
  );
});

test('chunks survive the BLOB round trip, aligned or not', () => {
  const chunk = pack([
    { hash: 0xffffffff, tag: tagOf(31, 2 ** 27 - 1) },
    { hash: 1, tag: tagOf(0, 1) },
  ]);
  assert.deepEqual(uint32sOf(uint32Bytes(chunk)), chunk);
  const unaligned = Buffer.concat([Buffer.alloc(1), uint32Bytes(chunk)]).subarray(1);
  assert.deepEqual(uint32sOf(unaligned), chunk);
  assert.deepEqual(found(uint32sOf(unaligned), 31, 0xffffffff), [2 ** 27 - 1]);
});

test('packSorted sorts by hash, then tag, across and inside the counting slices', () => {
  const random = seededRandom(3);
  const postings = Array.from({ length: 5000 }, () => ({
    // Few distinct high bits so slices hold many entries, and repeated hashes so tags decide.
    hash: ((Math.floor(random() * 4) << 30) | Math.floor(random() * 64)) >>> 0,
    tag: tagOf(Math.floor(random() * 32), Math.floor(random() * 1000)),
  }));
  const expected = [...postings].sort((a, b) => a.hash - b.hash || a.tag - b.tag);
  assert.deepEqual(pack(postings), Uint32Array.from(expected.flatMap((p) => [p.hash, p.tag])));
});
