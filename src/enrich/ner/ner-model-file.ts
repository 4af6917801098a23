import { decodeModel, type NerModel } from './perceptron-model.js';

/**
 * Bumped whenever scripts/train-ner.ts, the features or the rules after tagging change what is
 * found; saved with every enrichment (the model file carries it), so reprocess re-derives.
 * ner-ap-6: the weights of ner-ap-5 (same data and features), with new span rules.
 * ner-ap-7: the same weights again, with session 5's rules (company legal forms, O'/D' surnames,
 * national sides, demonyms, "of" heads, country + "Government").
 * ner-ap-8: retrained licence-clean: case profile and word clusters from the labelled training
 * corpora instead of Reuters-21578/BBC (evaluation-only); same features and rules.
 */
export const NER_MODEL_VERSION = 'ner-ap-8';

/**
 * Where the shipped model lives. The stage does not read files itself: the CLI or pipeline reads
 * these bytes and hands them to `loadNerModel`.
 */
export const NER_MODEL_URL = new URL('../model/ner-model.json.gz', import.meta.url);

export const loadNerModel = (gzBytes: Uint8Array): NerModel => decodeModel(gzBytes);
