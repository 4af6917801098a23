import type { HtmlElement } from './html-tree.js';
import type { TextBlock } from './text-blocks.js';

/**
 * An author box inside the article container: a short box headed "Über die Autorin", "Zur
 * Autorin", "About the author" with the writer's bio under it. Magazines and blogs put it under
 * the story; the bio is about the writer, not part of the story. Templates that name the box
 * ("author-box", "autorenbox") are pruned by name already; this catches the unnamed ones.
 */
const AUTHOR_HEADING =
  /^(über (den|die) (autor|autorin|autoren|autorinnen|verfasser|verfasserin)|zu(m|r) (autor|autorin)|(der|die) (autor|autorin|autoren|autorinnen)|about the (author|writer)|à propos de l['’]auteur|sobre el autor|sull['’]autore)\s*:?$/iu;
/** A bio is a few sentences (the dev boxes run to 100-400 chars): a longer box is more than that. */
const MAX_BOX_CHARS = 800;

const isInside = (el: HtmlElement, ancestor: HtmlElement): boolean => {
  for (let p: HtmlElement | undefined = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
};

/** Block indexes of author boxes nested in the chosen containers. */
export const authorBoxes = (
  blocks: readonly TextBlock[],
  inBody: readonly boolean[],
  chosen: readonly HtmlElement[],
): Set<number> => {
  const out = new Set<number>();
  for (const [index, block] of blocks.entries()) {
    if (!inBody[index] || block.text.length > 60 || !AUTHOR_HEADING.test(block.text.trim()))
      continue;
    out.add(index);
    const box = block.owner.parent;
    // The heading's box must be a box of its own inside the article, not the article itself.
    if (box === undefined || chosen.some((c) => isInside(c, box))) continue;
    const members: number[] = [];
    let chars = 0;
    for (const [i, b] of blocks.entries()) {
      if (!inBody[i] || !isInside(b.owner, box)) continue;
      members.push(i);
      chars += b.chars;
    }
    if (chars <= MAX_BOX_CHARS) for (const i of members) out.add(i);
  }
  return out;
};
