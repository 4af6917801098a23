import type { HtmlElement } from './html-tree.js';

/**
 * Structural signs that an element is page furniture rather than article: its tag, its ARIA role,
 * whether it is hidden, and the words in its class/id. Word lists were tuned on the 181 pages of
 * article-extraction-benchmark (bench/extract.ts, F1 by shared scorer); generic, never per site.
 */

/** Elements that hold no article prose in news pages (their text is menus, forms, widgets). */
export const FURNITURE_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'button',
  'input',
  'label',
  'menu',
  'dialog',
  'figcaption',
  'figure',
  'picture',
  'video',
  'audio',
  'img',
  'noscript',
  'address',
]);

const FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'dialog',
  'menu',
  'menubar',
  'alert',
  'alertdialog',
  'search',
  'toolbar',
  'tablist',
]);

/**
 * class/id words (split on -, _, space, camelCase) marking widgets around the article. Not
 * "paywall": sites name the gated part of the article so (Condé Nast's p.paywall, ABC's
 * div.paywall), while the pitch that replaces it is caught by its text (furniture-lines.ts).
 */
const NEGATIVE_WORDS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'caption',
  'comment',
  'comments',
  'community',
  'consent',
  'cookie',
  'cookies',
  'credit',
  'credits',
  'dateline',
  'disqus',
  'footer',
  'gdpr',
  'hidden',
  'masthead',
  'menu',
  'meta',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'outbrain',
  'pagination',
  'pager',
  'popular',
  'popup',
  'promo',
  'promotion',
  'recirc',
  'recommend',
  'recommended',
  'recommendations',
  'related',
  'share',
  'sharing',
  'sharebar',
  'shoutbox',
  'sidebar',
  'signup',
  'skip',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'toolbar',
  'tools',
  'trending',
  'widget',
  'author',
  'bio',
  'timestamp',
  'print',
  'login',
  'teaser',
  'rail',
  'headline',
  'kicker',
  'overline',
  // German class names (German templates name their boxes in German too)
  'werbung',
  'anzeige',
  'anzeigen',
  'autor',
  'autorin',
  'autoren',
  'teilen',
  'empfehlung',
  'empfehlungen',
  'verwandte',
  'aehnliche',
]);

/** Words that vouch for an element holding the article; they cancel a negative word. */
const POSITIVE_WORDS = new Set([
  'article',
  'articlebody',
  'body',
  'content',
  'entry',
  'main',
  'post',
  'story',
  'text',
  'prose',
]);

/**
 * What follows a widget word glued onto it in one class word ("relatedposts" in Jetpack's
 * "jp-relatedposts", "sharebuttons", "newsletterbox"): the kind of part, naming nothing itself.
 */
const COMPOUND_TAILS = new Set([
  'posts',
  'post',
  'articles',
  'article',
  'stories',
  'story',
  'links',
  'link',
  'box',
  'boxes',
  'buttons',
  'button',
  'bar',
  'list',
  'items',
  'item',
  'container',
  'wrapper',
  'area',
  'block',
  'content',
  'section',
  'module',
]);

/** "relatedposts" -> ["related", "posts"] when a widget word opens it and a part name ends it. */
const splitCompound = (word: string): string[] => {
  if (word.length < 8 || NEGATIVE_WORDS.has(word) || POSITIVE_WORDS.has(word)) return [word];
  for (let cut = 4; cut <= word.length - 3; cut++) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (NEGATIVE_WORDS.has(head) && COMPOUND_TAILS.has(tail)) return [head, tail];
  }
  return [word];
};

const wordsOf = (value: string): string[] =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .flatMap(splitCompound);

export interface ElementSigns {
  readonly negative: boolean;
  readonly positive: boolean;
  /** Names readers' comments: negative whatever else it says, and never a misnamed wrapper. */
  readonly comments: boolean;
}

/**
 * Words naming readers' comments. A comment's parts are named after what they are inside
 * ("comments-body", "commentContent", "comment_container"), so the article words there vouch for
 * nothing. The singular alone is left to the ordinary word lists: "Kommentar" and "comment" also
 * name opinion pieces (taz's "Kommentar", a British paper's Comment section).
 */
