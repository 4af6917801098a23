/**
 * Enrichment throughput on the BBC full-text corpus (2,225 articles), one core.
 *
 *   node --import tsx bench/enrich.ts [--limit N] [--baseline-limit N]
 *
 * Prints articles/s and tokens/s for `enrichArticle` end to end (tokenise, tag, KB match, link,
 * figures, dates, quotes, relations) and peak RSS, plus the same corpus through `compromise`
 * (its people/places/organisations only, on the first --baseline-limit articles) as a ratio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { enrichArticle } from '../src/enrich/enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../src/enrich/ner/ner-model-file.js';
import { tokenize } from '../src/enrich/tokenize.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { sharedPath } from '../test/shared-data.js';

const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '100000' },
    'baseline-limit': { type: 'string', default: '300' },
  },
});

const root = sharedPath('corpora', 'bbc-fulltext', 'bbc');
if (root === undefined) {
  console.log('../shared/corpora/bbc-fulltext is absent: nothing to measure');
  process.exit(0);
}
const texts: string[] = [];
for (const topic of readdirSync(root, { withFileTypes: true })) {
  if (!topic.isDirectory()) continue;
  for (const f of readdirSync(join(root, topic.name)).sort()) {
    // The corpus is latin-1; each file is "title\n\nbody".
    texts.push(readFileSync(join(root, topic.name, f), 'latin1'));
  }
}
const articles = texts.slice(0, Number(values.limit));

let t0 = performance.now();
const deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
const loadMs = performance.now() - t0;

// Warm up the JIT and the KB's caches on a few articles before timing.
for (const text of articles.slice(0, 20)) enrichArticle({ text, published: '2005-01-01' }, deps);

t0 = performance.now();
let cpu0 = process.cpuUsage();
let tokens = 0;
let entities = 0;
for (const text of articles) {
  const e = enrichArticle({ text, published: '2005-01-01' }, deps);
  tokens += e.stats.tokens;
  entities += e.entities.length;
}
const ms = performance.now() - t0;
// CPU time of this process: on a shared machine wall time also counts other processes' turns.
const used = process.cpuUsage(cpu0);
const cpuMs = (used.user + used.system) / 1000;
const ours = {
  articlesPerSecond: (articles.length * 1000) / cpuMs,
  tokensPerSecond: (tokens * 1000) / cpuMs,
};

const sample = articles.slice(0, Number(values['baseline-limit']));
let sampleTokens = 0;
for (const text of sample) sampleTokens += tokenize(text).length;
t0 = performance.now();
cpu0 = process.cpuUsage();
for (const text of sample) {
  const doc = nlp(text);
  doc.people().json();
  doc.places().json();
  doc.organizations().json();
}
const theirWallMs = performance.now() - t0;
const theirUsed = process.cpuUsage(cpu0);
const theirMs = (theirUsed.user + theirUsed.system) / 1000;
const theirs = {
  articlesPerSecond: (sample.length * 1000) / theirMs,
  tokensPerSecond: (sampleTokens * 1000) / theirMs,
};

const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`model + KB load: ${loadMs.toFixed(0)} ms`);
console.log(
  `sitrep enrich: ${articles.length} articles, ${tokens} tokens, ${entities} entities; ` +
    `${(cpuMs / 1000).toFixed(1)} s CPU (${(ms / 1000).toFixed(1)} s wall): ` +
    `${ours.articlesPerSecond.toFixed(1)} articles/s, ${Math.round(ours.tokensPerSecond)} tokens/s per CPU second`,
);
console.log(
  `compromise (NER only, first ${sample.length} articles): ${theirs.articlesPerSecond.toFixed(1)} articles/s, ` +
    `${Math.round(theirs.tokensPerSecond)} tokens/s per CPU second (${(theirWallMs / 1000).toFixed(1)} s wall)`,
);
console.log(
  `ratio tokens/s sitrep/compromise: ${(ours.tokensPerSecond / theirs.tokensPerSecond).toFixed(2)}`,
);
console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB (whole process, both runs)`);
