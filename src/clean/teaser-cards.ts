import { isInside } from './candidate-moves.js';
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

/** An element that links to another page: an <a href> that is not an anchor on this page. */
const linksAway = (el: HtmlElement): boolean => {
  if (el.tag === 'a') {
    const href = el.attrs['href']?.trim();
    return (
      href !== undefined && href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href)
    );
  }
  return el.children.some((c) => typeof c !== 'string' && linksAway(c));
};

/** The heading is a link away: it holds one, or sits inside one (<a href><h3>Title</h3></a>). */
const headingLinksAway = (heading: HtmlElement): boolean => {
  if (linksAway(heading)) return true;
  for (let p = heading.parent; p && p.tag !== 'body'; p = p.parent)
    if (p.tag === 'a') return linksAway(p);
  return false;
};

/**
 * A card is its headline and a dek, maybe a byline or date and a "read more": more blocks than
 * that under a linked headline are a post of a blog's front page (CleanEval dev 40), not a card.
 */
const CARD_MAX_OTHER_BLOCKS = 3;
/** A block this long under the headline is a dek; a card has one (two are a post's paragraphs). */
const DEK_MIN_CHARS = 80;
/** How far up from a linked heading its card may be: heading, link, text box, card. */
const CARD_MAX_CLIMB = 4;

/**
 * A teaser card without an <article> of its own: a box of the chosen container holding a headline
 * that is all link to another page and a line or two of unlinked description ("Mehr zum Thema"
 * lists, "Next story" boxes: <div><a href><h5>Other story</h5></a><p>Its dek</p></div>). A story's
 * own subheadings are not links away, and a box holding a subheading with its section runs longer
 * than a card. The card is the smallest box around the headline that holds other text too; it
 * must sit inside the chosen container, not be it. Block indexes to leave out.
 */
export const linkedHeadingCards = (
  blocks: readonly TextBlock[],
  inBody: readonly boolean[],
  chosen: readonly HtmlElement[],
): Set<number> => {
  const out = new Set<number>();
  let bodyChars = 0;
  for (const [index, block] of blocks.entries()) if (inBody[index]) bodyChars += block.chars;
  let teaserChars = 0;
  for (const [index, block] of blocks.entries()) {
    if (!inBody[index] || out.has(index) || block.kind !== 'heading') continue;
    if (block.chars === 0 || block.linkChars < block.chars * 0.9) continue;
    if (!headingLinksAway(block.owner)) continue;
    let card: [number, number] | undefined;
    let climbs = 0;
    for (let a = block.owner.parent; a && climbs < CARD_MAX_CLIMB; a = a.parent, climbs++) {
      if (chosen.some((c) => isInside(c, a!))) break;
      let lo = index;
      let hi = index;
      while (lo > 0 && isInside(blocks[lo - 1]!.owner, a)) lo--;
      while (hi + 1 < blocks.length && isInside(blocks[hi + 1]!.owner, a)) hi++;
      if (lo === index && hi === index) continue;
      card = [lo, hi];
      break;
    }
    if (card === undefined) continue;
    const [lo, hi] = card;
    let chars = 0;
    let deks = 0;
    let ok = true;
    for (let i = lo; i <= hi && ok; i++) {
      const b = blocks[i]!;
      if (!inBody[i] || (i !== index && b.kind === 'heading')) ok = false;
      if (i !== index && b.chars >= DEK_MIN_CHARS) deks++;
      chars += b.chars;
    }
    if (deks > 1) continue;
    if (!ok || hi - lo > CARD_MAX_OTHER_BLOCKS) continue;
    if (chars > TEASER_MAX_CHARS || chars >= bodyChars * TEASER_MAX_SHARE) continue;
    for (let i = lo; i <= hi; i++) out.add(i);
    teaserChars += chars;
  }
  return bodyChars - teaserChars >= bodyChars * TEASER_MIN_REST ? out : new Set();
};
