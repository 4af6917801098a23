import { tagWordsCached } from './cached-scorer.js';
import { decodeGreedy, type NerModel } from './perceptron-model.js';
import { sentenceFeatures } from './token-features.js';

/** BIO tags for one sentence of words; `gazetteer` gives the KB's BIO tag per word when known. */
export const tagWords = (
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | undefined)[],
): string[] =>
  gazetteer === undefined
    ? tagWordsCached(model, words)
    : decodeGreedy(model, words, sentenceFeatures(words, gazetteer, model));
