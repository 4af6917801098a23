import { decodeTables, type NerModel } from './perceptron-model.js';
import { featureIndex, type FeatureIndex } from './feature-index.js';
import { contextFeatures, wordInfo } from './token-features.js';

/**
 * The tagger's inner loop without building feature strings: a word's own features and the
 * features it lends its neighbours ("w-1=...", "s+1=...") always add the same weights, so their
 * sums are computed once per word and model and reused. Only the features that join two words
 * or depend on earlier tags are looked up per token, through the model's feature index
 * (feature-index.ts) from the words' cached strings rather than by building feature strings.
 * Gives exactly the scores of sentenceFeatures + decodeGreedy, added in the same order (a test
 * checks), several times faster.
 */
interface WordScores {
  readonly lw: string;
  readonly shape: string;
  readonly cap: boolean;
  readonly upper: boolean;
  /**
   * The word's five sums, T numbers each from `at` (block k at at + k * T, see SELF..AS_NEXT2),
   * in a chunk shared with other words: one typed array per word and block made the cold path
   * (a worker's first articles) allocate and collect five off-heap buffers per new word.
   */
  readonly sums: Float64Array;
  readonly at: number;
  /** The weights of pair and history features this word takes part in (feature-index.ts). */
  readonly afterWord: ReadonlyMap<string, Float32Array> | undefined;
  readonly beforeWord: ReadonlyMap<string, Float32Array> | undefined;
  readonly shapeMiddle: ReadonlyMap<string, ReadonlyMap<string, Float32Array>> | undefined;
  readonly afterTag: readonly (Float32Array | undefined)[] | undefined;
  readonly first: Float32Array | undefined;
  /** A '|' in the word or its shape: feature strings with it are not indexed, so they are built. */
  readonly bar: boolean;
}

/** Blocks of a word's sums: its own features, and those it lends the words around it. */
const SELF = 0;
const AS_PREV1 = 1;
const AS_NEXT1 = 2;
const AS_PREV2 = 3;
const AS_NEXT2 = 4;
const BLOCKS = 5;
/** Words per chunk of sums. */
const CHUNK_WORDS = 4096;

interface ModelCache {
  readonly words: Map<string, WordScores>;
  chunk: Float64Array;
  /** Words whose sums the chunk holds. */
  used: number;
  /**
   * The sentence edges in the same layout: block SELF holds the bias "b", block AS_PREV1 the
   * features of "<s>" before the first word, AS_NEXT1 those of "</s>" after the last, and so on.
   */
  readonly edges: Float64Array;
}

const caches = new WeakMap<NerModel, ModelCache>();
const MAX_CACHED_WORDS = 200_000;

/** Sums the weights of `features` into out[at .. at + T), which hold zeros. */
const sumInto = (
  model: NerModel,
  features: readonly string[],
  out: Float64Array,
  at: number,
): void => {
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < w.length; t++) out[at + t] = (out[at + t] as number) + (w[t] as number);
  }
};

const cacheOf = (model: NerModel): ModelCache => {
  let cache = caches.get(model);
  if (cache !== undefined) return cache;
  const T = model.tags.length;
  const edges = new Float64Array(BLOCKS * T);
  sumInto(model, ['b'], edges, SELF * T);
  sumInto(
    model,
    [
      'w-1=<s>',
      's-1=<s>',
      ...(model.caseProfile ? ['cp-1=<s>'] : []),
      ...(model.clusters ? ['k-1=<s>'] : []),
    ],
    edges,
    AS_PREV1 * T,
  );
  sumInto(
    model,
    [
      'w+1=</s>',
      's+1=</s>',
      ...(model.caseProfile ? ['cp+1=</s>'] : []),
      ...(model.clusters ? ['k+1=</s>'] : []),
    ],
    edges,
    AS_NEXT1 * T,
  );
  sumInto(model, ['w-2=<s>'], edges, AS_PREV2 * T);
  sumInto(model, ['w+2=</s>'], edges, AS_NEXT2 * T);
  cache = { words: new Map(), chunk: new Float64Array(CHUNK_WORDS * BLOCKS * T), used: 0, edges };
  caches.set(model, cache);
  return cache;
};

const scoresOf = (
  model: NerModel,
  index: FeatureIndex,
  cache: ModelCache,
  w: string,
): WordScores => {
  const hit = cache.words.get(w);
  if (hit !== undefined) return hit;
  const T = model.tags.length;
  if (cache.words.size >= MAX_CACHED_WORDS) cache.words.clear();
  // A full chunk stays with the words that point into it; new words get a fresh (zeroed) one.
  if (cache.used === CHUNK_WORDS) {
    cache.chunk = new Float64Array(CHUNK_WORDS * BLOCKS * T);
    cache.used = 0;
  }
  const sums = cache.chunk;
  const at = cache.used++ * BLOCKS * T;
  // The feature strings sentenceFeatures uses, from the same per-word cache contextFeatures
  // reads: built once per word, not once per consumer.
  const word = wordInfo(w, model);
  const { lw, shape } = word;
  sumInto(model, word.lex, sums, at + SELF * T);
  sumInto(
    model,
    [
      word.prev1,
      word.shapePrev,
      ...(model.caseProfile ? [word.casePrev] : []),
      ...(model.clusters ? [word.clusterPrev] : []),
    ],
    sums,
    at + AS_PREV1 * T,
  );
  sumInto(
    model,
    [
      word.next1,
      word.shapeNext,
      ...(model.caseProfile ? [word.caseNext] : []),
      ...(model.clusters ? [word.clusterNext] : []),
    ],
    sums,
    at + AS_NEXT1 * T,
  );
  sumInto(model, [word.prev2], sums, at + AS_PREV2 * T);
  sumInto(model, [word.next2], sums, at + AS_NEXT2 * T);
  const entry: WordScores = {
    lw,
    shape,
    cap: word.cap,
    upper: w.toUpperCase() === w,
    sums,
    at,
    afterWord: index.afterWord.get(lw),
    beforeWord: index.beforeWord.get(lw),
    shapeMiddle: index.shapes.get(shape),
    afterTag: index.afterTag.get(lw),
    first: model.weights.get('first|' + shape),
    bar: lw.includes('|') || shape.includes('|'),
  };
  cache.words.set(w, entry);
  return entry;
};

