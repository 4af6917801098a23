import type { HtmlElement } from './html-tree.js';
import type { TextBlock } from './text-blocks.js';

const hasLink = (el: HtmlElement): boolean =>
  el.children.some(
    (c) =>
      typeof c !== 'string' && ((c.tag === 'a' && c.attrs['href'] !== undefined) || hasLink(c)),
  );

/**
 * A teaser is a card pointing to another story: an <article> of its own nested in the chosen
 * container, holding a link and a small part of the text (ZDF's "Russland greift die Ukraine an"
 * card inside the story; related-story cards between paragraphs). Block indexes to leave out.
 * 0.3: a card is a small part of a story.
 */
const TEASER_MAX_SHARE = 0.3;
/** A teaser is a headline and a sentence or two (the dev cards: 70-510 non-space chars). */
const TEASER_MAX_CHARS = 600;
/** Cards leaving less than this share of the container are what the page is (a section front). */
const TEASER_MIN_REST = 0.15;
export const nestedTeasers = (
  blocks: readonly TextBlock[],
  inBody: readonly boolean[],
  chosen: readonly HtmlElement[],
): Set<number> => {
  const byCard = new Map<HtmlElement, number[]>();
  let bodyChars = 0;
  for (const [index, block] of blocks.entries()) {
    if (!inBody[index]) continue;
    bodyChars += block.chars;
    let card: HtmlElement | undefined;
    for (let p: HtmlElement | undefined = block.owner; p && !chosen.includes(p); p = p.parent)
      if (p.tag === 'article') card = p;
    if (card === undefined) continue;
    const list = byCard.get(card);
    if (list) list.push(index);
    else byCard.set(card, [index]);
  }
  const out = new Set<number>();
  let teaserChars = 0;
  for (const [card, indexes] of byCard) {
    const chars = indexes.reduce((sum, i) => sum + blocks[i]!.chars, 0);
    if (chars <= TEASER_MAX_CHARS && chars < bodyChars * TEASER_MAX_SHARE && hasLink(card)) {
      for (const i of indexes) out.add(i);
      teaserChars += chars;
    }
  }
  return bodyChars - teaserChars >= bodyChars * TEASER_MIN_REST ? out : new Set();
};
