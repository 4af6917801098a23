/**
 * When two paragraphs say the same thing: equal once case, spacing and punctuation are ignored
 * ("exact"), or sharing almost all their word pairs ("near": the same paragraph with a stray
 * comma, a dropped word or an added full stop).
 */

/** Lower-case words, punctuation and spacing ignored: the key for exact repeats. */
export const paragraphKey = (text: string): string =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * Word-pair Jaccard at or above this makes a near repeat. 0.8 was set on the seeded noise bench
 * (bench/noise-repair.ts) and the seeds: one changed word in a 10-word line keeps ~0.8, while
 * distinct BBC paragraphs never exceed 0.5.
 */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Shorter paragraphs must repeat exactly: two 3-word lines differing by one word are different. */
const MIN_WORDS_FOR_NEAR = 6;

/**
 * A paragraph key with its word count and word pairs worked out once: a dump is compared paragraph
 * against every kept paragraph, and re-splitting both keys per comparison was a third of cleaning
 * time on hard-wrapped Reuters dumps (measured with --cpu-prof on bench/out/reuters.jsonl).
 */
export interface ParagraphSignature {
  readonly key: string;
  readonly words: number;
  readonly pairs: ReadonlySet<string>;
}

export const paragraphSignature = (key: string): ParagraphSignature => {
  const words = key.split(' ');
  const pairs = new Set<string>();
  if (words.length === 1) pairs.add(words[0] ?? '');
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return { key, words: words.length, pairs };
};

const signatureOf = (value: string | ParagraphSignature): ParagraphSignature =>
  typeof value === 'string' ? paragraphSignature(value) : value;

export const pairJaccard = (
  a: string | ParagraphSignature,
  b: string | ParagraphSignature,
): number => {
  const x = signatureOf(a).pairs;
  const y = signatureOf(b).pairs;
  let shared = 0;
  for (const p of x) if (y.has(p)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
};

export const isNearRepeat = (
  a: string | ParagraphSignature,
  b: string | ParagraphSignature,
): boolean => {
  const keyA = typeof a === 'string' ? a : a.key;
  const keyB = typeof b === 'string' ? b : b.key;
  if (keyA === keyB) return true;
  const x = signatureOf(a);
  const y = signatureOf(b);
  if (Math.min(x.words, y.words) < MIN_WORDS_FOR_NEAR) return false;
  if (Math.min(x.words, y.words) / Math.max(x.words, y.words) < NEAR_DUPLICATE_JACCARD)
    return false;
  return pairJaccard(x, y) >= NEAR_DUPLICATE_JACCARD;
};
