import { bandOfTag, fingerprintOfTag } from './lsh-chunks.js';

/**
 * The newest LSH postings of the SQLite near-duplicate index, held in memory: (hash, tag) pairs in
 * arrival order with a chained hash table over the hash. They are never written as postings: each
 * is derived from its fingerprint row's `band_keys`, so this is a cache the index rebuilds from the
 * table (see near-duplicate-lsh.ts). Typed arrays, not a Map of arrays: two million postings in
 * a Map cost ~150 MB of heap and most of a lookup's time in hashing boxed keys.
 */
export class RecentPostings {
  private hashes = new Uint32Array(1024);
  private tags = new Uint32Array(1024);
  /** Index of the next posting in the same head slot, or -1. */
  private next = new Int32Array(1024);
  /** First posting per slot (slot = top bits of the hash), or -1. */
  private heads = new Int32Array(1024).fill(-1);
  private shift = 32 - 10;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(hash: number, tag: number): void {
    if (this.count === this.hashes.length) this.grow();
    const index = this.count++;
    this.hashes[index] = hash;
    this.tags[index] = tag;
    const slot = hash >>> this.shift;
    this.next[index] = this.heads[slot] as number;
    this.heads[slot] = index;
  }

  /**
   * Calls `found` with the fingerprint id of the postings of (band, hash), newest first (a chain
   * runs from the last added), at most `limit` of them; returns how many it found.
   */
  forEach(
    band: number,
    hash: number,
    found: (fingerprintId: number) => void,
    limit = Infinity,
  ): number {
    let seen = 0;
    for (let i = this.heads[hash >>> this.shift] as number; i >= 0; i = this.next[i] as number) {
      if (seen >= limit) break;
      if (this.hashes[i] !== hash) continue;
      const tag = this.tags[i] as number;
      if (bandOfTag(tag) !== band) continue;
      found(fingerprintOfTag(tag));
      seen++;
    }
    return seen;
  }

  /** The postings as parallel arrays (views, valid until the next add or clear). */
  entries(): { readonly hashes: Uint32Array; readonly tags: Uint32Array } {
    return {
      hashes: this.hashes.subarray(0, this.count),
      tags: this.tags.subarray(0, this.count),
    };
  }

  clear(): void {
    this.count = 0;
    this.heads.fill(-1);
  }

  // Doubles the arrays and keeps the table at one slot per posting, so chains stay ~1 long.
  private grow(): void {
    const capacity = this.hashes.length * 2;
    const hashes = new Uint32Array(capacity);
    hashes.set(this.hashes);
    const tags = new Uint32Array(capacity);
    tags.set(this.tags);
    this.hashes = hashes;
    this.tags = tags;
    this.next = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.shift = 32 - Math.log2(capacity);
    for (let index = 0; index < this.count; index++) {
      const slot = (this.hashes[index] as number) >>> this.shift;
      this.next[index] = this.heads[slot] as number;
      this.heads[slot] = index;
    }
  }
}
