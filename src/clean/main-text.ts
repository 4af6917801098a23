import { isCommentSectionHeading, MIN_ARTICLE_BEFORE_COMMENTS } from './comment-section.js';
import { furnitureReason } from './furniture-lines.js';
import { findStandfirst, findStandfirstBefore } from './standfirst.js';
import { authorBoxes } from './author-box.js';
import { sourcesLists } from './sources-list.js';
import { nestedTeasers } from './teaser-cards.js';
import type { HtmlElement } from './html-tree.js';
import {
  articleAround,
  classFactor,
  isInside,
  parentsOf,
  titleAnchored,
  type Candidate,
  MAX_LINK_DENSITY,
  MIN_SCORING_CHARS,
} from './candidate-moves.js';
import { collectTextBlocks, type TextBlock } from './text-blocks.js';

/**
 * Main-text selection: score containers by the prose paragraphs beneath them, pick the best one,
 * take in siblings that look like more of the same, then drop link lists and furniture lines.
 * Constants were calibrated on article-extraction-benchmark (181 pages, bench/extract.ts) and
 * cross-checked on fundus-news-html (258 pages) so that neither set alone drives them; later
 * changes are chosen on the dev sets of docs/extraction-protocol.md. The version changes with the
 * output, so `sitrep reprocess` re-derives stored articles (2: hidden article text, comment boxes,
 * read-more climb, teaser cards, more furniture lines; 3: a second look at pages left with almost
 * no text, comment sections that only a heading announces; 4: the page's <article> around a story
 * cut into boxes, a short story anchored under its headline, more German furniture lines; 5: CSS
 * Modules names read, German standfirsts in a skipped header, German sources lists, agency notes,
 * translator credits and video teasers; 6: an id slugged from a heading's text names no widget).
 */
export const MAIN_TEXT_VERSION = 'main-text-6';

/**
 * A twin of the top container needs one scoring paragraph: some sites put every paragraph in
 * its own "card" (HawaiiNewsNow, f344ca5f in the benchmark), so one is all a twin may have.
 */
const MIN_TWIN_SCORE = 1;

/**
 * The component name a class list starts with ("RichText" in "RichText RichText--lastPmb0 lg:w-8/12"):
 * chunks of one article body share it while their modifiers differ (Spiegel cuts its body into
 * "RichText" blocks). Utility classes (Tailwind "lg:w-8/12", "mt-4") name no component.
 */
const classKind = (cls: string): string | undefined => {
  const first = cls.trim().split(/\s+/)[0] ?? '';
  return first.length >= 4 && /^[A-Za-z][A-Za-z_-]*$/.test(first) && !/[-_]{2}/.test(first)
    ? first
    : undefined;
};

const proseScore = (block: TextBlock): number => {
  const commas = (block.text.match(/[,\uff0c\u3001\u060c]/g) ?? []).length;
  return 1 + commas + Math.min(3, Math.floor(block.chars / 100));
};

/** The element's one child element, when its other children are whitespace only. */
const onlyElementChild = (el: HtmlElement): HtmlElement | undefined => {
  let only: HtmlElement | undefined;
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') return undefined;
    } else if (only !== undefined) return undefined;
    else only = child;
  }
  return only;
};

/**
 * A paragraph beside the article container that reads as more of it (Readability's test): long
 * with few links, or a short link-free sentence.
 */
const isProseParagraph = (block: TextBlock): boolean => {
  const density = block.chars === 0 ? 0 : block.linkChars / block.chars;
  return block.text.length > 80 && density < 0.25;
};

/**
 * The headline repeated as the body's first line, in whatever element (a bold <p>, a <div>): the
 * title is the article's metadata, not its text. Only near the top: a story may quote its title.
 */
const TITLE_REPEAT_WITHIN = 300;
const squashTitle = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const repeatsTitle = (text: string, normTitle: string): boolean => {
  if (text.length > 250) return false;
  const line = squashTitle(text);
  const title = squashTitle(normTitle);
  // A part of the title only when it is most of it (the rest is the site's name): a quoted phrase
  // or a subheading that shares words with the title is text.
  return (
    line === title ||
    (line.length >= Math.max(15, title.length * 0.6) && line.includes(' ') && title.includes(line))
  );
};

export interface MainText {
  readonly paragraphs: readonly string[];
  /** Blocks dropped inside the chosen container, with why (for the removal log). */
  readonly dropped: readonly { text: string; reason: string }[];
}

/**
 * Main text shorter than this (non-space chars) is a second look's cue: a real article this short
 * is rare, a template name hiding the story is not (L3S "printReady", "content_byline").
 */
const SHORT_MAIN_CHARS = 400;
/** The second look wins only with this many times the text: more text alone is no proof of prose. */
const SECOND_LOOK_GAIN = 2;

