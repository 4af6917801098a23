/**
 * Held-out sets for choosing NER changes without looking at wikigold or the re3d test split:
 * every 10th GMB sentence (in domain) and the whole non-BBC re3d train split (out of domain:
 * government, military and Wikipedia prose), which a --dev training run leaves out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  alignConventions,
  parseConll,
  parseGmbCsv,
  RE3D_LABELS,
  stripPersonTitles,
  type LabelledSentence,
} from '../src/enrich/ner/labelled-corpus.js';
import { spansFromBio, type WordSpan } from '../src/enrich/ner/entity-spans.js';
import { scoreSpans, type EntityScore } from '../src/enrich/ner/entity-score.js';
import type { NerModel } from '../src/enrich/ner/perceptron-model.js';
import { tagEntitySpans } from '../src/enrich/ner/recognize-entities.js';

export interface NerCorpora {
  readonly gmb: LabelledSentence[];
  /** re3d train without the BBC Online sentences (CC BY-NC). */
  readonly re3d: LabelledSentence[];
}

export const loadNerCorpora = (nerDir: string): NerCorpora => {
  const gmb = parseGmbCsv(readFileSync(join(nerDir, 'gmb-kaggle', 'ner_dataset.csv'), 'latin1'));
  const bbcDir = join(nerDir, 're3d', 'conll', 'data-by-source', 'conll', 'BBC_Online');
  const bbcSentences = new Set<string>();
  for (const file of readdirSync(bbcDir)) {
    for (const s of parseConll(readFileSync(join(bbcDir, file), 'utf8'), RE3D_LABELS)) {
      bbcSentences.add(s.words.join(' '));
    }
  }
  const re3dAll = parseConll(
    readFileSync(join(nerDir, 're3d', 'conll', 're3d-train.conll'), 'utf8'),
    RE3D_LABELS,
  );
  return { gmb, re3d: re3dAll.filter((s) => !bbcSentences.has(s.words.join(' '))) };
};

/** A gold sentence in the convention the recogniser follows: titles out, coordinations split. */
export const conventionalSentence = (s: LabelledSentence): LabelledSentence =>
  alignConventions(stripPersonTitles(s));

/** The GMB sentences a --dev run holds out. */
export const isGmbDev = (index: number): boolean => index % 10 === 0;

const EVAL_TYPE: Readonly<Record<string, string | undefined>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  UNIT: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
};

const toEval = (spans: readonly WordSpan[]): WordSpan[] =>
  spans.flatMap((s) => {
    const type = EVAL_TYPE[s.type];
    return type === undefined ? [] : [{ start: s.start, end: s.end, type }];
  });

/**
 * Entity F1 over PER/ORG/LOC of the recogniser's model path (tagger plus span repairs and
 * head-word typing, no KB), as wikigold is scored.
 */
export const scoreRecogniser = (
  model: NerModel,
  sentences: readonly LabelledSentence[],
): EntityScore =>
  scoreSpans(
    sentences.map((s) => toEval(spansFromBio(conventionalSentence(s).tags))),
    sentences.map((s) => toEval(tagEntitySpans(s.words, model))),
  );

export const formatScore = (name: string, s: EntityScore): string =>
  `${name}: P ${s.precision.toFixed(1)} R ${s.recall.toFixed(1)} F1 ${s.f1.toFixed(1)} (` +
  Object.entries(s.byType)
    .map(([t, v]) => `${t} ${v.f1.toFixed(1)}`)
    .join(', ') +
  ')';
