/**
 * Name+type precision and recall of the entities sitrep reports on the four seed articles
 * (../shared/seeds), against the hand gold in test/golden/seed-entities.json, read and cleaned
 * as `sitrep enrich` does. Prints spurious and missed pairs so a change can be judged.
 * The seeds are a development set: changes were chosen on them.
 *
 *   node --import tsx bench/seed-entities.ts [--model PATH] [--verbose]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanItem } from '../src/clean/clean-item.js';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../src/enrich/ner/ner-model-file.js';
import { readFileBytes } from '../src/ingest/read-file.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { repoPath, sharedPath } from '../test/shared-data.js';

interface GoldEntity {
  readonly names: readonly string[];
  readonly types: readonly string[];
}
interface SeedGold {
  readonly entities: readonly GoldEntity[];
  readonly optional: readonly GoldEntity[];
}

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const seedsDir = sharedPath('seeds');
if (seedsDir === undefined) {
  console.log('../shared/seeds is absent: nothing to score');
  process.exit(0);
}
const gold = (
  JSON.parse(readFileSync(repoPath('test', 'golden', 'seed-entities.json'), 'utf8')) as {
    seeds: Record<string, SeedGold>;
  }
).seeds;
const deps = {
  kb: loadKnowledgeBase(),
  model: loadNerModel(readFileSync(values.model ?? NER_MODEL_URL)),
};

const matches = (g: GoldEntity, name: string, type: string): boolean =>
  g.types.includes(type) && g.names.some((n) => n.toLowerCase() === name.toLowerCase());

let predicted = 0;
let correct = 0;
let goldTotal = 0;
let found = 0;
for (const file of readdirSync(seedsDir).sort()) {
  const key = file.replace(/\.txt$/, '');
  const g = gold[key];
  if (g === undefined) continue;
  const bytes = readFileSync(join(seedsDir, file));
  const pairs = new Map<string, { name: string; type: string }>();
  for (const event of readFileBytes(file, bytes)) {
    if (event.kind !== 'item') continue;
    const doc = cleanItem(event.item);
    const e = enrichArticle({ text: doc.text, ...(doc.title ? { title: doc.title } : {}) }, deps);
    for (const x of e.entities) {
      const name = x.name ?? x.text;
      pairs.set(`${name}\t${x.type}`, { name, type: x.type });
    }
  }
  const spurious: string[] = [];
  let seedCorrect = 0;
  let seedPredicted = 0;
  for (const { name, type } of pairs.values()) {
    if (g.optional.some((o) => matches(o, name, type))) continue;
    seedPredicted++;
    if (g.entities.some((o) => matches(o, name, type))) seedCorrect++;
    else spurious.push(`${name}/${type}`);
  }
  const missed = g.entities.filter(
    (o) => ![...pairs.values()].some(({ name, type }) => matches(o, name, type)),
  );
  predicted += seedPredicted;
  correct += seedCorrect;
  goldTotal += g.entities.length;
  found += g.entities.length - missed.length;
  console.log(
    `${key}: ${seedPredicted} pairs, ${seedCorrect} right, ${spurious.length} spurious, ` +
      `${missed.length} of ${g.entities.length} gold missed`,
  );
  if (values.verbose || spurious.length + missed.length > 0) {
    if (spurious.length > 0) console.log(`  spurious: ${spurious.join('; ')}`);
    if (missed.length > 0)
      console.log(`  missed: ${missed.map((m) => `${m.names[0]}/${m.types[0]}`).join('; ')}`);
  }
}
const p = predicted === 0 ? 0 : correct / predicted;
const r = goldTotal === 0 ? 0 : found / goldTotal;
const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
console.log(
  `seeds (name+type pairs): P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)} ` +
    `(${correct}/${predicted} pairs right, ${found}/${goldTotal} gold found)`,
);
