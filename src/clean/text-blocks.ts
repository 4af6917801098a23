import {
  hasFurnitureTag,
  hasWidgetName,
  isDialog,
  isHiddenOrRoleFurniture,
  signsOf,
} from './boilerplate-markers.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';

/**
 * A run of inline text as a reader sees it: one paragraph, heading or list item, with the element
 * that owns it (its nearest block-level ancestor) and how much of it is link text.
 */
export interface TextBlock {
  readonly owner: HtmlElement;
  readonly text: string;
  /** Non-space characters of text, and how many of them sit inside links. */
  readonly chars: number;
  readonly linkChars: number;
  readonly kind: 'paragraph' | 'heading' | 'item' | 'quote' | 'code' | 'cell';
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'center',
  'fieldset',
  'details',
  'summary',
  'caption',
  'body',
  'html',
  'hgroup',
]);

const kindOf = (tag: string): TextBlock['kind'] => {
  if (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') return 'heading';
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'item';
  if (tag === 'blockquote') return 'quote';
  if (tag === 'pre') return 'code';
  if (tag === 'td' || tag === 'th') return 'cell';
  return 'paragraph';
};

const normalise = (text: string): string => {
  const spaced = text.replace(/[ \t\r\f\v\u00a0\u200b]+/g, ' ');
  // Most blocks hold no line break: skip the second pass over them (extraction speed, issue #15).
  return (spaced.includes('\n') ? spaced.replace(/ ?\n ?/g, '\n') : spaced).trim();
};

/**
 * A widget-named element holding this share of the page's non-link text is a misnamed wrapper
 * ("Page-ad-margins" around a whole LA Times article), not a widget. 0.5 on the benchmark pages.
 */
const WRAPPER_PROSE_SHARE = 0.5;

/**
 * A hidden or role-marked subtree holding this share of all the page's non-link text (hidden
 * included) is the article put out of sight, not furniture: React's streamed <div hidden>, a
 * gated article body, a misplaced role="tablist". 0.5 like a misnamed wrapper.
 */
const HIDDEN_ARTICLE_SHARE = 0.5;

/**
 * Non-link text beneath each element (whitespace aside): the evidence that a subtree holds prose.
 * Elements with a furniture tag are left unmeasured; hidden or role-marked ones are measured but
 * count toward their ancestors only when they hold most of the page's text.
 */
const measureProse = (root: HtmlElement): Map<HtmlElement, number> => {
  const prose = new Map<HtmlElement, number>();
  const hidden: [HtmlElement, number][] = [];
  let hiddenTotal = 0;
  const walk = (el: HtmlElement, inLink: boolean): number => {
    let total = 0;
    const linked = inLink || el.tag === 'a';
    for (const child of el.children) {
      if (typeof child === 'string') {
        if (!linked) total += child.trim().length;
      } else if (!hasFurnitureTag(child)) {
        const inner = walk(child, linked);
        if (!isHiddenOrRoleFurniture(child)) total += inner;
        else if (inner === 0 || isDialog(child)) prose.delete(child);
        else {
          hidden.push([child, inner]);
          hiddenTotal += inner;
        }
      }
    }
    prose.set(el, total);
    return total;
  };
  walk(root, false);
  const visible = prose.get(root) ?? 0;
  for (const [el, inner] of hidden) {
    // A hidden box named as a widget (cookie settings, newsletter, popup) stays out however long.
    if (inner >= (visible + hiddenTotal) * HIDDEN_ARTICLE_SHARE && !signsOf(el).negative) {
      // Counted in after all: its text now counts for every ancestor too.
      for (let p = el.parent; p; p = p.parent) prose.set(p, (prose.get(p) ?? 0) + inner);
    } else prose.delete(el);
  }
  return prose;
};

/** Comments named as such, however much text they hold (<body> and <html> classes state page settings). */
const isCommentBox = (el: HtmlElement): boolean =>
  el.tag !== 'body' && el.tag !== 'html' && signsOf(el).comments;

export interface CollectOptions {
  /**
   * false: class/id names prune nothing but readers' comments. For the second look at a page whose
   * named parts left almost no text: a wrapper misnamed by its template ("printReady",
   * "content_byline" left open around the story) then hides the whole article.
   */
  readonly trustNames?: boolean;
}

/** Splits a page into text blocks in document order, skipping furniture subtrees entirely. */
export const collectTextBlocks = (root: HtmlElement, options: CollectOptions = {}): TextBlock[] => {
  const trustNames = options.trustNames ?? true;
  const prose = measureProse(root);
  const pageProse = prose.get(root) ?? 0;
  // measureProse skips structural furniture, so an element it did not measure is furniture.
  const isFurniture = (el: HtmlElement): boolean => {
    const measured = prose.get(el);
    if (measured === undefined) return true;
    if (!trustNames) return isCommentBox(el);
    return hasWidgetName(el) && (measured < pageProse * WRAPPER_PROSE_SHARE || isCommentBox(el));
  };
  const blocks: TextBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let linkDepth = 0;
  let preDepth = 0;

  const flush = (owner: HtmlElement): void => {
    if (buffer === '') return;
    const text =
      preDepth > 0 ? buffer.trim() : normalise(buffer.replace(/\n/g, ' ').replace(/\u2028/g, '\n'));
    if (text !== '') {
      const chars = text.replace(/\s+/g, '').length;
      blocks.push({
        owner,
        text,
        chars,
        linkChars: Math.min(linkChars, chars),
        kind: kindOf(owner.tag),
      });
    }
    buffer = '';
    linkChars = 0;
  };

  const walk = (node: HtmlNode, owner: HtmlElement): void => {
    if (typeof node === 'string') {
      buffer += node;
      if (linkDepth > 0) linkChars += node.replace(/\s+/g, '').length;
      return;
    }
    if (node.tag !== '#root' && isFurniture(node)) return;
    if (node.tag === 'br') {
      buffer += '\u2028';
      return;
    }
    const isBlock = BLOCK_TAGS.has(node.tag);
    const isLink = node.tag === 'a';
    if (isBlock) flush(owner);
    if (isLink) linkDepth++;
    if (node.tag === 'pre') preDepth++;
    const childOwner = isBlock ? node : owner;
    for (const child of node.children) walk(child, childOwner);
    if (node.tag === 'pre') preDepth--;
    if (isLink) linkDepth--;
    if (isBlock) flush(node);
  };
  walk(root, root);
  return blocks;
};
