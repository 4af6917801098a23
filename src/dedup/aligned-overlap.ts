/**
 * Words two texts share *in place*: paragraphs are paired by their word overlap, then aligned by
 * longest common subsequence. Unlike a bag of words, a changed word can never be "found again"
 * elsewhere in the other text, so the count matches what an editor would call unchanged words;
 * pairing paragraphs first keeps reordered, dropped or added paragraphs from breaking the alignment.
 */

export interface ParagraphedWords {
  /** Word hashes in reading order. */
  readonly words: Uint32Array;
  /** Start offset of each paragraph in `words` (first is 0). */
  readonly paragraphStarts: Uint32Array;
}

const paragraphs = (text: ParagraphedWords): Uint32Array[] => {
  const out: Uint32Array[] = [];
  const starts = text.paragraphStarts.length > 0 ? text.paragraphStarts : Uint32Array.of(0);
  for (let p = 0; p < starts.length; p++) {
    const start = starts[p] as number;
    const end = p + 1 < starts.length ? (starts[p + 1] as number) : text.words.length;
    if (end > start) out.push(text.words.subarray(start, end));
  }
  return out;
};

/**
 * Length of the longest common subsequence, bit-parallel (Allison and Dix; Hyyro 2004): the shorter
 * text's positions are bits, and each word of the longer one updates them all with an addition, so a
 * pair costs (longer length) x (shorter length / 32) word operations instead of the table's product.
 * Exactly the classic dynamic programme's answer (a test compares the two on random texts).
 */
export const lcsLength = (a: Uint32Array, b: Uint32Array): number => {
  const [rows, columns] = a.length >= b.length ? [a, b] : [b, a];
  if (columns.length === 0) return 0;
  const width = Math.ceil(columns.length / 32);
  // Bit j of a word's mask: the shorter text holds that word at position j.
  const masks = new Map<number, Uint32Array>();
  for (let j = 0; j < columns.length; j++) {
    const word = columns[j] as number;
    let mask = masks.get(word);
    if (!mask) {
      mask = new Uint32Array(width);
      masks.set(word, mask);
    }
    mask[j >>> 5] = (mask[j >>> 5] as number) | (1 << (j & 31));
  }
  // V starts all ones; a zero bit is one more matched word. Bits past the end stay out of the count.
  const v = new Uint32Array(width).fill(0xffffffff);
  for (let i = 0; i < rows.length; i++) {
    const mask = masks.get(rows[i] as number);
    if (!mask) continue;
    let carry = 0;
    for (let w = 0; w < width; w++) {
      const current = v[w] as number;
      const matched = (current & (mask[w] as number)) >>> 0;
      // V' = (V + U) | (V - U), and V - U = V & ~U because U is a subset of V.
      const sum = current + matched + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = ((sum >>> 0) | (current & ~matched)) >>> 0;
    }
  }
  let ones = 0;
  for (let j = 0; j < columns.length; j++) ones += ((v[j >>> 5] as number) >>> (j & 31)) & 1;
  return columns.length - ones;
};

const countsOf = (words: Uint32Array): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
};

const bagOverlap = (a: Map<number, number>, b: Map<number, number>): number => {
  let shared = 0;
  for (const [word, count] of a) shared += Math.min(count, b.get(word) ?? 0);
  return shared;
};

/** Share of the shorter paragraph's words a pair must have in common to be aligned at all. */
const MIN_PAIRED_SHARE = 0.5;

/** Word pairs compared at most, to bound the cost on very long texts; beyond it paragraphs pair greedily anyway. */
const MAX_CELLS = 2_000_000;

/**
 * Unchanged words shared by the two texts. Each paragraph of the text with more paragraphs is
 * aligned with the paragraph of the other that shares most words with it (so a merged paragraph
 * still aligns with both of its halves).
 */
export const alignedSharedWords = (a: ParagraphedWords, b: ParagraphedWords): number => {
  const [many, few] = a.paragraphStarts.length >= b.paragraphStarts.length ? [a, b] : [b, a];
  const manyParagraphs = paragraphs(many);
  const fewParagraphs = paragraphs(few);
  const fewCounts = fewParagraphs.map(countsOf);
  // A paragraph of `few` is never credited with more words than it has, however many align with it.
  const credited = new Uint32Array(fewParagraphs.length);
  let shared = 0;
  let cells = 0;
  for (const paragraph of manyParagraphs) {
    const counts = countsOf(paragraph);
    let best = -1;
    let bestOverlap = 0;
    fewCounts.forEach((other, index) => {
      const overlap = bagOverlap(counts, other);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = index;
      }
    });
    if (best < 0) continue;
    const partner = fewParagraphs[best] as Uint32Array;
    // A paragraph with no real counterpart (boilerplate, a dropped paragraph's neighbour) still shares
    // "the", "of" and "said" with something; counting those would inflate every copy with an added line.
    if (bestOverlap < MIN_PAIRED_SHARE * Math.min(paragraph.length, partner.length)) continue;
    cells += paragraph.length * partner.length;
    const aligned = cells > MAX_CELLS ? bestOverlap : lcsLength(paragraph, partner);
    const room = partner.length - (credited[best] as number);
    const counted = Math.min(aligned, room);
    credited[best] = (credited[best] as number) + counted;
    shared += counted;
  }
  return shared;
};
