/**
 * The labelled corpora of ../shared/ner, each cut into train / dev / report parts, so NER changes
 * are chosen on dev parts and confirmed on report parts nobody tuned on (see SOURCES.md there):
 *
 * - GMB (VOA newswire): the last REPORT_SENTENCES sentences are the report part (a contiguous
 *   block, so few documents straddle it), every 10th sentence before it is dev, the rest train.
 * - re3d: the train split without the BBC Online sentences (CC BY-NC), every 5th sentence of
 *   it dev and the rest train; the test split is report.
 * - GUM: the official split of splits.md (train / dev / test), genres with a shippable licence.
 * - Broad Twitter Corpus: btc.train / btc.dev / btc.test (never the section files with them).
 * - WNUT-17: wnut17train / emerging.dev / emerging.test.annotated.
 * - CrossNER: every domain's train / dev / test.
 * - wikigold: report only (evaluation, never training).
 *
 * Documents are kept (document-level consistency needs them); sentences are their flat list.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  alignConventions,
  CLASSIC_LABELS,
  CROSSNER_LABELS,
  parseConll,
  parseGmbCsv,
  RE3D_LABELS,
  stripPersonTitles,
  WNUT17_LABELS,
  type LabelledSentence,
} from '../src/enrich/ner/labelled-corpus.js';
import { parseGumConllu } from '../src/enrich/ner/gum-corpus.js';
import { spansFromBio, type WordSpan } from '../src/enrich/ner/entity-spans.js';
import { scoreSpans, type EntityScore } from '../src/enrich/ner/entity-score.js';
import type { NerModel } from '../src/enrich/ner/perceptron-model.js';
import {
  recognizeEntities,
  tagEntitySpans,
  type RecognizerDeps,
} from '../src/enrich/ner/recognize-entities.js';
import { harmoniseDocument } from '../src/enrich/ner/document-consistency.js';
import { documentCase } from '../src/enrich/ner/document-case.js';

/** A document: sentences that belong together (one article, one tweet, one CoNLL block). */
export type LabelledDocument = LabelledSentence[];

export interface CorpusParts {
  readonly name: string;
  readonly train: LabelledDocument[];
  readonly dev: LabelledDocument[];
  readonly report: LabelledDocument[];
}

export const GMB_REPORT_SENTENCES = 2400;

/** The GMB sentences a dev run holds out (by index among the non-report sentences). */
export const isGmbDev = (index: number): boolean => index % 10 === 0;

const read = (path: string, encoding: BufferEncoding = 'utf8'): string =>
  readFileSync(path, encoding);

/** A CoNLL file as documents (split on -DOCSTART-, or one document per sentence without it). */
const conllDocuments = (
  text: string,
  labels: Parameters<typeof parseConll>[1],
): LabelledDocument[] =>
  text.includes('-DOCSTART-')
    ? text
        .split(/^-DOCSTART-.*$/m)
        .map((chunk) => parseConll(chunk, labels))
        .filter((d) => d.length > 0)
    : parseConll(text, labels).map((s) => [s]);

const gmbParts = (nerDir: string): CorpusParts => {
  const all = parseGmbCsv(read(join(nerDir, 'gmb-kaggle', 'ner_dataset.csv'), 'latin1'));
  const cut = all.length - GMB_REPORT_SENTENCES;
  const rest = all.slice(0, cut);
  return {
    name: 'GMB',
    train: rest.filter((_, i) => !isGmbDev(i)).map((s) => [s]),
    dev: rest.filter((_, i) => isGmbDev(i)).map((s) => [s]),
    // The Kaggle extract has no document boundaries: each sentence stands alone.
    report: all.slice(cut).map((s) => [s]),
  };
};