const nonSpaceChars = (paragraphs: readonly string[]): number =>
  paragraphs.reduce((sum, p) => sum + p.replace(/\s+/g, '').length, 0);

export const selectMainText = (
  root: HtmlElement,
  title?: string,
  description?: string,
): MainText => {
  const first = selectFromBlocks(collectTextBlocks(root), root, title, description);
  const chars = nonSpaceChars(first.paragraphs);
  if (chars >= SHORT_MAIN_CHARS) return first;
  const second = selectFromBlocks(
    collectTextBlocks(root, { trustNames: false }),
    root,
    title,
    description,
  );
  return nonSpaceChars(second.paragraphs) >= Math.max(1, chars) * SECOND_LOOK_GAIN ? second : first;
};

const selectFromBlocks = (
  blocks: readonly TextBlock[],
  root: HtmlElement,
  title?: string,
  description?: string,
): MainText => {
  const candidates = new Map<HtmlElement, Candidate>();
  const candidateOf = (el: HtmlElement): Candidate => {
    let c = candidates.get(el);
    if (!c) {
      c = { score: 0, paragraphs: 0, chars: 0, linkChars: 0 };
      candidates.set(el, c);
    }
    return c;
  };

  for (const block of blocks) {
    // Link density is judged on everything beneath a container, prose or not.
    for (let p: HtmlElement | undefined = block.owner; p; p = p.parent) {
      const c = candidateOf(p);
      c.chars += block.chars;
      c.linkChars += block.linkChars;
    }
    if (block.chars < MIN_SCORING_CHARS || block.kind === 'heading') continue;
    const score = proseScore(block);
    // Parent takes the full score, grandparent half, further ancestors a third per level
    // (Readability's decay; deeper levels would favour <body>).
    const ancestors =
      block.kind === 'paragraph' && block.owner.tag !== 'p'
        ? [block.owner, ...parentsOf(block.owner, 4)]
        : parentsOf(block.owner, 5);
    ancestors.forEach((a, level) => {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      const c = candidateOf(a);
      c.score += score / divider;
      c.paragraphs++;
    });
  }

  let top: HtmlElement | undefined;
  let topScore = 0;
  const finalScores: [HtmlElement, number][] = [];
  for (const [el, c] of candidates) {
    if (el.tag === '#root' || el.tag === 'html' || c.paragraphs === 0) continue;
    const density = c.chars === 0 ? 0 : c.linkChars / c.chars;
    const score = c.score * (1 - density) * classFactor(el);
    finalScores.push([el, score]);
    if (score > topScore) {
      topScore = score;
      top = el;
    }
  }
  if (!top) return { paragraphs: blocks.map((b) => b.text), dropped: [] };

  const anchored = titleAnchored(blocks, candidates, top, topScore, title);
  if (anchored !== undefined) {
    top = anchored[0];
    topScore = anchored[1];
  }

  // Several strong candidates under one ancestor mean the article is split (e.g. by ads): climb.
  const strong = finalScores
    .filter(([el, s]) => el !== top && s >= topScore * 0.75)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([el]) => el);
  if (strong.length >= 2) {
    for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
      const within = strong.filter((el) => isInside(el, p!)).length;
      if (within >= 2) {
        top = p;
        break;
      }
    }
  }

  top = articleAround(top, candidates) ?? top;

  // A container that is its parent's only element is the parent's content ("read-more" boxes
  // holding the rest of a story under its first paragraphs): its siblings are the parent's.
  const scored = top;
  for (
    let p = top.parent;
    p && p.tag !== 'body' && p.tag !== '#root' && onlyElementChild(p) === top;
    p = p.parent
  )
    top = p;

  // Siblings that score well or read as prose are more of the article.
  const chosen: HtmlElement[] = [top];
  // Prose written straight into the parent beside the container (a lead as bare text in a <td>).
  const looseProse = new Set<TextBlock>();
  const parent = top.parent;
  if (parent) {
    const threshold = Math.max(10, topScore * 0.2);
    const paragraphOf = new Map<HtmlElement, TextBlock>();
    for (const block of blocks) {
      if (block.owner.parent === parent) paragraphOf.set(block.owner, block);
      else if (block.owner === parent && parent.tag !== 'body' && isProseParagraph(block))
        looseProse.add(block);
    }
    for (const sibling of parent.children) {
      if (typeof sibling === 'string' || sibling === top) continue;
      const block = sibling.tag === 'p' ? paragraphOf.get(sibling) : undefined;
      if (block !== undefined) {
        if (isProseParagraph(block)) chosen.push(sibling);
        continue;
      }
      const c = candidates.get(sibling);
      if (!c || c.paragraphs === 0) continue;
      const density = c.chars === 0 ? 0 : c.linkChars / c.chars;
      const score = c.score * (1 - density) * classFactor(sibling);
      if (score >= threshold) chosen.push(sibling);
    }
  }

  // Articles cut into chunks by ads or pull-outs repeat the container's tag and class
  // (WIRED "grid--item body", 2f42ef1d in the benchmark): such twins are more of the article.
  const topClass = scored.attrs['class'];
  if (topClass !== undefined && topClass.trim() !== '') {
    const topKind = classKind(topClass);
    for (const [el, score] of finalScores) {
      if (el === scored || el.tag !== scored.tag) continue;
      const cls = el.attrs['class'];
      if (
        cls !== topClass &&
        (topKind === undefined || cls === undefined || classKind(cls) !== topKind)
      )
        continue;
      if ((candidates.get(el)?.paragraphs ?? 0) === 0) continue;
      if (score < MIN_TWIN_SCORE || chosen.some((c) => isInside(el, c) || isInside(c, el)))
        continue;
      chosen.push(el);
    }
  }

  const normTitle = title?.toLowerCase().replace(/\s+/g, ' ').trim();
  const paragraphs: string[] = [];
  const dropped: { text: string; reason: string }[] = [];
  const inBody = blocks.map(
    (block) => looseProse.has(block) || chosen.some((el) => isInside(block.owner, el)),
  );
  const bodyStart = inBody.indexOf(true);
  const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
  // Built only when a standfirst is found (most pages have none), so it costs nothing otherwise.
  let bodyText: string | undefined;
  const isNew = (text: string): boolean => {
    bodyText ??= squash(
      blocks
        .filter((_, i) => inBody[i])
        .map((b) => b.text)
        .join(' '),
    );
    return !bodyText.includes(squash(text).trim());
  };
  let standfirst = bodyStart > 0 ? findStandfirst(blocks, bodyStart, description) : undefined;
  if (standfirst !== undefined && !isNew(blocks[standfirst]!.text)) standfirst = undefined;
  // Not among the blocks (its header was skipped as furniture): look in the page before the body.
  // The walk stops at the body's first block, not at its container: a header the container holds
  // (NDR's header.articlehead with its p.preface) is skipped as furniture yet comes before the text.
  const firstBody = bodyStart >= 0 ? blocks[bodyStart]!.owner : undefined;
  const before =
    standfirst === undefined && firstBody !== undefined
      ? findStandfirstBefore(root, firstBody, description)
      : undefined;
  if (before !== undefined && isNew(before)) paragraphs.push(before);
  const teasers = nestedTeasers(blocks, inBody, chosen);
  const authorBox = authorBoxes(blocks, inBody, chosen);
  const sources = sourcesLists(blocks, inBody);
  let keptChars = 0;
  let inComments = false;
  for (const [index, block] of blocks.entries()) {
    if (!inBody[index] && index !== standfirst) continue;
    if (
      inComments ||
      (keptChars >= MIN_ARTICLE_BEFORE_COMMENTS && isCommentSectionHeading(block.text))
    ) {
      inComments = true;
      dropped.push({ text: block.text, reason: 'comments' });
      continue;
    }
    if (teasers.has(index)) {
      dropped.push({ text: block.text, reason: 'teaser' });
      continue;
    }
    if (authorBox.has(index)) {
      dropped.push({ text: block.text, reason: 'author-box' });
      continue;
    }
    if (sources.has(index)) {
      dropped.push({ text: block.text, reason: 'sources' });
      continue;
    }
    const density = block.chars === 0 ? 0 : block.linkChars / block.chars;
    if (density > MAX_LINK_DENSITY) {
      dropped.push({ text: block.text, reason: 'link-list' });
      continue;
    }
    const furniture = furnitureReason(block.text);
    if (furniture !== undefined) {
      dropped.push({ text: block.text, reason: furniture });
      continue;
    }
    if (
      normTitle !== undefined &&
      ((block.kind === 'heading' && block.text.toLowerCase() === normTitle) ||
        (keptChars < TITLE_REPEAT_WITHIN && repeatsTitle(block.text, normTitle)))
    ) {
      dropped.push({ text: block.text, reason: 'title' });
      continue;
    }
    const lines = block.text.split('\n');
    for (const line of lines) {
      const t = line.trim();
      if (t === '') continue;
      // A heading among <br>-broken lines (CTV's "Comments are now closed" above its comments).
      if (
        inComments ||
        (lines.length > 1 && keptChars >= MIN_ARTICLE_BEFORE_COMMENTS && isCommentSectionHeading(t))
      ) {
        inComments = true;
        dropped.push({ text: t, reason: 'comments' });
        continue;
      }
      // Lines of a <br>-broken block are judged one by one ("Redaktion: ...<br>Sendung: ...").
      const lineFurniture = lines.length > 1 ? furnitureReason(t) : undefined;
      if (lineFurniture !== undefined) dropped.push({ text: t, reason: lineFurniture });
      else {
        paragraphs.push(t);
        keptChars += t.replace(/\s+/g, '').length;
      }
    }
  }
  return { paragraphs, dropped };
};
