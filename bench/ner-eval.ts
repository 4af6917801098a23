/**
 * Entity-level exact-match F1 of our recogniser on the REPORT parts of the labelled corpora
 * (scripts/ner-dev-sets.ts: GMB's held-out block, re3d test, GUM test, BTC test, WNUT-17 test,
 * CrossNER politics test, wikigold), against the npm package `compromise` and, with
 * --baseline-model, an older model of ours, measured in the same run. Nothing here was used to
 * choose a change (scripts/ner-dev-eval.ts scores the dev parts for that), and no report part
 * trains the shipped model.
 *
 *   node --import tsx bench/ner-eval.ts [--no-kb] [--model PATH] [--baseline-model PATH]
 *     [--corpora gmb,re3d,gum,btc,wnut,crossner-politics,wikigold] [--capitals] [--no-compromise]
 *
 * Types are mapped onto each corpus' own: PERSON -> PER, ORG (and UNIT) -> ORG, GPE/LOC/FACILITY
 * -> LOC, and on re3d WEAPON (Weapon + MilitaryPlatform). Other gold types (MISC...) are left
 * out of both sides. Gold is scored as the corpus gives it, except GMB's (titles moved out of
 * names, as the other corpora write them). --capitals also scores each set
 * written in capitals (as headlines are). Speed: tokens per second of the whole recogniser
 * (tagger, repairs, KB phrases, document consistency) on one core. re3d is also scored without
 * its pronoun gold ("I", "We" as Person/Organisation), as sitrep reports names only.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { spansFromBio, type WordSpan } from '../src/enrich/ner/entity-spans.js';
import { scoreSpans, type EntityScore } from '../src/enrich/ner/entity-score.js';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import { recognizeEntities, type RecognizerDeps } from '../src/enrich/ner/recognize-entities.js';
import { harmoniseDocument } from '../src/enrich/ner/document-consistency.js';
import type { NerModel } from '../src/enrich/ner/perceptron-model.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import {
  conventionalSentence,
  loadCorpusParts,
  upperCased,
  type CorpusParts,
  type LabelledDocument,
  documentCaseOf,
  EVAL_TYPE as SCORED_TYPES,
} from '../scripts/ner-dev-sets.js';

const { values } = parseArgs({
  options: {
    'no-kb': { type: 'boolean', default: false },
    model: { type: 'string', default: repoPath('src', 'enrich', 'model', 'ner-model.json.gz') },
    'baseline-model': { type: 'string' },
    corpora: { type: 'string', default: 'gmb,re3d,gum,btc,wnut,crossner-politics,wikigold' },
    capitals: { type: 'boolean', default: false },
    // Skips the compromise comparison (most of the run's time) when only our figures are needed.
    'no-compromise': { type: 'boolean', default: false },
  },
});

const EVAL_TYPE: Record<string, string | undefined> = { ...SCORED_TYPES, WEAPON: 'WEAPON' };

const toEval = (spans: readonly WordSpan[], allowed: ReadonlySet<string>): WordSpan[] =>
  spans.flatMap((s) => {
    const type = EVAL_TYPE[s.type];
    return type !== undefined && allowed.has(type) ? [{ start: s.start, end: s.end, type }] : [];
  });

const PUNCT = /^[\p{P}\p{S}]+$/u;

const PRONOUNS = new Set(
  'i we me us you he she it they him her them my our your his its their'.split(' '),
);
const isPronounSpan = (words: readonly string[], span: WordSpan): boolean =>
  span.end - span.start === 1 && PRONOUNS.has((words[span.start] ?? '').toLowerCase());

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

const format = (name: string, s: EntityScore, seconds: number, tokens: number): string => {
  const types = Object.entries(s.byType)
    .map(
      ([t, v]) => `${t} ${v.f1.toFixed(1)} (P ${v.precision.toFixed(1)} R ${v.recall.toFixed(1)})`,
    )
    .join(', ');
  const speed = seconds > 0 ? `${Math.round(tokens / seconds).toLocaleString('en')} tok/s` : '';
  return `  ${name.padEnd(12)} P ${s.precision.toFixed(1)}  R ${s.recall.toFixed(1)}  F1 ${s.f1.toFixed(1)}   [${speed}]\n               ${types}`;
};

const kb = values['no-kb'] ? undefined : loadKnowledgeBase();
const depsOf = (model: NerModel): RecognizerDeps =>
  kb ? { model, matcher: kb.matcher() } : { model };
const model = loadNerModel(readFileSync(values.model));
const baseline = values['baseline-model']
  ? loadNerModel(readFileSync(values['baseline-model']))
  : undefined;
console.log(
  `model ${model.version} (${values.model}); KB ${kb ? kb.version : 'not used'}` +
    (baseline ? `; baseline ${values['baseline-model']}` : ''),
);

const ours = (documents: readonly LabelledDocument[], deps: RecognizerDeps): WordSpan[][] =>
  documents.flatMap((doc) =>
    harmoniseDocument(
      doc.map((s) => ({
        words: s.words,
        spans: recognizeEntities(s.words, deps, documentCaseOf(doc)),
      })),
    ),
  );

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
};

const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.log('../shared/ner is absent: nothing to score');
  process.exit(0);
}
const wanted = values.corpora.split(',');
const loaderNames = [...new Set(wanted.map((c) => (c.startsWith('crossner') ? 'crossner' : c)))];
const parts: CorpusParts[] = loadCorpusParts(nerDir, loaderNames).filter(
  (p) =>
    !p.name.startsWith('CrossNER') ||
    wanted.includes('crossner') ||
    wanted.includes(p.name.toLowerCase()),
);

for (const part of parts) {
  const types = part.name === 're3d' ? ['PER', 'ORG', 'LOC', 'WEAPON'] : ['PER', 'ORG', 'LOC'];
  const allowed = new Set(types);
  const variants: [string, LabelledDocument[]][] = [[part.name, part.report]];
  if (values.capitals) {
    variants.push([`${part.name} in capitals`, part.report.map((d) => d.map(upperCased))]);
  }
  for (const [name, documents] of variants) {
    const sentences = documents.flat();
    const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
    // GMB puts titles inside people's names ("President Bush"); its gold is moved to the
    // convention the other corpora and the recogniser follow (titles out, see train-ner.ts).
    const gold = sentences.map((s) =>
      toEval(spansFromBio((part.name === 'GMB' ? conventionalSentence(s) : s).tags), allowed),
    );
    const [mine, mineS] = timed(() => ours(documents, depsOf(model)));
    const a = scoreSpans(
      gold,
      mine.map((spans) => toEval(spans, allowed)),
    );
    console.log(
      `${name} (report part): ${sentences.length} sentences, ${tokens} tokens, ${a.gold} gold entities`,
    );
    console.log(format('sitrep', a, mineS, tokens));
    if (part.name === 're3d') {
      // re3d's gold marks speakers' pronouns ("I", "We") as Person/Organisation: 70 of its 578
      // entities. sitrep reports names only, so this line shows the names alone as well.
      const names = (spans: WordSpan[][]): WordSpan[][] =>
        spans.map((row, i) => row.filter((sp) => !isPronounSpan(sentences[i]?.words ?? [], sp)));
      const n = scoreSpans(names(gold), names(mine.map((spans) => toEval(spans, allowed))));
      console.log(format('sitrep, names only (pronoun gold left out)', n, 0, tokens));
    }
    if (baseline) {
      const [old, oldS] = timed(() => ours(documents, depsOf(baseline)));
      const b = scoreSpans(
        gold,
        old.map((spans) => toEval(spans, allowed)),
      );
      console.log(format('baseline', b, oldS, tokens));
      console.log(`  ratio F1 sitrep/baseline: ${(a.f1 / Math.max(b.f1, 1e-9)).toFixed(2)}`);
    }
    if (values['no-compromise']) continue;
    const [theirs, theirsS] = timed(() =>
      sentences.map((s) => toEval(compromiseSpans(s.words), allowed)),
    );
    const c = scoreSpans(gold, theirs);
    console.log(format('compromise', c, theirsS, tokens));
    console.log(`  ratio F1 sitrep/compromise: ${(a.f1 / Math.max(c.f1, 1e-9)).toFixed(2)}`);
  }
}
