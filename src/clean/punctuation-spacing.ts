/**
 * Scraped dumps put a space before commas and full stops where inline markup was dropped
 * ("Investing More , in"; "the U.S. ."). We close those gaps; nothing else about wording changes.
 */
export const PUNCTUATION_SPACING_VERSION = 'punctuation-spacing-1';

export interface SpacingRepair {
  readonly text: string;
  readonly changed: boolean;
}

export const repairPunctuationSpacing = (paragraph: string): SpacingRepair => {
  let text = paragraph
    // A space before , ; ! ? or a closing bracket, when the mark is followed by a space or the end.
    // (":" is left alone: "Note : x" styles exist, and French spacing uses it deliberately.)
    .replace(/(\S)\s+([,;)\]])(?=\s|$)/g, '$1$2')
    .replace(/(\p{L}|\d|["”’')])\s+([!?])(?=\s|$)/gu, '$1$2')
    // "U.S. ." -> "U.S." (the stop after an abbreviation already ends the sentence).
    .replace(/(\b(?:\p{Lu}\.){2,})\s+\.(?=\s|$)/gu, '$1')
    // "end of sentence ." -> "end of sentence."
    .replace(/(\p{L}|\d|["”’')])\s+\.(?=\s|$)/gu, '$1.')
    .replace(/\(\s+/g, '(')
    // A closing curly quote glued to the next word ("environment”Biden said") lost its space.
    .replace(/([\u201d])(\p{L})/gu, '$1 $2');
  text = text.replace(/ {2,}/g, ' ');
  return { text, changed: text !== paragraph };
};
