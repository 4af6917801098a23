/**
 * Text-dump repair on seeded noise: 500 BBC articles (../shared/corpora/bbc-fulltext) turned into
 * noisy dumps for 20 fake sites, repaired with a boilerplate model learned per site, scored by
 * paragraph. Usage: node --import tsx bench/noise-repair.ts [--seed N] [--articles N]
 */
import { SHARED_DIR, sharedPath } from '../test/shared-data.js';
import { measureNoiseRepair } from './noise-repair-quality.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
};

if (!sharedPath('corpora', 'bbc-fulltext')) {
  console.log(`skipped: ${SHARED_DIR}/corpora/bbc-fulltext is absent`);
} else {
  const started = performance.now();
  const score = measureNoiseRepair(SHARED_DIR, {
    articles: arg('--articles', 500),
    seed: arg('--seed', 20260101),
    sites: 20,
  });
  const seconds = (performance.now() - started) / 1000;
  for (const e of score.examples) console.log(`  ${e}`);
  console.log(
    JSON.stringify({ ...score, examples: undefined, seconds: Math.round(seconds * 10) / 10 }),
  );
}
