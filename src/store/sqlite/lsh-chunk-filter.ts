import { mix32 } from '../../dedup/hash32.js';
import { bandOfTag } from './lsh-chunks.js';

/** Filter bits per posting (at the fullest, before the owner rebuilds it twice as large). */
const BITS_PER_POSTING = 12;
/** Bits per block: one 64-byte cache line, so an add or a test touches one line of memory. */
const BLOCK_BITS = 512;

/**
 * Which (band, hash) buckets have postings in the chunks of the SQLite near-duplicate index, as a
 * blocked Bloom filter held in memory. Most of an article's 32 buckets hold nobody else (two-row
 * bands of unrelated texts rarely agree), so a lookup that asks the filter first reads a few chunk
 * rows instead of 32. It may hold buckets that have no postings (a false positive costs one read),
 * never the reverse: keys are only added, and the index drops the filter whenever the chunks changed
 * in a way it did not see.
 *
 * The block is the hash's top bits, like the chunk, so filling it from the chunks (sorted by hash)
 * walks memory in order: a million articles' 31M postings load in about a second instead of the
 * five that random probes over 64 MB took; four probes inside the block come from a mix of hash and
 * band.
 */
export class ChunkBucketFilter {
  private readonly words: Uint32Array;
  private readonly blockShift: number;
  private readonly capacity: number;
  private added = 0;

  /** A filter sized for `postings` postings, with room to double before it must be rebuilt. */
  constructor(postings: number) {
    let size = 2 ** 16;
    while (size < postings * 2 * BITS_PER_POSTING) size *= 2;
    this.words = new Uint32Array(size / 32);
    this.blockShift = 32 - Math.log2(size / BLOCK_BITS);
    this.capacity = size / BITS_PER_POSTING;
  }

  /** False once more postings were added than it was sized for (the owner then rebuilds it). */
  get roomy(): boolean {
    return this.added <= this.capacity;
  }

  add(band: number, hash: number): void {
    this.added++;
    const block = (hash >>> this.blockShift) * (BLOCK_BITS / 32);
    const mixed = mix32(hash ^ Math.imul(band + 1, 0x9e3779b1));
    const more = mix32(mixed + band);
    this.set(block, mixed & 511);
    this.set(block, (mixed >>> 9) & 511);
    this.set(block, (mixed >>> 18) & 511);
    this.set(block, more & 511);
  }

  /** Adds the bucket of every entry of packed chunk entries (see lsh-chunks.ts). */
  addEntries(entries: Uint32Array): void {
    for (let e = 0; e < entries.length; e += 2)
      this.add(bandOfTag(entries[e + 1] as number), entries[e] as number);
  }

  mayHold(band: number, hash: number): boolean {
    const block = (hash >>> this.blockShift) * (BLOCK_BITS / 32);
    const mixed = mix32(hash ^ Math.imul(band + 1, 0x9e3779b1));
    const more = mix32(mixed + band);
    return (
      this.has(block, mixed & 511) &&
      this.has(block, (mixed >>> 9) & 511) &&
      this.has(block, (mixed >>> 18) & 511) &&
      this.has(block, more & 511)
    );
  }

  private set(block: number, bit: number): void {
    const word = block + (bit >>> 5);
    this.words[word] = (this.words[word] as number) | (1 << (bit & 31));
  }

  private has(block: number, bit: number): boolean {
    return ((this.words[block + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0;
  }
}
