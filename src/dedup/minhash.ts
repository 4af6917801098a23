import { combine32, mix32 } from './hash32.js';

/**
 * MinHash over a set of 32-bit shingle hashes, and LSH band keys over the signature.
 * The per-row seeds come from a fixed generator so a signature is the same in every run: the
 * index is persisted, and a signature computed next month must still match today's.
 */

const seedsFor = (count: number): Uint32Array => {
  const seeds = new Uint32Array(count);
  let state = 0x2545f491;
  for (let i = 0; i < count; i++) {
    state = mix32(state + 0x6d2b79f5);
    seeds[i] = state;
  }
  return seeds;
};

const seedCache = new Map<number, Uint32Array>();
const seeds = (count: number): Uint32Array => {
  let cached = seedCache.get(count);
  if (!cached) {
    cached = seedsFor(count);
    seedCache.set(count, cached);
  }
  return cached;
};

/**
 * Signature of `count` minima; an empty set gives all-0xffffffff (which matches nothing useful).
 * Shingle hashes arrive well mixed, so each row is a cheap odd-multiplier-plus-offset hash of
 * them (a universal family) rather than a full mix: this loop is most of the fingerprint's cost.
 * Repeated shingles are harmless (a minimum is a minimum).
 */
export const minhashSignature = (shingles: Uint32Array, count: number): Uint32Array => {
  const rowSeeds = seeds(count * 2);
  const signature = new Uint32Array(count).fill(0xffffffff);
  for (let i = 0; i < count; i++) {
    const multiplier = (rowSeeds[2 * i] as number) | 1;
    const offset = rowSeeds[2 * i + 1] as number;
    let min = 0xffffffff;
    for (let s = 0; s < shingles.length; s++) {
      const value = (Math.imul(shingles[s] as number, multiplier) + offset) >>> 0;
      if (value < min) min = value;
    }
    signature[i] = min;
  }
  return signature;
};

/** Fraction of equal rows: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export const signatureAgreement = (a: Uint32Array, b: Uint32Array): number => {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) equal++;
  return equal / length;
};

const BAND_SPAN = 2 ** 32;

/**
 * One bucket key per band of `rows` rows: band index * 2^32 + hash of the band's rows. Keys fit in a
 * double exactly (and in a SQLite INTEGER), so one integer column holds every band.
 */
export const lshBucketKeys = (signature: Uint32Array, rows: number): number[] => {
  const bands = Math.floor(signature.length / rows);
  const keys: number[] = [];
  for (let band = 0; band < bands; band++) {
    let hash = band;
    for (let r = 0; r < rows; r++) hash = combine32(hash, signature[band * rows + r] as number);
    keys.push(band * BAND_SPAN + hash);
  }
  return keys;
};
