import { caseBucketOf, type CaseProfile } from './case-profile.js';
import { placeTags, type Lexicon } from './lexicon.js';
import { nameKeywordType } from './name-keywords.js';
import { clusterFeatures, clusterOf, type WordClusters } from './word-clusters.js';

/**
 * Features of one token for the tagger. Training and tagging share this file so the model
 * never sees a feature spelled differently at run time.
 *
 * Static features depend on the words only and are computed once per sentence; the history
 * features (previous tags) are added during decoding.
 */

/** Word shape with runs collapsed: "F-35" -> "X-d", "Macron" -> "Xx", "U.S." -> "X.X.". */
export const wordShape = (w: string): string => {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w.charAt(i);
    let k: string;
    if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c.toLowerCase() !== c) k = 'X';
    else if (c.toUpperCase() !== c) k = 'x';
    else k = c;
    if (k !== last) out += k;
    last = k;
  }
  return out;
};

const isCapitalised = (w: string): boolean => {
  const c = w.charAt(0);
  return c !== c.toLowerCase();
};

const normalise = (w: string): string => w.toLowerCase().replace(/\d/g, '0').replace(/[’‘]/g, "'");

export interface WordInfo {
  readonly lw: string;
  readonly shape: string;
  readonly cap: boolean;
  /** Features of the word alone: the same strings every time, so their hashes are computed once. */
  readonly lex: readonly string[];
  readonly prev1: string;
  readonly next1: string;
  readonly prev2: string;
  readonly next2: string;
  readonly shapePrev: string;
  readonly shapeNext: string;
  /** The word's usual case (case-profile.ts) as its neighbours see it; empty without a profile. */
  readonly casePrev: string;
  readonly caseNext: string;
  /** The word's coarse cluster (word-clusters.ts) as its neighbours see it; empty without clusters. */
  readonly clusterPrev: string;
  readonly clusterNext: string;
  /** What the capitalised-run features need, computed once per word. */
  readonly lower: string;
  readonly upperInitial: boolean;
  readonly startsName: boolean;
  readonly firstName: boolean;
  readonly surname: boolean;
  readonly keyword: string | undefined;
  readonly asBefore: string;
  readonly asAfter: string;
  readonly asHead: string;
}

/** What features are computed against: the model's common words and name lists. */
export interface FeatureContext {
  readonly commonWords: ReadonlySet<string>;
  readonly lexicon?: Lexicon;
  /** How words are usually written in running text (case-profile.ts). */
  readonly caseProfile?: CaseProfile;
  /** Word clusters learnt from unlabelled news (word-clusters.ts). */
  readonly clusters?: WordClusters;
  /** Name runs open at capitalised common words inside a sentence (startsRunAt); set by training. */
  readonly midSentenceRuns?: boolean;
}

/** A neighbour's cluster features: its path cut to the first two levels. */
export const neighbourClusters = (
  clusters: WordClusters,
  w: string,
): { prev: string; next: string } => {
  const path = clusterOf(clusters, w)?.slice(0, 2) ?? 'none';
  return { prev: 'k-1=' + path, next: 'k+1=' + path };
};

const NO_CONTEXT: FeatureContext = { commonWords: new Set() };
/** Keyed by the common-word set, which belongs to one model (or one training run). */
const caches = new WeakMap<ReadonlySet<string>, Map<string, WordInfo>>();
/** News vocabularies are large but repetitive; past this many words the cache starts over. */
const MAX_CACHED_WORDS = 200_000;

/** Features of a word alone (shared with the cached scorer, which sums their weights once). */
export const ownFeatures = (w: string, ctx: FeatureContext): string[] => {
  const lw = normalise(w);
  const shape = wordShape(w);
  const lex = [
    'w=' + lw,
    's=' + shape,
    'p1=' + lw.slice(0, 1),
    'p2=' + lw.slice(0, 2),
    'p3=' + lw.slice(0, 3),
    'x2=' + lw.slice(-2),
    'x3=' + lw.slice(-3),
    'x4=' + lw.slice(-4),
  ];
  // The exact-case word matters for acronyms ("US" vs "us") and all-caps headlines.
  if (w !== lw) lex.push('W=' + w);
  // A capitalised common word ("The", "Senior") is usually just starting a sentence or a title.
  if (w !== lw && ctx.commonWords.has(lw)) lex.push('capCommon');
  if (ctx.caseProfile !== undefined) {
    const cp = caseBucketOf(ctx.caseProfile, w);
    lex.push('cp=' + cp, 'cps=' + cp + '|' + shape);
  }
  if (ctx.clusters !== undefined) lex.push(...clusterFeatures(clusterOf(ctx.clusters, w)));
  const lexicon = ctx.lexicon;
  if (lexicon !== undefined && isCapitalised(w)) {
    if (lexicon.firstNames.has(lw)) lex.push('fn');
    if (lexicon.surnames.has(lw)) lex.push('sn');
  }
  return lex;
};