const re3dParts = (nerDir: string): CorpusParts => {
  const bbcDir = join(nerDir, 're3d', 'conll', 'data-by-source', 'conll', 'BBC_Online');
  const bbcSentences = new Set<string>();
  for (const file of readdirSync(bbcDir)) {
    for (const s of parseConll(read(join(bbcDir, file)), RE3D_LABELS)) {
      bbcSentences.add(s.words.join(' '));
    }
  }
  const train = parseConll(
    read(join(nerDir, 're3d', 'conll', 're3d-train.conll')),
    RE3D_LABELS,
  ).filter((s) => !bbcSentences.has(s.words.join(' ')));
  return {
    name: 're3d',
    // Every 5th sentence of the train split is dev: the only defence text with gold.
    train: train.filter((_, i) => i % 5 !== 0).map((s) => [s]),
    dev: train.filter((_, i) => i % 5 === 0).map((s) => [s]),
    report: conllDocuments(read(join(nerDir, 're3d', 'conll', 're3d-test.conll')), RE3D_LABELS),
  };
};

/** Document names listed under "## <part>" in GUM's splits.md. */
const gumSplit = (splits: string, part: string): Set<string> => {
  const names = new Set<string>();
  let inPart = false;
  for (const line of splits.split(/\r?\n/)) {
    if (line.startsWith('## ')) inPart = line.slice(3).trim() === part;
    else if (inPart) {
      const m = /^\s*\*\s*(\S+)/.exec(line);
      if (m?.[1] !== undefined) names.add(m[1]);
    }
  }
  return names;
};

const gumParts = (nerDir: string): CorpusParts => {
  const dir = join(nerDir, 'gum');
  const splits = read(join(dir, 'splits.md'));
  const dev = gumSplit(splits, 'dev');
  const test = gumSplit(splits, 'test');
  const parts = { name: 'GUM', train: [], dev: [], report: [] } as {
    name: string;
    train: LabelledDocument[];
    dev: LabelledDocument[];
    report: LabelledDocument[];
  };
  for (const file of readdirSync(join(dir, 'dep')).sort()) {
    if (!file.endsWith('.conllu')) continue;
    for (const doc of parseGumConllu(read(join(dir, 'dep', file)))) {
      const id = doc.id || file.replace(/\.conllu$/, '');
      if (id.startsWith('GENTLE_')) continue;
      (dev.has(id) ? parts.dev : test.has(id) ? parts.report : parts.train).push(doc.sentences);
    }
  }
  return parts;
};

const btcParts = (nerDir: string): CorpusParts => {
  const dir = join(nerDir, 'broad-twitter-corpus', 'train_dev_test_conll');
  const load = (f: string): LabelledDocument[] =>
    conllDocuments(read(join(dir, f)), CLASSIC_LABELS);
  return { name: 'BTC', train: load('btc.train'), dev: load('btc.dev'), report: load('btc.test') };
};

const wnutParts = (nerDir: string): CorpusParts => {
  const dir = join(nerDir, 'wnut17-emerging-entities');
  const load = (f: string): LabelledDocument[] =>
    conllDocuments(read(join(dir, f)).replace(/\uFEFF/g, ''), WNUT17_LABELS);
  return {
    name: 'WNUT17',
    train: load('wnut17train.conll'),
    dev: load('emerging.dev.conll'),
    report: load('emerging.test.annotated'),
  };
};

export const CROSSNER_DOMAINS = ['politics', 'science', 'music', 'literature', 'ai'] as const;

const crossnerParts = (nerDir: string, domain: string): CorpusParts => {
  const dir = join(nerDir, 'crossner', 'ner_data', domain);
  const load = (f: string): LabelledDocument[] =>
    conllDocuments(read(join(dir, f)), CROSSNER_LABELS);
  return {
    name: `CrossNER-${domain}`,
    train: load('train.txt'),
    dev: load('dev.txt'),
    report: load('test.txt'),
  };
};

const wikigoldParts = (nerDir: string): CorpusParts => ({
  name: 'wikigold',
  train: [],
  dev: [],
  report: conllDocuments(read(join(nerDir, 'wikigold', 'wikigold.conll.txt')), CLASSIC_LABELS),
});

