/**
 * A small structural XML writer: elements are built from names, attributes and children, and every
 * text and attribute value is escaped here, once, so no caller assembles markup by hand.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly (XmlElement | string)[];
}

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export const xml = (
  name: string,
  attributes: Readonly<Record<string, string>> | undefined,
  ...children: (XmlElement | string | undefined | false)[]
): XmlElement => ({
  name,
  ...(attributes ? { attributes } : {}),
  children: children.filter(
    (child): child is XmlElement | string => child !== undefined && child !== false,
  ),
});

const open = '<';
const close = '>';

const write = (element: XmlElement, indent: string): string => {
  const attributes = Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const head = `${indent}${open}${element.name}${attributes}`;
  const children = element.children ?? [];
  if (children.length === 0) return `${head}/${close}`;
  if (children.every((child) => typeof child === 'string'))
    return `${head}${close}${children.map((c) => escapeXml(c as string)).join('')}${open}/${element.name}${close}`;
  const inner = children
    .map((child) =>
      typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : write(child, `${indent}  `),
    )
    .join('\n');
  return `${head}${close}\n${inner}\n${indent}${open}/${element.name}${close}`;
};

/** The document with its XML declaration, indented two spaces a level. */
export const writeXmlDocument = (root: XmlElement): string =>
  `${open}?xml version="1.0" encoding="utf-8"?${close}\n${write(root, '')}\n`;
