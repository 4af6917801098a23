import { mix32 } from '../../dedup/hash32.js';

/** Filter bits per posting: with 4 probes, about 1% false positives at the fullest. */
const BITS_PER_POSTING = 12;
const PROBES = 4;

/**
 * Which (band, hash) buckets have postings in the chunks of the SQLite near-duplicate index, as a
 * Bloom filter held in memory. Most of an article's 32 buckets hold nobody else (two-row bands of
 * unrelated texts rarely agree), so a lookup that asks the filter first reads a few chunk rows
 * instead of 32. It may hold buckets that have no postings (a false positive costs one read), never
 * the reverse: keys are only added, and the index drops the filter whenever the chunks changed in a
 * way it did not see.
 */
export class ChunkBucketFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private added = 0;

  /** A filter sized for `postings` postings, with room to double before it must be rebuilt. */
  constructor(postings: number) {
    let size = 2 ** 16;
    while (size < postings * 2 * BITS_PER_POSTING) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** False once more postings were added than it was sized for (the owner then rebuilds it). */
  get roomy(): boolean {
    return this.added * BITS_PER_POSTING <= this.mask + 1;
  }

  add(band: number, hash: number): void {
    this.added++;
    const first = mix32(hash ^ Math.imul(band + 1, 0x9e3779b1));
    const step = mix32(first + band) | 1;
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (first + Math.imul(probe, step)) & this.mask;
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  mayHold(band: number, hash: number): boolean {
    const first = mix32(hash ^ Math.imul(band + 1, 0x9e3779b1));
    const step = mix32(first + band) | 1;
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (first + Math.imul(probe, step)) & this.mask;
      if (((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
