/**
 * Some scrapers glue the page's tag list to the first paragraph: "us, ukraine, russia, germany -
 * Recently, the US ...". A prefix is two or more short lower-case tags separated by commas and
 * closed by a dash; datelines ("WASHINGTON (Reuters) -") are capitalised and never match.
 */
const TAG = String.raw`\p{Ll}[\p{Ll}\p{N}'&.]*(?: [\p{Ll}\p{N}'&.]+){0,3}`;
const TAG_PREFIX = new RegExp(String.raw`^(${TAG}(?:, ?${TAG}){1,11}) [-\u2013\u2014] (?=\S)`, 'u');

export interface TagPrefixSplit {
  readonly tags: readonly string[];
  readonly prefix: string;
  readonly rest: string;
}

export const splitTagPrefix = (paragraph: string): TagPrefixSplit | undefined => {
  const m = TAG_PREFIX.exec(paragraph);
  if (!m || m[1] === undefined) return undefined;
  const rest = paragraph.slice(m[0].length);
  // The rest must read as prose starting a sentence, not a lowercase run-on.
  if (!/^[\p{Lu}\p{N}"“'‘(]/u.test(rest)) return undefined;
  return { tags: m[1].split(/, ?/), prefix: m[0], rest };
};
