/**
 * Packed LSH postings for the chunks of the SQLite near-duplicate index. An entry is two
 * uint32: the band's 32-bit hash, then `band << 27 | fingerprint id`. A chunk holds the entries whose
 * hash falls in one slice of the hash space, sorted by (hash, second word), so a lookup reads a few
 * small BLOBs and binary-searches them instead of walking one B-tree row per (bucket, article).
 */

/** Bucket keys are band * 2^32 + 32-bit hash (see lshBucketKeys). */
const BAND_SPAN = 2 ** 32;
const FINGERPRINT_BITS = 27;
/** Fingerprint ids the packed format can hold: 134M articles. */
export const MAX_PACKED_FINGERPRINT_ID = 2 ** FINGERPRINT_BITS - 1;
const FINGERPRINT_MASK = MAX_PACKED_FINGERPRINT_ID;

export const bandOf = (bucket: number): number => Math.floor(bucket / BAND_SPAN);
export const hashOf = (bucket: number): number => bucket % BAND_SPAN;
export const tagOf = (band: number, fingerprintId: number): number =>
  ((band << FINGERPRINT_BITS) | fingerprintId) >>> 0;
export const fingerprintOfTag = (tag: number): number => tag & FINGERPRINT_MASK;
export const bandOfTag = (tag: number): number => tag >>> FINGERPRINT_BITS;

/** Chunk of a hash among 2^bits chunks: its top bits, so chunks of a finer level nest in a coarser one. */
export const chunkOf = (hash: number, bits: number): number => hash >>> (32 - bits);

const before = (aHash: number, aTag: number, bHash: number, bTag: number): boolean =>
  aHash < bHash || (aHash === bHash && aTag < bTag);

/**
 * Parallel (hash, tag) arrays as packed entries sorted by (hash, tag): a counting pass on the top
 * 16 bits of the hash, then insertion sort inside each of those slices (a few dozen entries each at
 * two million postings), instead of a comparison sort of objects.
 */
export const packSorted = (hashes: Uint32Array, tags: Uint32Array): Uint32Array => {
  const slices = new Uint32Array(2 ** 16 + 1);
  for (let i = 0; i < hashes.length; i++) (slices[((hashes[i] as number) >>> 16) + 1] as number)++;
  for (let s = 1; s < slices.length; s++)
    slices[s] = (slices[s] as number) + (slices[s - 1] as number);
  const fill = slices.slice(0, 2 ** 16);
  const packed = new Uint32Array(hashes.length * 2);
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as number;
    const at = (fill[hash >>> 16] as number) * 2;
    fill[hash >>> 16] = (fill[hash >>> 16] as number) + 1;
    packed[at] = hash;
    packed[at + 1] = tags[i] as number;
  }
  for (let s = 0; s < 2 ** 16; s++) {
    const start = slices[s] as number;
    const end = slices[s + 1] as number;
    for (let i = start + 1; i < end; i++) {
      const hash = packed[2 * i] as number;
      const tag = packed[2 * i + 1] as number;
      let j = i - 1;
      while (
        j >= start &&
        before(hash, tag, packed[2 * j] as number, packed[2 * j + 1] as number)
      ) {
        packed[2 * j + 2] = packed[2 * j] as number;
        packed[2 * j + 3] = packed[2 * j + 1] as number;
        j--;
      }
      packed[2 * j + 2] = hash;
      packed[2 * j + 3] = tag;
    }
  }
  return packed;
};

/** Merge of two packed, sorted chunks; an entry present in both is kept once. */
export const mergePacked = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) {
    const ah = a[i] as number;
    const at = a[i + 1] as number;
    const bh = b[j] as number;
    const bt = b[j + 1] as number;
    if (ah === bh && at === bt) {
      out[o++] = ah;
      out[o++] = at;
      i += 2;
      j += 2;
    } else if (before(ah, at, bh, bt)) {
      out[o++] = ah;
      out[o++] = at;
      i += 2;
    } else {
      out[o++] = bh;
      out[o++] = bt;
      j += 2;
    }
  }
  while (i < a.length) out[o++] = a[i++] as number;
  while (j < b.length) out[o++] = b[j++] as number;
  return o === out.length ? out : out.slice(0, o);
};

/**
 * Calls `found` with the fingerprint id of the entries for (band, hash) in a packed, sorted chunk,
 * newest (highest id) first, at most `limit` of them; returns how many it found.
 */
export const forEachPosting = (
  chunk: Uint32Array,
  band: number,
  hash: number,
  found: (fingerprintId: number) => void,
  limit = Infinity,
): number => {
  // Entries sort by (hash, tag) and a tag by (band, id): walk back from the hash's last entry.
  let low = 0;
  let high = chunk.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((chunk[2 * middle] as number) <= hash) low = middle + 1;
    else high = middle;
  }
  let seen = 0;
  for (let e = low - 1; e >= 0 && chunk[2 * e] === hash && seen < limit; e--) {
    const tag = chunk[2 * e + 1] as number;
    const tagBand = bandOfTag(tag);
    if (tagBand < band) break;
    if (tagBand !== band) continue;
    found(fingerprintOfTag(tag));
    seen++;
  }
  return seen;
};
