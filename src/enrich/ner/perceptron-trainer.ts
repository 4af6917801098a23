import type { LabelledSentence } from './labelled-corpus.js';
import type { CaseProfile } from './case-profile.js';
import type { Lexicon } from './lexicon.js';
import type { WordClusters } from './word-clusters.js';
import { allowedAfter, type NerModel } from './perceptron-model.js';
import { historyFeatures, sentenceFeatures } from './token-features.js';
import { xorshift32Random } from '../../core/seeded-random.js';

export interface TrainOptions {
  readonly epochs: number;
  /** Features seen fewer times than this in training are dropped (noise, and model size). */
  readonly minCount: number;
  /** Averaged weights with |w| below this are pruned from the shipped model. */
  readonly pruneBelow: number;
  readonly seed: number;
  readonly version: string;
  /** KB gazetteer BIO tags per token of a sentence, when training with a KB. */
  readonly gazetteer?: (words: readonly string[]) => (string | undefined)[];
  readonly onEpoch?: (epoch: number, errorRate: number) => void;
  /** Static features starting with any of these are left out (to test what generalises). */
  readonly dropPrefixes?: readonly string[];
  /**
   * Share of tokens trained without their word-identity features ("w=", "W="), so the model also
   * learns to name words it has never seen from their shape, context and the name lists, as it
   * must outside its training news.
   */
  readonly wordDropout?: number;
  /** Name lists for the gazetteer features; shipped inside the model. */
  readonly lexicon?: Lexicon;
  /** Usual case of words in running text; shipped inside the model. */
  readonly caseProfile?: CaseProfile;
  /** Word clusters from unlabelled news; shipped inside the model. */
  readonly clusters?: WordClusters;
  /** Name runs open at capitalised common words inside a sentence (token-features.ts). */
  readonly midSentenceRuns?: boolean;
}

/** Deterministic shuffle so a retrain gives the same model. */
const shuffle = <T>(items: T[], seed: number): void => {
  let s = seed >>> 0 || 1;
  for (let i = items.length - 1; i > 0; i--) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const j = s % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
};

/**
 * Words written in lower case at least 9 times out of 10 away from the start of a sentence (and
 * seen at least 3 times there): "the", "we", "senior", but not "Paris" or "US".
 */
const findCommonWords = (sentences: readonly LabelledSentence[]): Set<string> => {
  const total = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const s of sentences) {
    // Sentences written in capitals (headline augmentation) say nothing about usual case.
    if (s.words.every((w) => w === w.toUpperCase())) continue;
    for (const w of s.words.slice(1)) {
      const lw = w.toLowerCase();
      if (lw === w.toUpperCase()) continue;
      total.set(lw, (total.get(lw) ?? 0) + 1);
      if (w === lw) lower.set(lw, (lower.get(lw) ?? 0) + 1);
    }
  }
  const common = new Set<string>();
  for (const [w, n] of total) if (n >= 3 && (lower.get(w) ?? 0) >= 0.9 * n) common.add(w);
  return common;
};

/**
 * Trains the averaged perceptron. Features are interned to integers once, so each epoch is
 * array arithmetic; averaging is lazy (each weight remembers when it last changed).
 */