const LOADERS: Readonly<Record<string, (nerDir: string) => CorpusParts[]>> = {
  gmb: (d) => [gmbParts(d)],
  re3d: (d) => [re3dParts(d)],
  gum: (d) => [gumParts(d)],
  btc: (d) => [btcParts(d)],
  wnut: (d) => [wnutParts(d)],
  crossner: (d) => CROSSNER_DOMAINS.map((domain) => crossnerParts(d, domain)),
  wikigold: (d) => [wikigoldParts(d)],
};

export const CORPUS_NAMES = Object.keys(LOADERS);

/** The named corpora of ../shared/ner that are present (a missing folder is skipped, named). */
export const loadCorpusParts = (nerDir: string, names: readonly string[]): CorpusParts[] =>
  names.flatMap((name) => {
    const load = LOADERS[name];
    if (load === undefined)
      throw new Error(`unknown NER corpus "${name}" (${CORPUS_NAMES.join(', ')})`);
    const folder = {
      gmb: 'gmb-kaggle',
      btc: 'broad-twitter-corpus',
      wnut: 'wnut17-emerging-entities',
    }[name];
    if (!existsSync(join(nerDir, folder ?? name))) {
      console.error(`${name}: absent under ${nerDir}, skipped`);
      return [];
    }
    return load(nerDir);
  });

/** A gold sentence in the convention the recogniser follows: titles out, coordinations split. */
export const conventionalSentence = (s: LabelledSentence): LabelledSentence =>
  alignConventions(stripPersonTitles(s));

/** The same sentence in capitals, as headlines and some wires write it. */
/** A document whose first sentence is written in capitals, as a wire headline is. */
export const headlineInCapitals = (d: LabelledDocument): LabelledDocument =>
  d.map((s, i) => (i === 0 ? upperCased(s) : s));

export const upperCased = (s: LabelledSentence): LabelledSentence => ({
  words: s.words.map((w) => w.toUpperCase()),
  tags: s.tags,
});

/** The tagger's types as the PER/ORG/LOC gold of the NER sets names them; others are not scored. */
export const EVAL_TYPE: Readonly<Record<string, string | undefined>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  UNIT: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
};

/** Each document's own casing (documentCase), computed once per document object. */
const documentCases = new WeakMap<object, ReturnType<typeof documentCase>>();
export const documentCaseOf = (
  doc: readonly { readonly words: readonly string[] }[],
): ReturnType<typeof documentCase> => {
  let known = documentCases.get(doc);
  if (known === undefined) {
    known = documentCase(doc.map((d) => d.words));
    documentCases.set(doc, known);
  }
  return known;
};

export const toEvalSpans = (spans: readonly WordSpan[]): WordSpan[] =>
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
    sentences.map((s) => toEvalSpans(spansFromBio(conventionalSentence(s).tags))),
    sentences.map((s) => toEvalSpans(tagEntitySpans(s.words, model))),
  );

/** The whole recogniser (KB phrases merged, names typed alike across each document). */
export const scoreFullRecogniser = (
  deps: RecognizerDeps,
  documents: readonly LabelledDocument[],
  options: { readonly documentCase?: boolean; readonly firstOnly?: boolean } = {},
): EntityScore => {
  // firstOnly scores each document's first sentence alone, tagged in its document's context.
  const kept = <T>(rows: readonly T[]): T[] => (options.firstOnly ? rows.slice(0, 1) : [...rows]);
  return scoreSpans(
    documents.flatMap((d) =>
      kept(d).map((s) => toEvalSpans(spansFromBio(conventionalSentence(s).tags))),
    ),
    documents.flatMap((d) => {
      const docCase =
        options.documentCase === false ? undefined : documentCase(d.map((s) => s.words));
      return kept(
        harmoniseDocument(
          d.map((s) => ({ words: s.words, spans: recognizeEntities(s.words, deps, docCase) })),
        ).map(toEvalSpans),
      );
    }),
  );
};

export const formatScore = (name: string, s: EntityScore): string =>
  `${name}: P ${s.precision.toFixed(1)} R ${s.recall.toFixed(1)} F1 ${s.f1.toFixed(1)} (` +
  Object.entries(s.byType)
    .map(([t, v]) => `${t} ${v.f1.toFixed(1)}`)
    .join(', ') +
  ')';
