import { signsOf } from './boilerplate-markers.js';
import type { HtmlElement } from './html-tree.js';
import type { TextBlock } from './text-blocks.js';

/**
 * Candidates of main-text selection (main-text.ts) and the moves that change which one holds the
 * article once all are scored: up to the page's own <article> around a story cut into boxes, and
 * over to the short story under the headline that a longer list outscored.
 */

export /** Blocks shorter than this (non-space chars) are not evidence of prose (captions, labels). */
const MIN_SCORING_CHARS = 25;
export /** A block this link-heavy is navigation; 0.5 kept "see X" asides in, dropped link lists. */
const MAX_LINK_DENSITY = 0.5;

export interface Candidate {
  /** Prose scores of paragraphs beneath, decayed by distance. */
  score: number;
  /** Paragraphs that scored beneath it: an element without any is no candidate, whatever its name. */
  paragraphs: number;
  chars: number;
  linkChars: number;
}

export const parentsOf = (el: HtmlElement, max: number): HtmlElement[] => {
  const out: HtmlElement[] = [];
  for (let p = el.parent; p && out.length < max; p = p.parent) out.push(p);
  return out;
};

export const isInside = (el: HtmlElement, ancestor: HtmlElement): boolean => {
  for (let p: HtmlElement | undefined = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
};

/**
 * Factor for containers whose name vouches for (or against) holding the article. A factor, not
 * Readability's flat +25: a flat bonus let one-paragraph "main_content" boxes beat the article
 * (Nikkei, Golem on fundus-news-html). 1.5/0.75/2 tuned on both corpora (1.25-2 all within 0.001 F1).
 */
export const classFactor = (el: HtmlElement): number => {
  if (el.attrs['itemprop'] === 'articleBody') return 2;
  const { negative, positive } = signsOf(el);
  return positive ? 1.5 : negative ? 0.75 : 1;
};

const finalScore = (el: HtmlElement, c: Candidate): number =>
  c.score * (1 - (c.chars === 0 ? 0 : c.linkChars / c.chars)) * classFactor(el);

/** The anchored candidate needs this share of the top score: a short story beside a long list. */
const ANCHOR_MIN_SHARE = 0.25;

/**
 * A short story next to a long teaser list or sidebar loses on score to the list. The page says
 * where its story is: right under the headline that repeats its title. When the best candidate
 * holds neither that headline nor the prose that follows it, the candidate around that prose wins
 * if it is not negligible.
 */
export const titleAnchored = (
  blocks: readonly TextBlock[],
  candidates: ReadonlyMap<HtmlElement, Candidate>,
  top: HtmlElement,
  topScore: number,
  title: string | undefined,
): [HtmlElement, number] | undefined => {
  if (title === undefined) return undefined;
  const squash = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const want = squash(title);
  if (want.length < 15) return undefined;
  // The title may carry the site and section around the headline ("Site News : Latest : Headline").
  const h = blocks.findIndex((b) => {
    if (b.kind !== 'heading') return false;
    const text = squash(b.text);
    return text === want || (text.length >= 15 && text.includes(' ') && want.includes(text));
  });
  if (h < 0 || isInside(blocks[h]!.owner, top)) return undefined;
  let s = h + 1;
  while (
    s < blocks.length &&
    (blocks[s]!.kind === 'heading' ||
      blocks[s]!.chars < MIN_SCORING_CHARS ||
      blocks[s]!.linkChars > blocks[s]!.chars * MAX_LINK_DENSITY)
  )
    s++;
  if (s >= blocks.length || s > h + 8) return undefined;
  const owner = blocks[s]!.owner;
  if (isInside(owner, top)) return undefined;
  let best: [HtmlElement, number] | undefined;
  const chain = [owner, ...parentsOf(owner, 4)];
  for (const el of chain) {
    if (el.tag === 'body' || el.tag === 'html' || el.tag === '#root' || isInside(top, el)) break;
    const c = candidates.get(el);
    if (!c || c.paragraphs === 0) continue;
    const score = finalScore(el, c);
    if (!best || score > best[1]) best = [el, score];
  }
  return best && best[1] >= topScore * ANCHOR_MIN_SHARE ? best : undefined;
};

/**
 * The <article> must hold this many times the container's prose (non-link chars): 1.3 also took
 * in headers and info boxes (dev fundus: 5 pages down), 2.5 missed a story cut in two (1.6: fundus
 * +0.73 summed page F1 over 2 up, 3 down by gold convention: a product list, a source list).
 */
const ARTICLE_GAIN = 1.6;
/** ...with at most this link density: an <article> of teaser cards is a list, not a story. */
const ARTICLE_MAX_DENSITY = 0.3;
const proseChars = (c: Candidate | undefined): number => (c ? c.chars - c.linkChars : 0);

/**
 * The page's own <article> (or articleBody) around the best container, when it holds much more
 * prose than that container and few links: the story is cut into several containers (live-blog
 * entries, chunks between ads, a lead box and a body box) and the element the page names as the
 * article is where they all are.
 */
export const articleAround = (
  top: HtmlElement,
  candidates: ReadonlyMap<HtmlElement, Candidate>,
): HtmlElement | undefined => {
  const own = proseChars(candidates.get(top));
  let depth = 0;
  for (let p = top.parent; p && p.tag !== 'body' && depth < 8; p = p.parent, depth++) {
    if (p.tag !== 'article' && p.attrs['itemprop'] !== 'articleBody') continue;
    const c = candidates.get(p);
    if (!c) return undefined;
    const density = c.chars === 0 ? 0 : c.linkChars / c.chars;
    if (proseChars(c) >= own * ARTICLE_GAIN && density <= ARTICLE_MAX_DENSITY) return p;
    return undefined;
  }
  return undefined;
};
