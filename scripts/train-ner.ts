/**
 * Trains the NER tagger shipped in src/enrich/model/ner-model.json.gz.
 *
 *   node --max-old-space-size=6000 --import tsx scripts/train-ner.ts [--epochs N] [--out PATH] [--dev] [--kb]
 *     [--no-lexicon] [--word-dropout P] [--dev-out PATH]
 *
 * About 2 minutes on an idle core (5 on a busy one); writes about 2.7 MB (weights plus the name
 * lists of src/enrich/ner/gazetteers, which the model carries so its features can be computed).
 * Deterministic: the same code and data give the same bytes.
 *
 * Data (never shipped, never a test split): ../shared/ner/gmb-kaggle/ner_dataset.csv and the
 * re3d train split minus every sentence that comes from the BBC Online source (CC BY-NC). Gold
 * spans are moved to the convention the recogniser follows first (titles out of names,
 * coordinated names split, "World Cup" an event; see alignConventions), and GMB's artefacts and
 * natural phenomena are learnt as MISC so they are not mistaken for names we keep.
 * --dev holds out every 10th GMB sentence and all of re3d train, prints entity F1 on both
 * (scripts/ner-dev-sets.ts) and saves the model to --dev-out for scripts/ner-dev-eval.ts, to
 * tune without ever looking at wikigold or the re3d test split.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type LabelledSentence } from '../src/enrich/ner/labelled-corpus.js';
import { trainPerceptron } from '../src/enrich/ner/perceptron-trainer.js';
import { buildLexicon, parseNameList } from '../src/enrich/ner/lexicon.js';
import { encodeModel, decodeModel } from '../src/enrich/ner/perceptron-model.js';
import { tagWords } from '../src/enrich/ner/tag-words.js';
import { scoreEntities } from '../src/enrich/ner/entity-score.js';
import { NER_MODEL_VERSION } from '../src/enrich/ner/ner-model-file.js';
import { gazetteerTags } from '../src/enrich/ner/recognize-entities.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import {
  conventionalSentence,
  formatScore,
  isGmbDev,
  loadNerCorpora,
  scoreRecogniser,
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
    'word-dropout': { type: 'string', default: '0' },
  },
});

const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.error('../shared/ner is absent: training needs the GMB and re3d corpora');
  process.exit(2);
}

const { gmb, re3d } = loadNerCorpora(nerDir);
console.log(`gmb ${gmb.length} sentences; re3d train without BBC ${re3d.length}`);

let train: LabelledSentence[] = [...gmb, ...re3d].map(conventionalSentence);
let dev: LabelledSentence[] = [];
if (values.dev) {
  // re3d is left out too, as the out-of-domain check (see scripts/ner-dev-sets.ts).
  dev = gmb.filter((_, i) => isGmbDev(i)).map(conventionalSentence);
  train = gmb.filter((_, i) => !isGmbDev(i)).map(conventionalSentence);
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

const started = Date.now();
const model = trainPerceptron(train, {
  epochs: Number(values.epochs),
  minCount: Number(values['min-count']),
  pruneBelow: Number(values.prune),
  seed: 17,
  dropPrefixes: values.drop.split(',').filter((p) => p !== ''),
  ...(gazetteer ? { gazetteer } : {}),
  ...(lexicon ? { lexicon } : {}),
  wordDropout: Number(values['word-dropout']),
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
  const gold = dev.map((s) => s.tags);
  const predicted = dev.map((s) => tagWords(reloaded, s.words, gazetteer?.(s.words)));
  const score = scoreEntities(gold, predicted);
  console.log(
    `dev (every 10th GMB sentence): P ${score.precision.toFixed(1)} R ${score.recall.toFixed(1)} F1 ${score.f1.toFixed(1)}`,
  );
  for (const [type, s] of Object.entries(score.byType))
    console.log(`  ${type}: F1 ${s.f1.toFixed(1)} (${s.gold} gold)`);
  console.log(formatScore('GMB dev (spans)', scoreRecogniser(reloaded, dev)));
  console.log(formatScore('re3d train non-BBC (spans)', scoreRecogniser(reloaded, re3d)));
  writeFileSync(values['dev-out'], bytes);
  console.log(`wrote ${values['dev-out']} (scripts/ner-dev-eval.ts scores it again)`);
} else {
  writeFileSync(values.out, bytes);
  console.log(`wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}