const COMMENT_WORDS = new Set([
  'comments',
  'commentlist',
  'kommentare',
  'leserkommentare',
  'disqus',
]);
const SINGULAR_COMMENT_WORDS = new Set(['comment', 'kommentar']);
/** Parts of a comment box that, after a singular, make it one ("comment-body", "comment_container"). */
const COMMENT_PART_WORDS = new Set([
  'body',
  'content',
  'text',
  'container',
  'list',
  'thread',
  'wrapper',
  'area',
  'block',
  'box',
  'form',
  'reply',
]);
const namesComments = (words: readonly string[]): boolean =>
  words.some((w) => COMMENT_WORDS.has(w)) ||
  (words.some((w) => SINGULAR_COMMENT_WORDS.has(w)) &&
    words.some((w) => COMMENT_PART_WORDS.has(w)));
/** ...unless the name states a page setting ("has-comments", "comments-enabled", "comment-count"). */
const PAGE_STATE_WORDS = new Set([
  'has',
  'no',
  'with',
  'enabled',
  'disabled',
  'on',
  'off',
  'open',
  'closed',
  'allowed',
  'count',
  'counter',
  'num',
  'number',
  'link',
  'icon',
  'btn',
  'button',
]);

/**
 * Judged per class token: "article-share" is a share bar even though it says article, while
 * "article-body has-ads" is the article: a token is negative when it names a widget and either
 * says nothing positive or ends on the widget word.
 */
const NO_SIGNS: ElementSigns = { negative: false, positive: false, comments: false };
/**
 * Signs depend only on the class and id strings, and pages repeat a few class lists on hundreds of
 * elements (and a site repeats them on every page): judged once per distinct string. Bounded, so a
 * long ingest of many sites cannot grow it without limit.
 */
const signsByName = new Map<string, ElementSigns>();
const MAX_CACHED_NAMES = 20_000;

export const signsOf = (el: HtmlElement): ElementSigns => {
  const cls = el.attrs['class'];
  const id = el.attrs['id'];
  if (cls === undefined && id === undefined) return NO_SIGNS;
  const key = `${cls ?? ''}\u0000${id ?? ''}`;
  let signs = signsByName.get(key);
  if (!signs) {
    signs = computeSigns(el);
    if (signsByName.size >= MAX_CACHED_NAMES) signsByName.clear();
    signsByName.set(key, signs);
  }
  return signs;
};

/**
 * The hash CSS Modules append after "__" ("NewsletterBox_root__rh9I2", "Article_header__ckSlm":
 * Next.js and other bundlers' default [name]_[local]__[hash:base64:5]). It names nothing, so the
 * name before it is read instead; a BEM element after "__" is a word ("title", "footer"), never
 * five characters with a digit or a capital inside.
 */
const CSS_MODULE_HASH = /^(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{5}$/;

/**
 * Grammar words: a slug of a sentence or heading holds some, a name a developer gives a widget
 * (a noun compound: "site-index-subscribe-label", "related-posts") holds none.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the of on in at to for with and or by from is are how why what ' +
    'der die das den dem des ein eine im am zum zur und oder mit von für auf aus bei wie was ist ' +
    'le la les un une du de et en au aux el los las del y con por para il lo gli di da het een van'
  ).split(' '),
);

/**
 * An id of four or more words with a grammar word among them is a slug of the text it anchors (a
 * heading or section: Sphinx's div.section#sharing-with-a-single-developer, a table-of-contents
 * plugin's span#Werbung_im_Internet_erkennen), not a name a template gives a widget. Its words
 * say nothing about the element.
 */
const isTextSlug = (id: string): boolean => {
  const words = id.split(/[-_]/);
  return (
    words.length >= 4 &&
    words.every((w) => /^\p{L}+$/u.test(w)) &&
    words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))
  );
};