/** A word's features and feature parts, computed once per word and context (cached). */
export const wordInfo = (w: string, ctx: FeatureContext): WordInfo => {
  let cache = caches.get(ctx.commonWords);
  if (cache === undefined) {
    cache = new Map();
    caches.set(ctx.commonWords, cache);
  }
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  const lw = normalise(w);
  const shape = wordShape(w);
  const lex = ownFeatures(w, ctx);
  const lower = w.toLowerCase();
  const upperInitial = /^\p{Lu}/u.test(w);
  const near = ctx.clusters ? neighbourClusters(ctx.clusters, w) : undefined;
  const info: WordInfo = {
    lw,
    shape,
    cap: isCapitalised(w),
    lex,
    prev1: 'w-1=' + lw,
    next1: 'w+1=' + lw,
    prev2: 'w-2=' + lw,
    next2: 'w+2=' + lw,
    shapePrev: 's-1=' + shape,
    shapeNext: 's+1=' + shape,
    casePrev: ctx.caseProfile ? 'cp-1=' + caseBucketOf(ctx.caseProfile, w) : '',
    caseNext: ctx.caseProfile ? 'cp+1=' + caseBucketOf(ctx.caseProfile, w) : '',
    clusterPrev: near?.prev ?? '',
    clusterNext: near?.next ?? '',
    lower,
    upperInitial,
    startsName: upperInitial && !(ctx.commonWords.has(lower) && w.toUpperCase() !== w),
    firstName: ctx.lexicon?.firstNames.has(lower) ?? false,
    surname: ctx.lexicon?.surnames.has(lower) ?? false,
    keyword: nameKeywordType(lw),
    asBefore: 'rb=' + lw,
    asAfter: 'ra=' + lw,
    asHead: 'rh=' + lw,
  };
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(w, info);
  return info;
};

/**
 * Static features of every token of a sentence. `gazetteer[i]` is the KB's BIO tag for token i
 * ("B-WEAPON"), when the caller has a KB.
 */
export const sentenceFeatures = (
  words: readonly string[],
  gazetteer?: readonly (string | undefined)[],
  ctx: FeatureContext = NO_CONTEXT,
): string[][] => {
  const n = words.length;
  const infos = words.map((w) => wordInfo(w, ctx));
  const context = contextFeatures(words, ctx);
  const result: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const me = infos[i] as WordInfo;
    const p1 = infos[i - 1];
    const n1 = infos[i + 1];
    const p2 = infos[i - 2];
    const n2 = infos[i + 2];
    const lwPrev = p1 === undefined ? '<s>' : p1.lw;
    const lwNext = n1 === undefined ? '</s>' : n1.lw;
    const shapePrev = p1 === undefined ? '<s>' : p1.shape;
    const shapeNext = n1 === undefined ? '</s>' : n1.shape;
    const f: string[] = [
      'b',
      ...me.lex,
      p1 === undefined ? 'w-1=<s>' : p1.prev1,
      n1 === undefined ? 'w+1=</s>' : n1.next1,
      p2 === undefined ? 'w-2=<s>' : p2.prev2,
      n2 === undefined ? 'w+2=</s>' : n2.next2,
      p1 === undefined ? 's-1=<s>' : p1.shapePrev,
      n1 === undefined ? 's+1=</s>' : n1.shapeNext,
      'ss=' + shapePrev + '|' + me.shape + '|' + shapeNext,
      'w-1w=' + lwPrev + '|' + me.lw,
      'ww+1=' + me.lw + '|' + lwNext,
    ];
    if (ctx.caseProfile !== undefined) {
      f.push(
        p1 === undefined ? 'cp-1=<s>' : p1.casePrev,
        n1 === undefined ? 'cp+1=</s>' : n1.caseNext,
      );
    }
    if (ctx.clusters !== undefined) {
      f.push(
        p1 === undefined ? 'k-1=<s>' : p1.clusterPrev,
        n1 === undefined ? 'k+1=</s>' : n1.clusterNext,
      );
    }
    if (i === 0) f.push('first|' + me.shape);
    if (me.cap && w.toUpperCase() !== w && p1 !== undefined && !p1.cap) f.push('capAfterLower');
    const gz = gazetteer?.[i];
    if (gz !== undefined) {
      f.push('gz=' + gz);
      f.push('gz|s=' + gz + '|' + me.shape);
    }
    const gzPrev = gazetteer?.[i - 1];
    if (gzPrev !== undefined) f.push('gz-1=' + gzPrev);
    const gzNext = gazetteer?.[i + 1];
    if (gzNext !== undefined) f.push('gz+1=' + gzNext);
    const extra = context[i];
    if (extra !== undefined) f.push(...extra);
    result.push(f);
  }
  return result;
};

/** The normalised form history features use. */
export const normalisedWord = normalise;

