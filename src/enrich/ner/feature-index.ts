import type { NerModel } from './perceptron-model.js';

/**
 * The model's features that join two or three words (or a word and the previous tag), indexed by
 * their parts, so the cached scorer finds their weights from the words' cached strings without
 * building "w-1w=a|b" per token: building and hashing those strings was about a third of the
 * tagger's time. An index lookup returns the very weight vector a lookup of the built string
 * would, so the scores (and their order of addition) are unchanged.
 *
 * Features whose parts cannot be told apart ('|' inside a word or shape: "ww+1=a|b|c") are left
 * out; the scorer builds the string for a token whose window holds such a word (see `hasBar`).
 */
export interface FeatureIndex {
  /** "w-1w=A|B" by B, then A (the feature fires on B, the later word). */
  readonly afterWord: ReadonlyMap<string, ReadonlyMap<string, Float32Array>>;
  /** "ww+1=A|B" by A, then B (the feature fires on A, the earlier word). */
  readonly beforeWord: ReadonlyMap<string, ReadonlyMap<string, Float32Array>>;
  /** "ss=P|M|N" by M, then P, then N. */
  readonly shapes: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Float32Array>>>;
  /** "t-1w=TAG|W" by W: weights per previous tag index (model.tags order, then '<s>'). */
  readonly afterTag: ReadonlyMap<string, readonly (Float32Array | undefined)[]>;
  /** "t-1=X" per previous tag index, "t-2=Y|X" at prev * (T + 1) + prev2 (decodeTables' order). */
  readonly prevTag: readonly (Float32Array | undefined)[];
  readonly prev2Tag: readonly (Float32Array | undefined)[];
}

const barCount = (s: string, from: number): number => {
  let n = 0;
  for (let i = s.indexOf('|', from); i >= 0; i = s.indexOf('|', i + 1)) n++;
  return n;
};

const nested = <V>(outer: Map<string, Map<string, V>>, a: string): Map<string, V> => {
  let inner = outer.get(a);
  if (inner === undefined) {
    inner = new Map();
    outer.set(a, inner);
  }
  return inner;
};

const indexes = new WeakMap<NerModel, FeatureIndex>();

/** Built once per model, on first use (~0.1 s for the shipped model's 200k features). */
export const featureIndex = (
  model: NerModel,
  prevFeature: readonly string[],
  prev2Feature: readonly string[],
): FeatureIndex => {
  const cached = indexes.get(model);
  if (cached !== undefined) return cached;
  const afterWord = new Map<string, Map<string, Float32Array>>();
  const beforeWord = new Map<string, Map<string, Float32Array>>();
  const shapes = new Map<string, Map<string, Map<string, Float32Array>>>();
  const afterTag = new Map<string, (Float32Array | undefined)[]>();
  const T = model.tags.length;
  const tagIndex = new Map<string, number>(model.tags.map((tag, k) => [tag, k]));
  tagIndex.set('<s>', T);
  for (const [feature, weights] of model.weights) {
    if (feature.startsWith('w-1w=') || feature.startsWith('ww+1=')) {
      if (barCount(feature, 5) !== 1) continue;
      const bar = feature.indexOf('|', 5);
      const a = feature.slice(5, bar);
      const b = feature.slice(bar + 1);
      if (feature.charCodeAt(1) === 45 /* '-' of "w-1w" */) nested(afterWord, b).set(a, weights);
      else nested(beforeWord, a).set(b, weights);
    } else if (feature.startsWith('ss=')) {
      if (barCount(feature, 3) !== 2) continue;
      const [p, m, n] = feature.slice(3).split('|') as [string, string, string];
      nested(nested(shapes, m), p).set(n, weights);
    } else if (feature.startsWith('t-1w=')) {
      // Tags hold no '|': the first one ends the tag, whatever the word holds.
      const bar = feature.indexOf('|', 5);
      const tag = tagIndex.get(feature.slice(5, bar));
      if (bar < 0 || tag === undefined) continue;
      const word = feature.slice(bar + 1);
      let byTag = afterTag.get(word);
      if (byTag === undefined) {
        byTag = new Array<Float32Array | undefined>(T + 1).fill(undefined);
        afterTag.set(word, byTag);
      }
      byTag[tag] = weights;
    }
  }
  const index: FeatureIndex = {
    afterWord,
    beforeWord,
    shapes,
    afterTag,
    prevTag: prevFeature.map((f) => model.weights.get(f)),
    prev2Tag: prev2Feature.map((f) => model.weights.get(f)),
  };
  indexes.set(model, index);
  return index;
};
