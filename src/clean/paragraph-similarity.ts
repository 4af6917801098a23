/**
 * When two paragraphs say the same thing: equal once case, spacing and punctuation are ignored
 * ("exact"), or sharing almost all their word pairs ("near": the same paragraph with a stray
 * comma, a dropped word or an added full stop).
 */

/** Lower-case words, punctuation and spacing ignored: the key for exact repeats. */
export const paragraphKey = (text: string): string =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

const wordPairs = (key: string): Set<string> => {
  const words = key.split(' ');
  const pairs = new Set<string>();
  if (words.length === 1) pairs.add(words[0] ?? '');
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
};

/**
 * Word-pair Jaccard at or above this makes a near repeat. 0.8 was set on the seeded noise bench
 * (bench/noise-repair.ts) and the seeds: one changed word in a 10-word line keeps ~0.8, while
 * distinct BBC paragraphs never exceed 0.5.
 */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Shorter paragraphs must repeat exactly: two 3-word lines differing by one word are different. */
const MIN_WORDS_FOR_NEAR = 6;

export const pairJaccard = (a: string, b: string): number => {
  const x = wordPairs(a);
  const y = wordPairs(b);
  let shared = 0;
  for (const p of x) if (y.has(p)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
};

export const isNearRepeat = (keyA: string, keyB: string): boolean => {
  if (keyA === keyB) return true;
  const wa = keyA.split(' ').length;
  const wb = keyB.split(' ').length;
  if (Math.min(wa, wb) < MIN_WORDS_FOR_NEAR) return false;
  if (Math.min(wa, wb) / Math.max(wa, wb) < NEAR_DUPLICATE_JACCARD) return false;
  return pairJaccard(keyA, keyB) >= NEAR_DUPLICATE_JACCARD;
};
