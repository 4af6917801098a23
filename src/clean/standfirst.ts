import { detectLanguage } from './detect-language.js';
import { textOf, type HtmlElement } from './html-tree.js';
import type { TextBlock } from './text-blocks.js';

/**
 * The standfirst (German "Teaser", "Vorspann"): the bold lead paragraph many news sites print in
 * the article header, beside the headline, outside the container that holds the body. Readers
 * and the article's own gold take it as the article's first paragraph. We recognise it without
 * site rules: it is a prose block shortly before the body that says what the page's declared
 * description says (og:description or meta description, often the standfirst itself, sometimes
 * cut short with an ellipsis).
 */

/** How far before the body's first block the standfirst may sit (header furniture between). */
const MAX_BLOCKS_BEFORE = 12;
const MIN_CHARS = 60;

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The element (or its parent) must also call itself a lead: German CMSs name it teaser, intro,
 * lead, vorspann, einleitung. English "dek"/"subtitle" are left out on purpose: news benchmarks
 * disagree there (article-extraction-benchmark's gold leaves deks out of the body, fundus keeps
 * summaries), and requiring the name cost fundus 0.002 F1 while keeping AEB at 0.9765.
 */
const LEAD_WORDS = new Set([
  'teaser',
  'intro',
  'lead',
  'leadtext',
  'vorspann',
  'einleitung',
  'summary',
  'abstract',
  'standfirst',
  'preface',
]);
/**
 * Words of a class/id, camelCase split too: CSS-module names glue the word on ("elementLead",
 * "ArticleModuleTeaser_teaserText__sB4sT"), and NDR calls its lead "preface".
 */
const nameWords = (value: string): string[] =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
const namedLead = (el: HtmlElement): boolean =>
  [el, el.parent].some(
    (e) =>
      e !== undefined &&
      nameWords(
        `${e.attrs['class'] ?? ''} ${e.attrs['id'] ?? ''} ${e.attrs['itemprop'] ?? ''}`,
      ).some((w) => LEAD_WORDS.has(w)),
  );

/** [share of the block's words in the description, share of the description's in the block]. */
const NAMED_AGREEMENT = [0.85, 0.6] as const;
/**
 * A lead without a lead's name must say (nearly) all the description says and nothing else:
 * FUNKE's papers (WAZ, Berliner Morgenpost, Abendblatt) print "Berlin. Die Ex-Außenministerin ..."
 * in an unnamed div. Dev sets: fundus +0.0014, l3s-gn1 +0.0005, AEB -0.0008 (its gold leaves
 * deks out), readability -0.0002; 0.95/0.9 gave about the same.
 */
const UNNAMED_AGREEMENT = [0.9, 0.8] as const;
const ENDS_SENTENCE = /[.!?…]["'”“»«)]?\s*$/u;

/** Share of the block's words in the description, and of the description's in the block. */
const agreement = (
  block: readonly string[],
  description: ReadonlySet<string>,
): [number, number] => {
  const distinct = new Set(block);
  let shared = 0;
  for (const w of distinct) if (description.has(w)) shared++;
  return [shared / Math.max(1, distinct.size), shared / Math.max(1, description.size)];
};

/**
 * Index of the block holding the standfirst, or undefined: among the blocks just before
 * `bodyStart`, the nearest prose block whose words are (nearly) all the description's and which
 * carries most of the description.
 */
export const findStandfirst = (
  blocks: readonly TextBlock[],
  bodyStart: number,
  description: string | undefined,
): number | undefined => {
  if (description === undefined) return undefined;
  const described = new Set(wordsOf(description));
  if (described.size < 6) return undefined;
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - MAX_BLOCKS_BEFORE; i--) {
    const block = blocks[i] as TextBlock;
    if (block.kind === 'heading' || block.chars < MIN_CHARS) continue;
    if (block.linkChars > block.chars * 0.3) continue;
    const [inDescription, ofDescription] = agreement(wordsOf(block.text), described);
    const named = namedLead(block.owner);
    // Unnamed, it must also read as sentences: a site's slogan can equal its description too.
    if (!named && !ENDS_SENTENCE.test(block.text)) continue;
    const [minIn, minOf] = named ? NAMED_AGREEMENT : UNNAMED_AGREEMENT;
    if (inDescription >= minIn && ofDescription >= minOf) return i;
  }
  return undefined;
};

/**
 * An unnamed lead in the skipped header is taken on pages in other languages only. The English
 * dek is a headline element whose golds disagree (AEB leaves it out: 8 pages down, AEB -0.0017;
 * fundus keeps it), while the German Vorspann, the French chapô and their kind are the article's
 * first paragraph (dev: fundus de 6 pages up, fr/tr/dk 6 up, none down).
 */
const isEnglish = (text: string): boolean => detectLanguage(text) === 'en';

const LEAD_TAGS = new Set(['p', 'div', 'span', 'h2', 'strong', 'b']);
const INLINE_CHILD = new Set(['a', 'b', 'strong', 'em', 'i', 'span', 'br', 'abbr', 'q', 'small']);

/**
 * The same search over the page before the body when the standfirst sits in a part of the page
 * text-block collection skips as furniture (a <header> beside the headline): the first element
 * holding only inline text that says what the description says.
 */
export const findStandfirstBefore = (
  root: HtmlElement,
  body: HtmlElement,
  description: string | undefined,
): string | undefined => {
  if (description === undefined) return undefined;
  const described = new Set(wordsOf(description));
  if (described.size < 6) return undefined;
  let found: string | undefined;
  let reachedBody = false;
  const walk = (el: HtmlElement): void => {
    if (found !== undefined || reachedBody) return;
    if (el === body) {
      reachedBody = true;
      return;
    }
    const inlineOnly = el.children.every((c) => typeof c === 'string' || INLINE_CHILD.has(c.tag));
    if (LEAD_TAGS.has(el.tag) && inlineOnly) {
      const named = namedLead(el);
      const text = textOf(el).replace(/\s+/g, ' ').trim();
      // The language is asked last: it is the costly test.
      if (text.length >= MIN_CHARS && (named || ENDS_SENTENCE.test(text))) {
        const [minIn, minOf] = named ? NAMED_AGREEMENT : UNNAMED_AGREEMENT;
        const [inDescription, ofDescription] = agreement(wordsOf(text), described);
        if (inDescription >= minIn && ofDescription >= minOf && (named || !isEnglish(text)))
          found = text;
      }
      // Unnamed and not the lead: a named span inside it may still be.
      if (named || found !== undefined) return;
    }
    for (const child of el.children) if (typeof child !== 'string') walk(child);
  };
  walk(root);
  return found;
};