const POSITIONS = 'SBIE';
const RUN_LENGTH: readonly string[] = Array.from(
  { length: 20 },
  (_, k) => 'rl=' + Math.floor(k / 4) + POSITIONS.charAt(k % 4),
);

/** Lower-case words that may join two capitalised runs into one name ("Bank of England"). */
const RUN_CONNECTORS = new Set(['of', 'de', 'and', '&']);

/** Tokens after which a capitalised word may only be opening a sentence or a quotation. */
const OPENERS = new Set([
  '"',
  "'",
  '`',
  '``',
  "''",
  ':',
  '(',
  '-',
  '--',
  '.',
  '?',
  '!',
  ';',
  '“',
  '‘',
]);

/**
 * Whether a name run may start at token k. A capitalised common word ("Eastern", "Suburban",
 * "United") opens a run away from the start of a sentence or quotation, where its capital says
 * it is part of a name ("Eastern Utilities Associates", "the United States"); at the start it is
 * usually just the first word ("The", "Senior"), and the case-profile features type it there.
 */
const startsRunAt = (
  words: readonly string[],
  infos: readonly WordInfo[],
  k: number,
  ctx: FeatureContext,
): boolean => {
  const info = infos[k] as WordInfo;
  if (info.startsName) return true;
  if (ctx.midSentenceRuns !== true) return false;
  return info.upperInitial && k > 0 && !OPENERS.has(words[k - 1] as string);
};

/**
 * Features that need the words around a token beyond the fixed window: place-name matches and
 * the capitalised run the token sits in (its last word, what precedes and follows it, whether it
 * opens with a given name). A run's head says "University", "FC", "Records" or "River" however
 * far the token is from it. Undefined for tokens with none.
 */
export const contextFeatures = (
  words: readonly string[],
  ctx: FeatureContext,
): (string[] | undefined)[] => {
  const n = words.length;
  const out = new Array<string[] | undefined>(n).fill(undefined);
  const lexicon = ctx.lexicon;
  if (lexicon === undefined) return out;
  const infos = words.map((w) => wordInfo(w, ctx));
  const places = placeTags(
    words,
    lexicon,
    infos.map((x) => x.lower),
  );
  for (let i = 0; i < n; i++) {
    const p = places[i];
    if (p !== undefined) out[i] = [p === 'B' ? 'pl=B' : 'pl=I'];
  }
  let i = 0;
  while (i < n) {
    const first = infos[i] as WordInfo;
    if (!startsRunAt(words, infos, i, ctx)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const w = infos[end];
      if (w === undefined) break;
      if (w.upperInitial) {
        end++;
        continue;
      }
      const next = infos[end + 1];
      // Past a connector the next word is never opening the sentence: any capital continues.
      const continues = ctx.midSentenceRuns === true ? next?.upperInitial : next?.startsName;
      if (RUN_CONNECTORS.has(w.lower) && continues === true) {
        end += 2;
        continue;
      }
      break;
    }
    const len = end - i;
    const last = infos[end - 1] as WordInfo;
    const lenBucket = len > 4 ? 4 : len;
    const headType = len >= 2 ? last.keyword : undefined;
    let innerType: string | undefined;
    for (let k = i; k < end - 1 && innerType === undefined; k++) {
      innerType = (infos[k] as WordInfo).keyword;
    }
    const shared = [
      i > 0 ? (infos[i - 1] as WordInfo).asBefore : 'rb=<s>',
      end < n ? (infos[end] as WordInfo).asAfter : 'ra=</s>',
    ];
    if (len >= 2) shared.push(last.asHead);
    if (first.firstName && len >= 2 && len <= 3) shared.push('rfn');
    if (last.surname && len >= 2 && len <= 3) shared.push('rsn');
    // A known place that is only part of the run names something else ("Perth Glory",
    // "Manchester United"); one that is the whole run is the place itself.
    let inPlace = 0;
    for (let k = i; k < end; k++) if (places[k] !== undefined) inPlace++;
    if (inPlace > 0) shared.push(inPlace === len ? 'rpl=all' : 'rpl=part');
    if (headType !== undefined) shared.push(headType === 'ORG' ? 'rhk=ORG' : 'rhk=' + headType);
    if (innerType !== undefined) shared.push(innerType === 'ORG' ? 'rk=ORG' : 'rk=' + innerType);
    for (let k = i; k < end; k++) {
      const pos = len === 1 ? 'S' : k === i ? 'B' : k === end - 1 ? 'E' : 'I';
      const f = out[k] ?? [];
      f.push(RUN_LENGTH[lenBucket * 4 + POSITIONS.indexOf(pos)] as string, ...shared);
      out[k] = f;
    }
    i = end;
  }
  return out;
};

/** Features that depend on the tags already chosen to the left. */
export const historyFeatures = (prev: string, prev2: string, word: string): string[] => [
  't-1=' + prev,
  't-2=' + prev2 + '|' + prev,
  't-1w=' + prev + '|' + normalise(word),
];
