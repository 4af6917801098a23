import { decodeModel, type NerModel } from './perceptron-model.js';

/** Bumped whenever scripts/train-ner.ts or the features change; saved with every enrichment. */
export const NER_MODEL_VERSION = 'ner-ap-5';

/**
 * Where the shipped model lives. The stage does not read files itself: the CLI or pipeline reads
 * these bytes and hands them to `loadNerModel`.
 */
export const NER_MODEL_URL = new URL('../model/ner-model.json.gz', import.meta.url);

export const loadNerModel = (gzBytes: Uint8Array): NerModel => decodeModel(gzBytes);
