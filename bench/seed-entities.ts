/**
 * Name+type precision and recall of the entities sitrep reports on the four seed articles
 * (../shared/seeds), against the hand gold in test/golden/seed-entities.json, read and cleaned
 * as `sitrep enrich` does. Prints spurious and missed pairs so a change can be judged.
 * The seeds are a development set: changes were chosen on them.
 *
 *   node --import tsx bench/seed-entities.ts [--model PATH]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNerModel, NER_MODEL_URL } from '../src/enrich/ner/ner-model-file.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath } from '../test/shared-data.js';
import { loadSeedGold, scoreSeed } from '../test/seed-entity-score.js';

const { values } = parseArgs({ options: { model: { type: 'string' } } });

const seedsDir = sharedPath('seeds');
if (seedsDir === undefined) {
  console.log('../shared/seeds is absent: nothing to score');
  process.exit(0);
}
const gold = loadSeedGold();
const deps = {
  kb: loadKnowledgeBase(),
  model: loadNerModel(readFileSync(values.model ?? NER_MODEL_URL)),
};

let predicted = 0;
let correct = 0;
let goldTotal = 0;
let found = 0;
for (const file of readdirSync(seedsDir).sort()) {
  const key = file.replace(/\.txt$/, '');
  const g = gold[key];
  if (g === undefined) continue;
  const s = scoreSeed(join(seedsDir, file), g, deps);
  predicted += s.predicted;
  correct += s.correct;
  goldTotal += s.gold;
  found += s.found;
  console.log(
    `${key}: ${s.predicted} pairs, ${s.correct} right, ${s.spurious.length} spurious, ` +
      `${s.missed.length} of ${s.gold} gold missed`,
  );
  if (s.spurious.length > 0) console.log(`  spurious: ${s.spurious.join('; ')}`);
  if (s.missed.length > 0) console.log(`  missed: ${s.missed.join('; ')}`);
}
const p = predicted === 0 ? 0 : correct / predicted;
const r = goldTotal === 0 ? 0 : found / goldTotal;
const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
console.log(
  `seeds (name+type pairs): P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)} ` +
    `(${correct}/${predicted} pairs right, ${found}/${goldTotal} gold found)`,
);
