/**
 * Tokens per second of the recogniser on one core (this process is single-threaded), the shipped
 * model beside a baseline model in the same run, alternating rounds and keeping each one's best
 * round so a busy machine penalises both alike; tokens per CPU second of this process is the
 * per-core rate when other work shares the machine. Text: the GMB report part (scripts/ner-dev-sets.ts).
 *
 *   node --import tsx bench/ner-speed.ts [--model PATH] [--baseline-model PATH] [--rounds N] [--kb]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import type { NerModel } from '../src/enrich/ner/perceptron-model.js';
import { recognizeEntities, type RecognizerDeps } from '../src/enrich/ner/recognize-entities.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { repoPath, sharedPath } from '../test/shared-data.js';
import { loadCorpusParts } from '../scripts/ner-dev-sets.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: repoPath('src', 'enrich', 'model', 'ner-model.json.gz') },
    'baseline-model': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    kb: { type: 'boolean', default: false },
  },
});
const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.log('../shared/ner is absent: nothing to time');
  process.exit(0);
}
const sentences =
  loadCorpusParts(nerDir, ['gmb'])[0]
    ?.report.flat()
    .map((s) => s.words) ?? [];
const tokens = sentences.reduce((n, w) => n + w.length, 0);
const matcher = values.kb ? loadKnowledgeBase().matcher() : undefined;
const models: [string, NerModel][] = [['sitrep', loadNerModel(readFileSync(values.model))]];
if (values['baseline-model']) {
  models.push(['baseline', loadNerModel(readFileSync(values['baseline-model']))]);
}
const best = new Map<string, number>();
/** Per CPU second of this process: what one core gives when the machine is shared. */
const bestCpu = new Map<string, number>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, model] of models) {
    const deps: RecognizerDeps = matcher ? { model, matcher } : { model };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const words of sentences) recognizeEntities(words, deps);
    const rate = tokens / ((performance.now() - t0) / 1000);
    const cpu = process.cpuUsage(cpu0);
    const cpuRate = tokens / ((cpu.user + cpu.system) / 1e6);
    best.set(name, Math.max(best.get(name) ?? 0, rate));
    bestCpu.set(name, Math.max(bestCpu.get(name) ?? 0, cpuRate));
  }
}
console.log(
  `${tokens} tokens, ${sentences.length} sentences, best of ${values.rounds} rounds, ` +
    `${matcher ? 'with' : 'without'} the KB matcher`,
);
for (const [name, rate] of best) {
  console.log(
    `  ${name.padEnd(9)} ${Math.round(rate).toLocaleString('en')} tokens/s wall clock, ` +
      `${Math.round(bestCpu.get(name) ?? 0).toLocaleString('en')} tokens per CPU second`,
  );
}
const base = best.get('baseline');
if (base !== undefined) {
  console.log(`  ratio sitrep/baseline: ${((best.get('sitrep') ?? 0) / base).toFixed(2)}`);
}
