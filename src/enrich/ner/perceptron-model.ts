import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCaseProfile, encodeCaseProfile, type CaseProfile } from './case-profile.js';
import { buildLexicon, type Lexicon, type LexiconLists } from './lexicon.js';
import { normalisedWord } from './token-features.js';
import { decodeWordClusters, encodeWordClusters, type WordClusters } from './word-clusters.js';

/**
 * An averaged perceptron over BIO tags, decoded greedily left to right.
 *
 * Why this model: it trains in minutes on one core from a 1M-token corpus, tags well over
 * 100k tokens/s in plain TypeScript, and ships as a small sparse weight table. Greedy decoding
 * with the two previous tags as features loses under a point of F1 against Viterbi for this
 * kind of tagger (Collins 2002; Honnibal's spaCy v1 notes) while costing one scoring pass per
 * token instead of one per tag pair; the BIO constraint below removes the invalid sequences
 * that greedy decoding would otherwise produce.
 */
export interface NerModel {
  readonly version: string;
  readonly tags: readonly string[];
  readonly weights: ReadonlyMap<string, Float32Array>;
  /** Lower-cased words the training text writes in lower case nearly always ("the", "senior"). */
  readonly commonWords: ReadonlySet<string>;
  /** Name lists behind the gazetteer features, when the model was trained with them. */
  readonly lexicon?: Lexicon;
  /** Usual case of words in running text (case-profile.ts), when trained with it. */
  readonly caseProfile?: CaseProfile;
  /** Word clusters learnt from unlabelled news (word-clusters.ts), when trained with them. */
  readonly clusters?: WordClusters;
  /** Name runs open at capitalised common words inside a sentence (token-features.ts). */
  readonly midSentenceRuns?: boolean;
}

/** I-X may only follow B-X or I-X. */
export const allowedAfter = (prev: string, tag: string): boolean =>
  !tag.startsWith('I-') || (prev !== 'O' && prev.slice(2) === tag.slice(2));

export const scoreInto = (
  model: NerModel,
  features: readonly string[],
  scores: Float64Array,
): void => {
  scores.fill(0);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < w.length; t++) scores[t] = (scores[t] as number) + (w[t] as number);
  }
};

interface DecodeTables {
  /** allowed[prev * T + t], with prev = T for the sentence start. */
  readonly allowed: Uint8Array;
  /** "t-1=X" and "t-2=Y|X" strings, built once per model so their hashes are reused. */
  readonly prevFeature: readonly string[];
  readonly prev2Feature: readonly string[];
}

const tables = new WeakMap<NerModel, DecodeTables>();
export const decodeTables = (model: NerModel): DecodeTables => {
  let t = tables.get(model);
  if (t !== undefined) return t;
  const T = model.tags.length;
  const names = [...model.tags, '<s>'];
  const allowed = new Uint8Array((T + 1) * T);
  const prevFeature: string[] = [];
  const prev2Feature: string[] = [];
  for (let p = 0; p <= T; p++) {
    const prev = names[p] as string;
    prevFeature.push('t-1=' + prev);
    for (let q = 0; q <= T; q++) prev2Feature.push('t-2=' + (names[q] as string) + '|' + prev);
    for (let k = 0; k < T; k++) {
      allowed[p * T + k] = allowedAfter(p === T ? 'O' : prev, model.tags[k] as string) ? 1 : 0;
    }
  }
  t = { allowed, prevFeature, prev2Feature };
  tables.set(model, t);
  return t;
};

const addWeights = (model: NerModel, feature: string, scores: Float64Array): void => {
  const w = model.weights.get(feature);
  if (w === undefined) return;
  for (let t = 0; t < w.length; t++) scores[t] = (scores[t] as number) + (w[t] as number);
};

/** Tags one sentence given its static features (see sentenceFeatures). */
export const decodeGreedy = (
  model: NerModel,
  words: readonly string[],
  features: readonly (readonly string[])[],
): string[] => {
  const T = model.tags.length;
  const { allowed, prevFeature, prev2Feature } = decodeTables(model);
  const tags: string[] = [];
  const scores = new Float64Array(T);
  let prev = T;
  let prev2 = T;
  for (let i = 0; i < words.length; i++) {
    scoreInto(model, features[i] ?? [], scores);
    const prevName = prev === T ? '<s>' : (model.tags[prev] as string);
    addWeights(model, prevFeature[prev] as string, scores);
    addWeights(model, prev2Feature[prev * (T + 1) + prev2] as string, scores);
    addWeights(model, 't-1w=' + prevName + '|' + normalisedWord(words[i] ?? ''), scores);
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

interface SerialisedModel {
  version: string;
  tags: string[];
  /** feature -> [tagIndex, weight, tagIndex, weight, ...] with zero weights left out. */
  features: Record<string, number[]>;
  commonWords: string[];
  lexicon?: LexiconLists;
  caseProfile?: Record<string, string[]>;
  clusters?: string[];
  /** Absent in models trained before the option, which tag exactly as before. */
  midSentenceRuns?: true;
}

export const encodeModel = (model: NerModel): Buffer => {
  const features: Record<string, number[]> = {};
  for (const [name, w] of model.weights) {
    const sparse: number[] = [];
    for (let t = 0; t < w.length; t++) {
      const v = w[t] as number;
      if (v !== 0) sparse.push(t, Math.round(v * 1000) / 1000);
    }
    if (sparse.length > 0) features[name] = sparse;
  }
  const body: SerialisedModel = {
    version: model.version,
    tags: [...model.tags],
    features,
    commonWords: [...model.commonWords].sort(),
    ...(model.lexicon ? { lexicon: model.lexicon.lists } : {}),
    ...(model.caseProfile ? { caseProfile: encodeCaseProfile(model.caseProfile) } : {}),
    ...(model.clusters ? { clusters: encodeWordClusters(model.clusters) } : {}),
    ...(model.midSentenceRuns === true ? { midSentenceRuns: true as const } : {}),
  };
  return gzipSync(JSON.stringify(body), { level: 9 });
};

export const decodeModel = (gz: Uint8Array): NerModel => {
  const body = JSON.parse(gunzipSync(gz).toString('utf8')) as SerialisedModel;
  const weights = new Map<string, Float32Array>();
  const n = body.tags.length;
  // Object.keys and a lookup, not Object.entries: the features object has ~200k keys (dictionary
  // mode), and building an entry pair per key was a fifth of loading the model in each worker.
  // Same keys in the same order.
  const features = body.features;
  for (const name of Object.keys(features)) {
    const sparse = features[name] as number[];
    const w = new Float32Array(n);
    for (let k = 0; k + 1 < sparse.length; k += 2) w[sparse[k] as number] = sparse[k + 1] as number;
    weights.set(name, w);
  }
  return {
    version: body.version,
    tags: body.tags,
    weights,
    commonWords: new Set(body.commonWords),
    ...(body.lexicon ? { lexicon: buildLexicon(body.lexicon) } : {}),
    ...(body.caseProfile ? { caseProfile: decodeCaseProfile(body.caseProfile) } : {}),
    ...(body.clusters ? { clusters: decodeWordClusters(body.clusters) } : {}),
    ...(body.midSentenceRuns === true ? { midSentenceRuns: true } : {}),
  };
};
