import { tagWordsCached } from './cached-scorer.js';
import { decodeGreedy, type NerModel } from './perceptron-model.js';
import { sentenceFeatures } from './token-features.js';

const usesGazetteer = new WeakMap<NerModel, boolean>();
/** Whether the model was trained with KB gazetteer features ("gz=...", train-ner.ts --kb). */
const readsGazetteer = (model: NerModel): boolean => {
  let uses = usesGazetteer.get(model);
  if (uses === undefined) {
    uses = false;
    for (const f of model.weights.keys()) {
      if (f.startsWith('gz')) {
        uses = true;
        break;
      }
    }
    usesGazetteer.set(model, uses);
  }
  return uses;
};

/**
 * BIO tags for one sentence of words; `gazetteer` gives the KB's BIO tag per word when known. A
 * model trained without gazetteer features gives them no weight, so it takes the cached path
 * (same tags, several times cheaper) whether or not the caller has a KB.
 */
export const tagWords = (
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | undefined)[],
): string[] =>
  gazetteer === undefined || !readsGazetteer(model)
    ? tagWordsCached(model, words)
    : decodeGreedy(model, words, sentenceFeatures(words, gazetteer, model));
