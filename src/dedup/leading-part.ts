import type { ParagraphedWords } from './aligned-overlap.js';
import { alignedSharedWords, lcsLength } from './aligned-overlap.js';
import { MAX_IN_ORDER_CELLS } from './content-overlap.js';

/**
 * Truncated or furnished republication: a site that shows page 1 of 2, or cuts a wire story after a
 * few paragraphs, prints the story's leading part; a page whose extraction kept navigation, related
 * links and comments holds the whole story inside far more words. Either way one text is far
 * shorter than the other, so the length rule (an excerpt is not a copy) would reject the pair; but
 * nearly all the shorter text's words line up, in order, with one compact stretch of the longer
 * text: its start, or the block between the page's furniture. This measures that.
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

/**
 * Start of the stretch of `longer`, `width` words long, that holds most words of `vocabulary`
 * (one sliding window, linear in the longer text).
 */
const densestWindow = (
  longer: Uint32Array,
  vocabulary: ReadonlySet<number>,
  width: number,
): number => {
  let inWindow = 0;
  for (let i = 0; i < width; i++) if (vocabulary.has(longer[i] as number)) inWindow++;
  let best = inWindow;
  let bestStart = 0;
  for (let start = 1; start + width <= longer.length; start++) {
    if (vocabulary.has(longer[start - 1] as number)) inWindow--;
    if (vocabulary.has(longer[start + width - 1] as number)) inWindow++;
    if (inWindow > best) {
      best = inWindow;
      bestStart = start;
    }
  }
  return bestStart;
};

/**
 * Share of the shorter text's words found in order inside one stretch of the longer text at most
 * `slack` times the shorter length: the leading part, or else the stretch densest in the shorter
 * text's words (the story between a page's navigation and its comments). Low for a text whose
 * words are scattered over a long article, as a rewrite's or a same-topic story's are.
 */
export const containedPartContainment = (
  shorter: ParagraphedWords,
  longer: ParagraphedWords,
  slack = 1.5,
): number => {
  const length = shorter.words.length;
  if (length === 0) return 0;
  const lead = leadingPartContainment(shorter, longer, slack);
  const width = Math.ceil(length * slack);
  // Book-length texts keep the leading-part answer, as the paragraph alignment bounds its own work.
  if (length * Math.min(width, longer.words.length) > MAX_IN_ORDER_CELLS) return lead;
  if (width >= longer.words.length)
    return Math.max(lead, lcsLength(shorter.words, longer.words) / length);
  const start = densestWindow(longer.words, new Set(shorter.words), width);
  const window = longer.words.subarray(start, start + width);
  return Math.max(lead, lcsLength(shorter.words, window) / length);
};
