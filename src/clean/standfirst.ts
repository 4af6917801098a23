import type { TextBlock } from './text-blocks.js';

/**
 * The standfirst (German "Teaser", "Vorspann"): the bold lead paragraph many news sites print in
 * the article header, beside the headline, outside the container that holds the body. Readers
 * and the article's own gold take it as the article's first paragraph. We recognise it without
 * site rules: it is a prose block shortly before the body that says what the page's declared
 * description says (og:description or meta description, often the standfirst itself, sometimes
 * cut short with an ellipsis).
 */

/** How far before the body's first block the standfirst may sit (header furniture between). */
const MAX_BLOCKS_BEFORE = 12;
const MIN_CHARS = 60;

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the block's words in the description, and of the description's in the block. */
const agreement = (
  block: readonly string[],
  description: ReadonlySet<string>,
): [number, number] => {
  const distinct = new Set(block);
  let shared = 0;
  for (const w of distinct) if (description.has(w)) shared++;
  return [shared / Math.max(1, distinct.size), shared / Math.max(1, description.size)];
};

/**
 * Index of the block holding the standfirst, or undefined: among the blocks just before
 * `bodyStart`, the nearest prose block whose words are (nearly) all the description's and which
 * carries most of the description.
 */
export const findStandfirst = (
  blocks: readonly TextBlock[],
  bodyStart: number,
  description: string | undefined,
): number | undefined => {
  if (description === undefined) return undefined;
  const described = new Set(wordsOf(description));
  if (described.size < 6) return undefined;
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - MAX_BLOCKS_BEFORE; i--) {
    const block = blocks[i] as TextBlock;
    if (block.kind === 'heading' || block.chars < MIN_CHARS) continue;
    if (block.linkChars > block.chars * 0.3) continue;
    const [inDescription, ofDescription] = agreement(wordsOf(block.text), described);
    if (inDescription >= 0.85 && ofDescription >= 0.6) return i;
  }
  return undefined;
};
