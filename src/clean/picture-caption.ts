import type { HtmlElement, HtmlNode } from './html-tree.js';
import type { TextBlock } from './text-blocks.js';

/**
 * A picture caption written as a plain paragraph beside the image ("<div class=picBox><a><img></a>
 * <p>Seit Monaten umkämpft: die ostukrainische Stadt Bachmut</p></div>"): templates without
 * <figure>/<figcaption> (which are pruned by tag already) put the caption in a box of its own that
 * holds the image and nothing else. The caption describes the picture, not the story, and golds of
 * every dev set leave it out. Told by structure: the block's box holds an image and no other text.
 */
const MAX_CAPTION_CHARS = 300;
/** How far up from the paragraph the picture box may sit (p -> div.picBox, p -> span -> div). */
const MAX_BOX_LEVELS = 2;
/** How deep under the box the image may be wrapped (a > picture > img). */
const MAX_IMAGE_DEPTH = 4;
const IMAGE_TAGS = new Set(['img', 'picture']);
/**
 * Boxes a caption sits in. Not <blockquote>, <td> or <li>: a blog's quoted review or a table cell
 * holding a picture and its paragraph is body flow (AEB's WordPress page of reader reviews).
 */
const BOX_TAGS = new Set(['div', 'span']);

/** An image under the box; not one in a paragraph of its own, which is the writer's flow. */
const hasImage = (node: HtmlNode, skip: HtmlElement, depth: number): boolean => {
  if (typeof node === 'string' || node === skip || depth > MAX_IMAGE_DEPTH || node.tag === 'p')
    return false;
  if (IMAGE_TAGS.has(node.tag)) return true;
  return node.children.some((c) => hasImage(c, skip, depth + 1));
};

const isInside = (el: HtmlElement, ancestor: HtmlElement): boolean => {
  for (let p: HtmlElement | undefined = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
};

/**
 * Block indexes of captions nested in the chosen containers. `textChars` is the non-space text
 * beneath an element (link text included), as the candidate scoring measured it.
 */
export const pictureCaptions = (
  blocks: readonly TextBlock[],
  inBody: readonly boolean[],
  chosen: readonly HtmlElement[],
  textChars: (el: HtmlElement) => number,
): Set<number> => {
  const out = new Set<number>();
  for (const [index, block] of blocks.entries()) {
    if (!inBody[index] || block.kind !== 'paragraph' || block.text.length > MAX_CAPTION_CHARS)
      continue;
    let child = block.owner;
    for (let level = 0; level < MAX_BOX_LEVELS; level++) {
      const box = child.parent;
      // The box must sit inside the article, never be (or hold) a chosen container.
      if (box === undefined || !BOX_TAGS.has(box.tag) || chosen.some((c) => isInside(c, box)))
        break;
      if (textChars(box) > block.chars) break;
      if (box.children.some((c) => hasImage(c, child, 1))) {
        out.add(index);
        break;
      }
      child = box;
    }
  }
  return out;
};
