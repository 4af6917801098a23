import type { ParagraphedWords } from './aligned-overlap.js';
import { alignedSharedWords } from './aligned-overlap.js';

/**
 * Truncated republication: a site that shows page 1 of 2, or cuts a wire story after a few
 * paragraphs, prints the story's leading part. Such a text is far shorter than the full story, so
 * the length rule (an excerpt is not a copy) would reject it; but unlike an excerpt quoted inside
 * another article, nearly all its words line up with the *start* of the longer text. This measures
 * that: the shorter text's words found in place in the longer text's leading paragraphs.
 */

/** The leading paragraphs of `text` holding at least `words` words (whole paragraphs). */
const leadingParagraphs = (text: ParagraphedWords, words: number): ParagraphedWords => {
  const starts = text.paragraphStarts;
  let end = text.words.length;
  let count = 0;
  for (let p = 1; p < starts.length; p++) {
    if ((starts[p] as number) >= words) {
      end = starts[p] as number;
      count = p;
      break;
    }
  }
  if (count === 0) return text;
  return { words: text.words.subarray(0, end), paragraphStarts: starts.subarray(0, count) };
};

/**
 * Share of the shorter text's words aligned in place with the longer text's leading part (its
 * first paragraphs up to `slack` times the shorter length): 1 for a clean cut, low for a text that
 * only shares the longer one's opening.
 */
export const leadingPartContainment = (
  shorter: ParagraphedWords,
  longer: ParagraphedWords,
  slack = 1.5,
): number => {
  if (shorter.words.length === 0) return 0;
  const lead = leadingParagraphs(longer, Math.ceil(shorter.words.length * slack));
  return alignedSharedWords(shorter, lead) / shorter.words.length;
};
