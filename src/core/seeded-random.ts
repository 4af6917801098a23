/**
 * mulberry32: a tiny, fast PRNG giving the same sequence for the same seed everywhere, for seeded
 * benchmark generators and fuzz fixtures (never for anything security-related).
 */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * xorshift32 from a given non-zero state: the sequence the NER trainer's shuffles and the word
 * clusters' initial centroids were built with, kept so that rebuilding them gives the same files.
 */
export const xorshift32Random = (state: number): (() => number) => {
  let x = state >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
};
