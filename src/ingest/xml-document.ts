import { ingestLimits, LIMIT_ENV } from './ingest-limits.js';
import { htmlDepthExceeds } from './nesting-depth.js';
import { decodeBytes, declaredXmlEncoding } from './decode-bytes.js';
import type { ItemCap, XmlElement } from './xml-tree.js';
import { elementChildren, parseXmlCapped } from './xml-tree.js';
import { decodeHTML } from 'entities';

export interface XmlDocument {
  readonly source: string;
  readonly root: XmlElement | undefined;
  /** Why there is no root when the document was refused unparsed (nesting past the limit). */
  readonly problem?: string;
  /** Feed items past the cap (see ItemCap), counted but not built. */
  readonly unbuiltItems: number;
}

/** Decode by BOM / XML declaration, then parse; `root` is the first element, if any. */
export const readXmlDocument = (bytes: Uint8Array, cap?: ItemCap): XmlDocument => {
  const { text } = decodeBytes(bytes, declaredXmlEncoding(bytes));
  // htmlparser2 keeps its own stack, quadratic in depth with unmatched close tags (8 s on a fuzzed
  // 300 KB OPML): nesting past the limit is refused before it parses.
  const { maxNestingDepth } = ingestLimits();
  if (htmlDepthExceeds(text, maxNestingDepth))
    return {
      source: text,
      root: undefined,
      problem: `XML nested more than ${maxNestingDepth} elements deep (${LIMIT_ENV.maxNestingDepth})`,
      unbuiltItems: 0,
    };
  const { root, unbuiltItems } = parseXmlCapped(text, cap);
  return { source: text, root: elementChildren(root)[0], unbuiltItems };
};

/** Plain text from a value that may carry markup (titles with escaped tags, HTML summaries). */
export const htmlToPlain = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const plain = decodeHTML(value.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? undefined : plain;
};
