/**
 * The one way browser code makes elements: text always goes in through textContent (never parsed
 * as markup), attributes through setAttribute, and no URL that is not http(s) or same-site.
 */
export type Attrs = Record<string, string | number | boolean | undefined>;

export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
};

/** A same-site path link (entity pages, evidence): anything else is refused. */
export const localLink = (href: string, text: string, className?: string): HTMLAnchorElement => {
  if (!href.startsWith('/') || href.startsWith('//')) throw new Error(`not a local link: ${href}`);
  return el('a', { href, class: className, text });
};

export const byId = <T extends HTMLElement>(id: string): T | null =>
  document.getElementById(id) as T | null;
