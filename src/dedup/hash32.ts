/**
 * Small, fast, seedless 32-bit hashes. Fixed functions (no random seeds at run time) keep every
 * fingerprint identical across runs and machines, which the persisted index depends on.
 */

/** FNV-1a over UTF-16 code units. */
export const hashString32 = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/** MurmurHash3's finaliser: spreads every input bit over the output. */
export const mix32 = (value: number): number => {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** Order-sensitive combination of two 32-bit hashes. */
export const combine32 = (seed: number, value: number): number =>
  mix32((Math.imul(seed ^ 0x9e3779b9, 0x01000193) + value) | 0);
