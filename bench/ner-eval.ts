/**
 * Entity-level exact-match F1 of our recogniser against the npm package `compromise`, measured in
 * the same run, on wikigold and on the re3d test split (never used for training).
 *
 *   node --import tsx bench/ner-eval.ts [--no-kb]
 *
 * Types are mapped onto each corpus' own: PERSON -> PER, ORG (and UNIT) -> ORG, GPE/LOC/FACILITY
 * -> LOC, and on re3d WEAPON (Weapon + MilitaryPlatform). Other gold types (MISC, dates...) are
 * left out of both sides.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { parseConll, type LabelMap } from '../src/enrich/ner/labelled-corpus.js';
import { spansFromBio, type WordSpan } from '../src/enrich/ner/entity-spans.js';
import { scoreSpans, type EntityScore } from '../src/enrich/ner/entity-score.js';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import { recognizeEntities, type RecognizerDeps } from '../src/enrich/ner/recognize-entities.js';
import { harmoniseDocument } from '../src/enrich/ner/document-consistency.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath, repoPath } from '../test/shared-data.js';

const { values } = parseArgs({
  options: {
    'no-kb': { type: 'boolean', default: false },
    model: { type: 'string', default: repoPath('src', 'enrich', 'model', 'ner-model.json.gz') },
  },
});

const EVAL_TYPE: Record<string, string | undefined> = {
  PERSON: 'PER',
  ORG: 'ORG',
  UNIT: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
  WEAPON: 'WEAPON',
};

const WIKIGOLD: LabelMap = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE' };
const RE3D: LabelMap = {
  Person: 'PERSON',
  Organisation: 'ORG',
  Location: 'GPE',
  Weapon: 'WEAPON',
  MilitaryPlatform: 'WEAPON',
};

const toEval = (spans: readonly WordSpan[], allowed: ReadonlySet<string>): WordSpan[] =>
  spans.flatMap((s) => {
    const type = EVAL_TYPE[s.type];
    return type !== undefined && allowed.has(type) ? [{ ...s, type }] : [];
  });

const PUNCT = /^[\p{P}\p{S}]+$/u;

/** compromise works on text: map its character offsets back onto the gold words. */
const compromiseSpans = (words: readonly string[]): WordSpan[] => {
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += w;
  }
  const doc = nlp(text);
  const out: WordSpan[] = [];
  const add = (items: { offset?: { start: number; length: number } }[], type: string): void => {
    for (const item of items) {
      if (item.offset === undefined) continue;
      const from = item.offset.start;
      const to = from + item.offset.length;
      let start = words.findIndex((_, i) => (starts[i] as number) >= from);
      let end = start;
      while (end < words.length && (starts[end] as number) < to) end++;
      while (start < end && PUNCT.test(words[start] as string)) start++;
      while (end > start && PUNCT.test(words[end - 1] as string)) end--;
      if (start >= 0 && end > start) out.push({ start, end, type });
    }
  };
  type Json = { offset?: { start: number; length: number } }[];
  add(doc.people().json({ offset: true }) as Json, 'PERSON');
  add(doc.organizations().json({ offset: true }) as Json, 'ORG');
  add(doc.places().json({ offset: true }) as Json, 'GPE');
  return out;
};

const format = (name: string, s: EntityScore): string => {
  const types = Object.entries(s.byType)
    .map(([t, v]) => `${t} ${v.f1.toFixed(1)}`)
    .join(', ');
  return `  ${name.padEnd(10)} P ${s.precision.toFixed(1)}  R ${s.recall.toFixed(1)}  F1 ${s.f1.toFixed(1)}   (${types})`;
};

const model = loadNerModel(readFileSync(values.model));
const kb = values['no-kb'] ? undefined : loadKnowledgeBase();
const deps: RecognizerDeps = kb ? { model, matcher: kb.matcher() } : { model };
console.log(`model ${model.version}; KB ${kb ? kb.version : 'not used'}`);

const corpora: { name: string; path: string[]; labels: LabelMap; types: string[] }[] = [
  {
    name: 'wikigold',
    path: ['ner', 'wikigold', 'wikigold.conll.txt'],
    labels: WIKIGOLD,
    types: ['PER', 'ORG', 'LOC'],
  },
  {
    name: 're3d test',
    path: ['ner', 're3d', 'conll', 're3d-test.conll'],
    labels: RE3D,
    types: ['PER', 'ORG', 'LOC', 'WEAPON'],
  },
];

for (const corpus of corpora) {
  const path = sharedPath(...corpus.path);
  if (path === undefined) {
    console.log(`${corpus.name}: ../shared/${corpus.path.join('/')} absent, skipped`);
    continue;
  }
  const allowed = new Set(corpus.types);
  // Documents (split on -DOCSTART-) so names can be typed consistently within each, as articles are.
  const documents = readFileSync(path, 'utf8')
    .split(/^-DOCSTART-.*$/m)
    .map((chunk) => parseConll(chunk, corpus.labels))
    .filter((d) => d.length > 0);
  const sentences = documents.flat();
  const gold = sentences.map((s) => toEval(spansFromBio(s.tags), allowed));
  let t0 = performance.now();
  const ours = documents.flatMap((doc) =>
    harmoniseDocument(
      doc.map((s) => ({ words: s.words, spans: recognizeEntities(s.words, deps) })),
    ).map((spans) => toEval(spans, allowed)),
  );
  const oursMs = performance.now() - t0;
  t0 = performance.now();
  const theirs = sentences.map((s) => toEval(compromiseSpans(s.words), allowed));
  const theirsMs = performance.now() - t0;
  const a = scoreSpans(gold, ours);
  const b = scoreSpans(gold, theirs);
  const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
  console.log(
    `${corpus.name}: ${sentences.length} sentences, ${tokens} tokens, ${a.gold} gold entities`,
  );
  console.log(format('sitrep', a) + `  [${(oursMs / 1000).toFixed(1)} s]`);
  console.log(format('compromise', b) + `  [${(theirsMs / 1000).toFixed(1)} s]`);
  console.log(`  ratio F1 sitrep/compromise: ${(a.f1 / Math.max(b.f1, 1e-9)).toFixed(2)}`);
}
