import { decodeTables, type NerModel } from './perceptron-model.js';
import { caseBucketOf } from './case-profile.js';
import { featureIndex, type FeatureIndex } from './feature-index.js';
import { contextFeatures, neighbourClusters, ownFeatures, wordShape } from './token-features.js';

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
  readonly self: Float64Array;
  readonly asPrev1: Float64Array;
  readonly asNext1: Float64Array;
  readonly asPrev2: Float64Array;
  readonly asNext2: Float64Array;
  /** The weights of pair and history features this word takes part in (feature-index.ts). */
  readonly afterWord: ReadonlyMap<string, Float32Array> | undefined;
  readonly beforeWord: ReadonlyMap<string, Float32Array> | undefined;
  readonly shapeMiddle: ReadonlyMap<string, ReadonlyMap<string, Float32Array>> | undefined;
  readonly afterTag: readonly (Float32Array | undefined)[] | undefined;
  readonly first: Float32Array | undefined;
  /** A '|' in the word or its shape: feature strings with it are not indexed, so they are built. */
  readonly bar: boolean;
}

const caches = new WeakMap<NerModel, Map<string, WordScores>>();
const MAX_CACHED_WORDS = 200_000;

const normalise = (w: string): string => w.toLowerCase().replace(/\d/g, '0').replace(/[’‘]/g, "'");

const sum = (model: NerModel, features: readonly string[]): Float64Array => {
  const out = new Float64Array(model.tags.length);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < w.length; t++) out[t] = (out[t] as number) + (w[t] as number);
  }
  return out;
};

const scoresOf = (model: NerModel, index: FeatureIndex, w: string): WordScores => {
  let cache = caches.get(model);
  if (cache === undefined) {
    cache = new Map();
    caches.set(model, cache);
  }
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  const lw = normalise(w);
  const shape = wordShape(w);
  const own = ownFeatures(w, model);
  const c = w.charAt(0);
  const cp = model.caseProfile ? caseBucketOf(model.caseProfile, w) : undefined;
  const near = model.clusters ? neighbourClusters(model.clusters, w) : undefined;
  const entry: WordScores = {
    lw,
    shape,
    cap: c !== c.toLowerCase(),
    upper: w.toUpperCase() === w,
    self: sum(model, own),
    asPrev1: sum(model, [
      'w-1=' + lw,
      's-1=' + shape,
      ...(cp ? ['cp-1=' + cp] : []),
      ...(near ? [near.prev] : []),
    ]),
    asNext1: sum(model, [
      'w+1=' + lw,
      's+1=' + shape,
      ...(cp ? ['cp+1=' + cp] : []),
      ...(near ? [near.next] : []),
    ]),
    asPrev2: sum(model, ['w-2=' + lw]),
    asNext2: sum(model, ['w+2=' + lw]),
    afterWord: index.afterWord.get(lw),
    beforeWord: index.beforeWord.get(lw),
    shapeMiddle: index.shapes.get(shape),
    afterTag: index.afterTag.get(lw),
    first: model.weights.get('first|' + shape),
    bar: lw.includes('|') || shape.includes('|'),
  };
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(w, entry);
  return entry;
};

const edgeCaches = new WeakMap<NerModel, Record<string, Float64Array>>();
const edges = (model: NerModel): Record<string, Float64Array> => {
  let e = edgeCaches.get(model);
  if (e === undefined) {
    e = {
      b: sum(model, ['b']),
      prev1: sum(model, [
        'w-1=<s>',
        's-1=<s>',
        ...(model.caseProfile ? ['cp-1=<s>'] : []),
        ...(model.clusters ? ['k-1=<s>'] : []),
      ]),
      next1: sum(model, [
        'w+1=</s>',
        's+1=</s>',
        ...(model.caseProfile ? ['cp+1=</s>'] : []),
        ...(model.clusters ? ['k+1=</s>'] : []),
      ]),
      prev2: sum(model, ['w-2=<s>']),
      next2: sum(model, ['w+2=</s>']),
    };
    edgeCaches.set(model, e);
  }
  return e;
};

const add = (scores: Float64Array, v: Float64Array): void => {
  for (let t = 0; t < v.length; t++) scores[t] = (scores[t] as number) + (v[t] as number);
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
  const e = edges(model);
  const capAfterLower = model.weights.get('capAfterLower');
  const info = words.map((w) => scoresOf(model, index, w));
  const context = model.lexicon === undefined ? undefined : contextFeatures(words, model);
  const scores = new Float64Array(T);
  const tags: string[] = [];
  let prev = T;
  let prev2 = T;
  for (let i = 0; i < info.length; i++) {
    const me = info[i] as WordScores;
    const p1 = info[i - 1];
    const n1 = info[i + 1];
    const p2 = info[i - 2];
    const n2 = info[i + 2];
    scores.fill(0);
    add(scores, e['b'] as Float64Array);
    add(scores, me.self);
    add(scores, p1 === undefined ? (e['prev1'] as Float64Array) : p1.asPrev1);
    add(scores, n1 === undefined ? (e['next1'] as Float64Array) : n1.asNext1);
    add(scores, p2 === undefined ? (e['prev2'] as Float64Array) : p2.asPrev2);
    add(scores, n2 === undefined ? (e['next2'] as Float64Array) : n2.asNext2);
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
