import { alignedSharedWords, lcsLength } from './aligned-overlap.js';
import type { ParagraphedWords } from './aligned-overlap.js';
import { WordBag } from './word-bag.js';

/**
 * The overlap measure that confirms an LSH candidate. "Sharing 85% of content" is read as: of the
 * shorter text's words, the share that also occur in the other text, counted with multiplicity
 * aligned in place (see aligned-overlap.ts). Paragraph reordering, dropped paragraphs and added
 * boilerplate leave it intact; every changed word lowers it by one word.
 */

/** Words both multisets hold; inputs are sorted ascending (with repeats). */
export const sharedWordCount = (a: Uint32Array, b: Uint32Array): number => {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
};

// The article being decided is compared with every candidate: build its bag once. Keyed weakly by
// the array itself, so an entry lives exactly as long as the fingerprint holding it.
const bags = new WeakMap<Uint32Array, WordBag>();
const bagOf = (words: Uint32Array): WordBag => {
  let bag = bags.get(words);
  if (!bag) {
    bag = new WordBag(words);
    bags.set(words, bag);
  }
  return bag;
};

/** Word pairs (shorter x longer) a whole-text alignment may cover: about 1.5 M machine words of work. */
export const MAX_IN_ORDER_CELLS = 50_000_000;

export interface ContentOverlap {
  /** Shared words / words of the shorter text, 0..1. */
  readonly containment: number;
  /** Shorter length / longer length, 0..1: an excerpt is contained in its source but is not a copy of it. */
  readonly lengthRatio: number;
}

/**
 * Bag-of-words containment first (cheap, and never below the aligned count), then the aligned
 * count only for pairs that could pass `threshold`, and the whole-text alignment only for pairs the
 * paragraph pairing leaves short of it.
 */
export const contentOverlap = (
  a: ParagraphedWords,
  b: ParagraphedWords,
  threshold: number,
): ContentOverlap => {
  const shorter = Math.min(a.words.length, b.words.length);
  const longer = Math.max(a.words.length, b.words.length);
  if (shorter === 0) return { containment: 0, lengthRatio: 0 };
  const lengthRatio = shorter / longer;
  const bag = bagOf(a.words).sharedWith(b.words) / shorter;
  if (bag < threshold) return { containment: bag, lengthRatio };
  const aligned = alignedSharedWords(a, b) / shorter;
  if (aligned >= threshold) return { containment: aligned, lengthRatio };
  // Sites cut one story into paragraphs differently (one block on a page whose extraction kept
  // its <br> runs together, twenty on another), and pairing paragraphs then credits a merged block
  // with one partner only. The whole texts aligned in order count every unchanged word once.
  // Bounded like the paragraph alignment: a pair of book-length texts keeps the paragraph count.
  if (shorter * longer > MAX_IN_ORDER_CELLS) return { containment: aligned, lengthRatio };
  const inOrder = lcsLength(a.words, b.words) / shorter;
  return { containment: Math.max(aligned, inOrder), lengthRatio };
};
