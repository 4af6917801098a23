/**
 * Trains the NER tagger shipped in src/enrich/model/ner-model.json.gz.
 *
 *   node --max-old-space-size=8000 --import tsx scripts/train-ner.ts [--epochs N] [--out PATH]
 *     [--dev] [--dev-out PATH] [--corpora gmb,re3d,gum,btc,wnut,crossner] [--upper K] [--kb]
 *     [--no-lexicon] [--word-dropout P] [--repeat re3d:4] [--clusters PATH|''] [--with-dev] [--swap K]
 *
 * Deterministic: the same code and data give the same bytes.
 *
 * Data (never shipped, never a test split): the train parts of the corpora of
 * scripts/ner-dev-sets.ts (GMB VOA newswire minus its dev and report slices; re3d train minus
 * the BBC Online source, CC BY-NC; GUM train; Broad Twitter Corpus train; WNUT-17 train;
 * CrossNER train of its five domains). Gold spans are moved to the convention the recogniser
 * follows first (titles out of names, coordinated names split, "World Cup" an event; see
 * alignConventions), and artefacts, works and the like are learnt as MISC so they are not
 * mistaken for names we keep. --upper K adds every K-th sentence again in capitals, so
 * headlines written in capitals are tagged too.
 * --dev scores the dev parts (and GMB dev in capitals) and saves the model to --dev-out for
 * scripts/ner-dev-eval.ts instead of overwriting the shipped one; report parts are for
 * bench/ner-eval.ts and never chosen on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type LabelledSentence } from '../src/enrich/ner/labelled-corpus.js';
import { trainPerceptron } from '../src/enrich/ner/perceptron-trainer.js';
import { buildLexicon, parseNameList } from '../src/enrich/ner/lexicon.js';
import { encodeModel, decodeModel } from '../src/enrich/ner/perceptron-model.js';
import { NER_MODEL_VERSION } from '../src/enrich/ner/ner-model-file.js';
import { gazetteerTags } from '../src/enrich/ner/recognize-entities.js';
import { CaseCounter } from '../src/enrich/ner/case-profile.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import { parseWordClusters } from '../src/enrich/ner/word-clusters.js';
import { unlabelledLines } from './unlabelled-news.js';
import { mentionSwapped } from './train-ner-mention-swap.js';
import {
  conventionalSentence,
  formatScore,
  loadCorpusParts,
  scoreRecogniser,
  upperCased,
} from './ner-dev-sets.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '6' },
    out: { type: 'string', default: repoPath('src', 'enrich', 'model', 'ner-model.json.gz') },
    dev: { type: 'boolean', default: false },
    'dev-out': { type: 'string', default: repoPath('bench', 'out', 'ner-dev-model.json.gz') },
    prune: { type: 'string', default: '0.002' },
    'min-count': { type: 'string', default: '2' },
    kb: { type: 'boolean', default: false },
    drop: { type: 'string', default: '' },
    'no-lexicon': { type: 'boolean', default: false },
    'word-dropout': { type: 'string', default: '0.25' },
    corpora: { type: 'string', default: 'gmb,re3d,gum,btc,wnut,crossner' },
    upper: { type: 'string', default: '0' },
    // --swap K: every K-th sentence with a name is added again with its names swapped for others
    // of the same type (scripts/train-ner-mention-swap.ts). --mid-sentence-runs lets a capitalised
    // common word open a name run inside a sentence (token-features.ts; saved in the model).
    // Measured together in session 6 (--swap 4 --mid-sentence-runs; dev models, same run, base ->
    // both): Reuters dev sample 77.6 -> 81.1 (ORG 68.0 -> 72.0), BBC sport dev 78.5 -> 82.3, WNUT
    // dev 48.3 -> 50.5, CrossNER dev parts +0.1 to +2.7, GMB dev 78.7 -> 78.4, re3d dev 40.3 -> 39.0.
    // Shipped-style model (--with-dev) on the checks: reuters-check2 69.2 -> 76.7 (ORG 61.2 ->
    // 69.5), reuters-check 87.1 -> 87.9, but bbc-sport-check 82.5 -> 79.0, bbc-sport-stories 78.7 ->
    // 72.2 (city clubs typed LOC where the sports rules retype PER), wikigold 68.0 -> 67.6, re3d
    // 31.7 -> 31.2, GMB 78.3 -> 78.1, one seed entity lost and a tagger-rules test failing
    // ("Karim and Sadiq"). Not confirmed, so both stay off (see /work/notes/nermodel.md).
    swap: { type: 'string', default: '0' },
    'mid-sentence-runs': { type: 'boolean', default: false },
    // --repeat re3d:2 (the only defence text with gold, twice) was measured for ner-ap-5: re3d dev
    // 36.5 -> 38.8, GMB dev 78.5 -> 78.4, other dev parts 0.4 lower on average; the report parts
    // did not confirm it (re3d 30.4 -> 30.6, GUM 54.9 -> 52.9, GMB 78.3 -> 78.0), so it is off.
    repeat: { type: 'string', default: '' },
    'case-profile': { type: 'string', default: 'train' },
    clusters: {
      type: 'string',
      default: repoPath('src', 'enrich', 'ner', 'clusters', 'word-clusters.tsv'),
    },
    'with-dev': { type: 'boolean', default: false },
  },
});

const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.error('../shared/ner is absent: training needs the GMB and re3d corpora');
  process.exit(2);
}

const parts = loadCorpusParts(
  nerDir,
  values.corpora.split(',').filter((c) => c !== ''),
);
const upperEvery = Number(values.upper);
const train: LabelledSentence[] = [];
// --repeat re3d:4 trains on a corpus' sentences that many times (the only defence text with gold).
const repeats = new Map(
  values.repeat
    .split(',')
    .filter((r) => r !== '')
    .map((r) => [r.split(':')[0] as string, Number(r.split(':')[1] ?? 1)]),
);
// --with-dev also trains on the dev parts: for the shipped model, once a change has been chosen
// on them (report parts never train anything).
if (values['with-dev'] && values.dev) throw new Error('--with-dev and --dev exclude each other');
for (const part of parts) {
  const docs = values['with-dev'] ? [...part.train, ...part.dev] : part.train;
  const sentences = docs.flat().map(conventionalSentence);
  const times = repeats.get(part.name) ?? 1;
  console.log(`${part.name}: ${sentences.length} train sentences${times > 1 ? ` x${times}` : ''}`);
  for (let k = 0; k < times; k++) train.push(...sentences);
}
const swapped = mentionSwapped(train, Number(values.swap), 23);
if (swapped.length > 0) console.log(`mention swap: ${swapped.length} sentences`);
train.push(...swapped);
if (upperEvery > 0) {
  const n = train.length;
  for (let i = 0; i < n; i += upperEvery) train.push(upperCased(train[i] as LabelledSentence));
}

// --kb adds KB gazetteer features (the tagger learns how far to trust "this phrase is a known
// X"). Measured on wikigold they did not help (56.7 with, 57.1 without), so the shipped model
// is trained without them and does not depend on the KB's contents.
const matcher = values.kb ? loadKnowledgeBase().matcher() : undefined;
const gazetteer = matcher
  ? (words: readonly string[]) => gazetteerTags(words.length, matcher.matchTokens(words))
  : undefined;

// Given names, surnames and places (src/enrich/ner/gazetteers, built by
// scripts/build-ner-gazetteers.ts) become features and are saved inside the model.
const gazetteerDir = repoPath('src', 'enrich', 'ner', 'gazetteers');
const readList = (file: string): string[] =>
  parseNameList(readFileSync(join(gazetteerDir, file), 'utf8'));
const lexicon = values['no-lexicon']
  ? undefined
  : buildLexicon({
      firstNames: readList('first-names.txt'),
      surnames: readList('surnames.txt'),
      places: readList('places.txt'),
    });

// How words are usually written (src/enrich/ner/case-profile.ts): counted over the training
// sentences, and over unlabelled news of ../shared/corpora when --case-profile names sources
// (only counts of case, never text, go into the model). --case-profile '' trains without it.
// LICENCE: the default, 'train' (the training text alone), and the default word clusters (built
// from the same labelled corpora, scripts/build-word-clusters.ts --sources labelled) keep
// statistics of evaluation-only corpora out of the shipped model. Until ner-ap-7 both came from
// Reuters-21578 and BBC (research use), which ../shared/corpora/README.md and the project rules
// forbid for what ships; `--case-profile reuters,bbc` with clusters built from them remains for
// experiments only. Measured when switching (session 5, ner-ap-7 rules, same run): report parts
// GMB 78.0 -> 78.3, re3d 30.7 -> 31.7, CrossNER politics 71.2 -> 71.9, GUM 55.0 -> 56.2,
// wikigold 68.5 -> 68.0; the Reuters and BBC samples of bench/ner-wire-dev.ts drop 2-7 points
// (reuters-check 84.2 -> 87.1 the exception), partly because the old statistics were counted
// on those very texts. See /work/notes/ner.md.
const caseSources = values['case-profile'].split(',').filter((c) => c !== '');
let caseProfile: ReturnType<CaseCounter['profile']> | undefined;
if (caseSources.length > 0) {
  const counter = new CaseCounter();
  for (const s of train)
    if (s.words.some((w) => w !== w.toUpperCase())) counter.addLine(s.words.join(' '));
  // 'train' is the training text alone (counted above).
  for (const source of caseSources) {
    if (source === 'train') continue;
    for (const line of unlabelledLines(source)) counter.addLine(line);
  }
  caseProfile = counter.profile(2);
  console.log(
    `case profile: ${caseProfile.size} words from training text and ${caseSources.join(', ')}`,
  );
}

// Word clusters learnt from unlabelled news by scripts/build-word-clusters.ts (--clusters ''
// trains without them), with word dropout 0.25 so the tagger leans on them for unseen words. On
// the dev parts they are neutral (macro dev F1 59.1 without, 59.0 with; GUM +1.0, WNUT +0.9,
// re3d -2.1); on unseen news (wikiref220, no part of any training) they fix what the held-out
// newswire misses most: teams and companies the labelled corpora never show ("Samsung" and
// "Chelsea" tagged PER or LOC without them, ORG with them). Judged by hand on the differences.
const clusters =
  values.clusters === '' ? undefined : parseWordClusters(readFileSync(values.clusters, 'utf8'));
if (clusters !== undefined) console.log(`word clusters: ${clusters.size} words`);

const started = Date.now();
const model = trainPerceptron(train, {
  epochs: Number(values.epochs),
  minCount: Number(values['min-count']),
  pruneBelow: Number(values.prune),
  seed: 17,
  dropPrefixes: values.drop.split(',').filter((p) => p !== ''),
  ...(gazetteer ? { gazetteer } : {}),
  ...(lexicon ? { lexicon } : {}),
  ...(caseProfile ? { caseProfile } : {}),
  ...(clusters ? { clusters } : {}),
  wordDropout: Number(values['word-dropout']),
  ...(values['mid-sentence-runs'] ? { midSentenceRuns: true } : {}),
  version: NER_MODEL_VERSION,
  onEpoch: (epoch, errorRate) =>
    console.log(`epoch ${epoch}: token error rate ${(errorRate * 100).toFixed(2)}%`),
});
console.log(
  `trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${model.weights.size} features`,
);

const bytes = encodeModel(model);
if (values.dev) {
  const reloaded = decodeModel(bytes);
  for (const part of parts) {
    if (part.dev.length === 0) continue;
    console.log(formatScore(`${part.name} dev`, scoreRecogniser(reloaded, part.dev.flat())));
  }
  const gmbDev = parts.find((p) => p.name === 'GMB')?.dev.flat();
  if (gmbDev !== undefined) {
    console.log(
      formatScore('GMB dev in capitals', scoreRecogniser(reloaded, gmbDev.map(upperCased))),
    );
  }
  writeFileSync(values['dev-out'], bytes);
  console.log(`wrote ${values['dev-out']} (scripts/ner-dev-eval.ts scores it again)`);
} else {
  writeFileSync(values.out, bytes);
  console.log(`wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}