/** scores += from[at .. at + scores.length). */
const addAt = (scores: Float64Array, from: Float64Array, at: number): void => {
  for (let t = 0; t < scores.length; t++)
    scores[t] = (scores[t] as number) + (from[at + t] as number);
};

const addFeature = (model: NerModel, feature: string, scores: Float64Array): void => {
  addWeights(scores, model.weights.get(feature));
};

const addWeights = (scores: Float64Array, w: Float32Array | undefined): void => {
  if (w === undefined) return;
  for (let t = 0; t < w.length; t++) scores[t] = (scores[t] as number) + (w[t] as number);
};

/** The features joining a word to its neighbours, from their strings (a '|' in the window). */
const addJoinsBuilt = (
  model: NerModel,
  me: WordScores,
  p1: WordScores | undefined,
  n1: WordScores | undefined,
  scores: Float64Array,
): void => {
  const lwPrev = p1 === undefined ? '<s>' : p1.lw;
  const lwNext = n1 === undefined ? '</s>' : n1.lw;
  addFeature(
    model,
    'ss=' +
      (p1 === undefined ? '<s>' : p1.shape) +
      '|' +
      me.shape +
      '|' +
      (n1 === undefined ? '</s>' : n1.shape),
    scores,
  );
  addFeature(model, 'w-1w=' + lwPrev + '|' + me.lw, scores);
  addFeature(model, 'ww+1=' + me.lw + '|' + lwNext, scores);
};

/** Greedy BIO decoding of one sentence (no gazetteer features). */
export const tagWordsCached = (model: NerModel, words: readonly string[]): string[] => {
  const T = model.tags.length;
  const tables = decodeTables(model);
  const { allowed } = tables;
  const index = featureIndex(model, tables.prevFeature, tables.prev2Feature);
  const cache = cacheOf(model);
  const edges = cache.edges;
  const capAfterLower = model.weights.get('capAfterLower');
  const info = words.map((w) => scoresOf(model, index, cache, w));
  const context = model.lexicon === undefined ? undefined : contextFeatures(words, model);
  const scores = new Float64Array(T);
  const tags: string[] = [];
  let prev = T;
  let prev2 = T;
  for (let i = 0; i < info.length; i++) {
    const me = info[i] as WordScores;
    const p1 = i >= 1 ? info[i - 1] : undefined;
    const n1 = info[i + 1];
    const p2 = i >= 2 ? info[i - 2] : undefined;
    const n2 = info[i + 2];
    scores.fill(0);
    addAt(scores, edges, SELF * T);
    addAt(scores, me.sums, me.at + SELF * T);
    if (p1 === undefined) addAt(scores, edges, AS_PREV1 * T);
    else addAt(scores, p1.sums, p1.at + AS_PREV1 * T);
    if (n1 === undefined) addAt(scores, edges, AS_NEXT1 * T);
    else addAt(scores, n1.sums, n1.at + AS_NEXT1 * T);
    if (p2 === undefined) addAt(scores, edges, AS_PREV2 * T);
    else addAt(scores, p2.sums, p2.at + AS_PREV2 * T);
    if (n2 === undefined) addAt(scores, edges, AS_NEXT2 * T);
    else addAt(scores, n2.sums, n2.at + AS_NEXT2 * T);
    // "ss=", "w-1w=", "ww+1=" in that order, as sentenceFeatures lists them.
    if (me.bar || p1?.bar === true || n1?.bar === true) addJoinsBuilt(model, me, p1, n1, scores);
    else {
      addWeights(
        scores,
        me.shapeMiddle
          ?.get(p1 === undefined ? '<s>' : p1.shape)
          ?.get(n1 === undefined ? '</s>' : n1.shape),
      );
      addWeights(scores, me.afterWord?.get(p1 === undefined ? '<s>' : p1.lw));
      addWeights(scores, me.beforeWord?.get(n1 === undefined ? '</s>' : n1.lw));
    }
    if (i === 0) addWeights(scores, me.first);
    if (me.cap && !me.upper && p1 !== undefined && !p1.cap) addWeights(scores, capAfterLower);
    const extra = context?.[i];
    if (extra !== undefined) for (const f of extra) addFeature(model, f, scores);
    addWeights(scores, index.prevTag[prev]);
    addWeights(scores, index.prev2Tag[prev * (T + 1) + prev2]);
    addWeights(scores, me.afterTag?.[prev]);
    let best = 0;
    let bestScore = -Infinity;
    for (let t = 0; t < T; t++) {
      if (allowed[prev * T + t] === 0) continue;
      const s = scores[t] as number;
      if (s > bestScore) {
        bestScore = s;
        best = t;
      }
    }
    tags.push(model.tags[best] as string);
    prev2 = prev;
    prev = best;
  }
  return tags;
};
