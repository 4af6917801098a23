/**
 * Folding rules shared by exact fingerprints and token features, so "the same text" means the same
 * thing everywhere: case, Unicode compatibility forms, quotes, dashes, punctuation and whitespace
 * never make two copies of a wire story look different.
 */

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
// Everything that is neither a letter nor a digit separates words; apostrophes inside words are dropped
// so "don't" and "dont" fold together (copy editors disagree about them).
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const INNER_APOSTROPHE = /(\p{L})['\u2019](\p{L})/gu;

/** Lower-cased words of `text` after folding; empty strings never appear. */
export const foldedWords = (text: string): string[] => {
  const folded = text
    .normalize('NFKC')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(INNER_APOSTROPHE, '$1$2')
    .toLowerCase();
  return folded.split(NON_WORD).filter((word) => word.length > 0);
};

/** One canonical string per text: equal for texts that differ only in case, spacing, quotes or punctuation. */
export const foldText = (text: string): string => foldedWords(text).join(' ');
