/**
 * Speed of the knowledge base: load time, then KB name matching and linking over the BBC corpus,
 * against a baseline measured in the same run (our tokenizer alone over the same text).
 *
 *   node --import tsx bench/kb-link.ts [--limit N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linkMentions } from '../src/enrich/link/link-mentions.js';
import { matchKnownNames } from '../src/enrich/link/match-known-names.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { tokenizeForMatch } from '../src/kb/normalize-alias.js';
import { sharedPath } from '../test/shared-data.js';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '100000' } } });

const root = sharedPath('corpora', 'bbc-fulltext', 'bbc');
if (!root) {
  console.log('../shared/corpora/bbc-fulltext is absent: nothing to measure');
  process.exit(0);
}

const files: string[] = [];
for (const dir of readdirSync(root)) {
  const path = join(root, dir);
  if (!statSync(path).isDirectory()) continue;
  for (const f of readdirSync(path)) if (f.endsWith('.txt')) files.push(join(path, f));
}
const texts = files
  .sort()
  .slice(0, Number(values.limit))
  .map((f) => readFileSync(f, 'latin1'));

// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
let t = performance.now();
let cpu = process.cpuUsage();
const kb = loadKnowledgeBase();
const loadMs = performance.now() - t;
const loadCpuMs = cpuMs(cpu);
t = performance.now();
cpu = process.cpuUsage();
kb.matcher();
const matcherMs = performance.now() - t;
const matcherCpuMs = cpuMs(cpu);

const time = (run: () => void): number => {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
};

let tokens = 0;
const baseline = time(() => {
  for (const text of texts) tokens += tokenizeForMatch(text).length;
});
let mentions = 0;
const matching = time(() => {
  for (const text of texts) mentions += matchKnownNames(text, kb).length;
});
const linking = time(() => {
  for (const text of texts)
    linkMentions(matchKnownNames(text, kb), { text, published: '2005-06-01' }, kb);
});

const stats = kb.stats();
console.log(
  `kb: ${stats.entities} entities (${stats.weapons} weapons, ${stats.companies} companies, ${stats.byType.PERSON} people), ${stats.aliases} alias keys, ${stats.offices} offices`,
);
console.log(
  `load ${loadMs.toFixed(0)} ms wall / ${loadCpuMs.toFixed(0)} ms CPU, matcher build ${matcherMs.toFixed(0)} ms wall / ${matcherCpuMs.toFixed(0)} ms CPU`,
);
console.log(`${texts.length} articles, ${tokens} tokens, ${mentions} known-name mentions`);
const rate = (s: number) => `${Math.round(tokens / s).toLocaleString('en')} tokens/s`;
console.log(`baseline tokenizer: ${rate(baseline)}`);
console.log(
  `matchKnownNames:    ${rate(matching)} (${(matching / baseline).toFixed(1)}x baseline time)`,
);
console.log(
  `match + link:       ${rate(linking)} (${(linking / baseline).toFixed(1)}x baseline time)`,
);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