export const trainPerceptron = (
  sentences: readonly LabelledSentence[],
  options: TrainOptions,
): NerModel => {
  const tagSet = new Set<string>(['O']);
  for (const s of sentences) for (const t of s.tags) tagSet.add(t);
  const tags = [...tagSet].sort();
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  const commonWords = findCommonWords(sentences);
  const ctx = {
    commonWords,
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    ...(options.caseProfile ? { caseProfile: options.caseProfile } : {}),
    ...(options.clusters ? { clusters: options.clusters } : {}),
    ...(options.midSentenceRuns === true ? { midSentenceRuns: true } : {}),
  };
  // Pass 1: count features (static ones and history ones under gold history).
  const counts = new Map<string, number>();
  const bump = (f: string): void => {
    counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  const drop = options.dropPrefixes ?? [];
  const staticFeatures = sentences.map((s) =>
    sentenceFeatures(s.words, options.gazetteer?.(s.words), ctx).map((feats) =>
      drop.length === 0 ? feats : feats.filter((f) => !drop.some((p) => f.startsWith(p))),
    ),
  );
  sentences.forEach((s, k) => {
    const feats = staticFeatures[k] as string[][];
    for (let i = 0; i < s.words.length; i++) {
      for (const f of feats[i] as string[]) bump(f);
      const prev = i > 0 ? (s.tags[i - 1] as string) : '<s>';
      const prev2 = i > 1 ? (s.tags[i - 2] as string) : '<s>';
      for (const f of historyFeatures(prev, prev2, s.words[i] as string)) bump(f);
    }
  });
  const featIndex = new Map<string, number>();
  for (const [f, c] of counts) if (c >= options.minCount) featIndex.set(f, featIndex.size);
  counts.clear();
  const ids = staticFeatures.map((sentence) =>
    sentence.map((feats) => {
      const out: number[] = [];
      for (const f of feats) {
        const id = featIndex.get(f);
        if (id !== undefined) out.push(id);
      }
      return Int32Array.from(out);
    }),
  );
  staticFeatures.length = 0;

  const F = featIndex.size;
  const w = new Float32Array(F * T);
  const totals = new Float64Array(F * T);
  const stamps = new Float64Array(F * T);
  let step = 0;
  const update = (f: number, t: number, v: number): void => {
    const k = f * T + t;
    totals[k] = (totals[k] as number) + (step - (stamps[k] as number)) * (w[k] as number);
    stamps[k] = step;
    w[k] = (w[k] as number) + v;
  };

  const lexical = new Uint8Array(F);
  for (const [f, id] of featIndex) if (f.startsWith('w=') || f.startsWith('W=')) lexical[id] = 1;
  const dropout = options.wordDropout ?? 0;
  const random = xorshift32Random((options.seed * 2654435761) >>> 0 || 1);

  const order = sentences.map((_, i) => i);
  const scores = new Float64Array(T);
  const hist: number[] = [];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, options.seed + epoch);
    let errors = 0;
    let tokens = 0;
    for (const k of order) {
      const s = sentences[k] as LabelledSentence;
      const sentIds = ids[k] as Int32Array[];
      let prev = '<s>';
      let prev2 = '<s>';
      for (let i = 0; i < s.words.length; i++) {
        step++;
        let staticIds = sentIds[i] as Int32Array;
        if (dropout > 0 && random() < dropout)
          staticIds = staticIds.filter((f) => lexical[f] === 0);
        hist.length = 0;
        for (const f of historyFeatures(prev, prev2, s.words[i] as string)) {
          const id = featIndex.get(f);
          if (id !== undefined) hist.push(id);
        }
        scores.fill(0);
        for (const f of staticIds) {
          for (let t = 0; t < T; t++) scores[t] = (scores[t] as number) + (w[f * T + t] as number);
        }
        for (const f of hist) {
          for (let t = 0; t < T; t++) scores[t] = (scores[t] as number) + (w[f * T + t] as number);
        }
        let best = 0;
        let bestScore = -Infinity;
        for (let t = 0; t < T; t++) {
          if (!allowedAfter(prev === '<s>' ? 'O' : prev, tags[t] as string)) continue;
          if ((scores[t] as number) > bestScore) {
            bestScore = scores[t] as number;
            best = t;
          }
        }
        const gold = tagIndex.get(s.tags[i] as string) as number;
        tokens++;
        if (best !== gold) {
          errors++;
          for (const f of staticIds) {
            update(f, gold, 1);
            update(f, best, -1);
          }
          for (const f of hist) {
            update(f, gold, 1);
            update(f, best, -1);
          }
        }
        prev2 = prev;
        prev = tags[best] as string;
      }
    }
    options.onEpoch?.(epoch, errors / Math.max(1, tokens));
  }

  const weights = new Map<string, Float32Array>();
  for (const [name, f] of featIndex) {
    let row: Float32Array | undefined;
    for (let t = 0; t < T; t++) {
      const k = f * T + t;
      const total = (totals[k] as number) + (step - (stamps[k] as number)) * (w[k] as number);
      // Scaled to one epoch's worth of updates so pruneBelow reads in update counts.
      const avg = ((total / step) * (step / options.epochs)) / 1000;
      if (Math.abs(avg) < options.pruneBelow) continue;
      row ??= new Float32Array(T);
      row[t] = avg;
    }
    if (row !== undefined) weights.set(name, row);
  }
  return { ...ctx, version: options.version, tags, weights };
};