const computeSigns = (el: HtmlElement): ElementSigns => {
  const cls = el.attrs['class'] ?? '';
  const id = el.attrs['id'] ?? '';
  if (cls === '' && id === '') return NO_SIGNS;
  let negative = false;
  let positive = false;
  let comments = false;
  for (const raw of `${cls} ${isTextSlug(id) ? '' : id}`.split(/\s+/)) {
    if (raw === '') continue;
    // BEM names say what a part is after "__" ("sidebar-grid__container" is a container of a
    // layout grid, "article__footer" a footer); a "--modifier" only restyles it.
    const unmodified = raw.includes('--') ? raw.slice(0, raw.indexOf('--')) : raw;
    const cut = unmodified.lastIndexOf('__');
    const token =
      cut < 0
        ? unmodified
        : CSS_MODULE_HASH.test(unmodified.slice(cut + 2))
          ? unmodified.slice(0, cut)
          : unmodified.slice(cut + 2);
    const words = wordsOf(token);
    let neg = false;
    let pos = false;
    for (const w of words) {
      if (NEGATIVE_WORDS.has(w)) neg = true;
      else if (POSITIVE_WORDS.has(w)) pos = true;
    }
    if (namesComments(words) && !words.some((w) => PAGE_STATE_WORDS.has(w))) {
      comments = true;
      continue;
    }
    const last = words[words.length - 1];
    if (neg && (!pos || (last !== undefined && NEGATIVE_WORDS.has(last)))) negative = true;
    else if (pos) positive = true;
  }
  return comments
    ? { negative: true, positive: false, comments }
    : { negative: negative && !positive, positive, comments };
};

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** True when the tag makes the element (and its subtree) furniture, whatever its text. */
export const hasFurnitureTag = (el: HtmlElement): boolean => FURNITURE_TAGS.has(el.tag);

/**
 * True when role or hidden state mark the element as furniture. Judged apart from the tag because
 * it can be wrong about the article: React streams server-rendered content into <div hidden
 * id="S:0"> and moves it into place by script, sites hide the gated part of the article, and
 * templates put role="tablist" on the box of article tabs (text-blocks.ts keeps such a subtree
 * when it holds most of the page's prose).
 */
export const isHiddenOrRoleFurniture = (el: HtmlElement): boolean => {
  const { attrs } = el;
  if ('hidden' in attrs || attrs['aria-hidden'] === 'true') return true;
  const role = attrs['role'];
  if (role !== undefined && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  const style = attrs['style'];
  if (style !== undefined && HIDDEN_STYLE.test(style)) return true;
  return false;
};

/** A dialog (cookie settings, login, newsletter overlay) is never the article, however long. */
export const isDialog = (el: HtmlElement): boolean => {
  const role = el.attrs['role']?.toLowerCase();
  return role === 'dialog' || role === 'alertdialog' || el.attrs['aria-modal'] === 'true';
};

/** True when tag, role or hidden state make the element (and its subtree) furniture, whatever its text. */
export const isStructuralFurniture = (el: HtmlElement): boolean =>
  hasFurnitureTag(el) || isHiddenOrRoleFurniture(el);

/** True when the class/id words name a widget (judged separately: wrappers can be misnamed). */
export const hasWidgetName = (el: HtmlElement): boolean =>
  SOFT_FURNITURE_TAGS.has(el.tag) ||
  (el.attrs['itemprop'] !== 'articleBody' && signsOf(el).negative && !isNamedSubheading(el));

/**
 * An h2-h6 whose only widget word is "headline" is the article's own subheading ("Behörden und
 * Arbeitgeber vernetzen sich" in a class="headline" h2 on hessenschau), not a teaser's.
 */
const isNamedSubheading = (el: HtmlElement): boolean => {
  if (!/^h[2-6]$/.test(el.tag)) return false;
  const words = wordsOf(`${el.attrs['class'] ?? ''} ${el.attrs['id'] ?? ''}`);
  return words.every((w) => !NEGATIVE_WORDS.has(w) || w === 'headline');
};

/** Usually furniture, but some sites wrap the whole page in one (ASP.NET <form>), so judged like a name. */
const SOFT_FURNITURE_TAGS = new Set(['form', 'header']);
