import { decodeBytes, declaredXmlEncoding } from './decode-bytes.js';
import type { XmlElement } from './xml-tree.js';
import { elementChildren, parseXml } from './xml-tree.js';
import { decodeHTML } from 'entities';

export interface XmlDocument {
  readonly source: string;
  readonly root: XmlElement | undefined;
}

/** Decode by BOM / XML declaration, then parse; `root` is the first element, if any. */
export const readXmlDocument = (bytes: Uint8Array): XmlDocument => {
  const { text } = decodeBytes(bytes, declaredXmlEncoding(bytes));
  const documentNode = parseXml(text);
  return { source: text, root: elementChildren(documentNode)[0] };
};

/** Plain text from a value that may carry markup (titles with escaped tags, HTML summaries). */
export const htmlToPlain = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const plain = decodeHTML(value.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? undefined : plain;
};
