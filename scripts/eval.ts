/**
 * Quality gate (`npm run eval`): scores cleaning on the real data in ../shared and fails when a
 * score drops under its floor in eval/baseline.json. A floor is lowered only on purpose, in review.
 * Not part of `npm test` (it takes ~30 s); skips with exit 0 when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { benchmarkBodyScore, fundusScore } from '../bench/extraction-quality.js';
import { measureNoiseRepair } from '../bench/noise-repair-quality.js';
import { repoPath, SHARED_DIR, sharedPath } from '../test/shared-data.js';

interface Baseline {
  readonly floors: Readonly<Record<string, number>>;
}

const needed = [
  'corpora/article-extraction-benchmark',
  'corpora/fundus-news-html',
  'corpora/bbc-fulltext',
  'tools/score-extraction.mjs',
];
const absent = needed.filter((p) => !sharedPath(...p.split('/')));
if (absent.length > 0) {
  console.log(
    `eval skipped: ${absent.map((p) => `${SHARED_DIR}/${p}`).join(', ')} absent (only CI and team machines have ../shared)`,
  );
  process.exit(0);
}

const baseline = JSON.parse(readFileSync(repoPath('eval', 'baseline.json'), 'utf8')) as Baseline;
const scores: Record<string, number> = {};

const aeb = benchmarkBodyScore(SHARED_DIR);
scores['extraction.aeb.f1'] = aeb.f1;
scores['extraction.aeb.precision'] = aeb.precision;
scores['extraction.aeb.recall'] = aeb.recall;

const fundus = fundusScore(SHARED_DIR);
scores['extraction.fundus.f1'] = fundus.body.f1;
scores['extraction.fundus.title_exact'] = fundus.titleExact;
scores['extraction.fundus.author_set'] = fundus.authorSet;
scores['extraction.fundus.date_same_day'] = fundus.dateSameDay;

const repair = measureNoiseRepair(SHARED_DIR, { articles: 500, seed: 20260101, sites: 20 });
scores['repair.noise.precision'] = repair.precision;
scores['repair.noise.recall'] = repair.recall;
scores['repair.noise.title_accuracy'] = repair.titleAccuracy;

let failed = 0;
for (const [name, score] of Object.entries(scores)) {
  const floor = baseline.floors[name];
  const verdict = floor === undefined ? 'no floor' : score >= floor ? 'ok' : 'BELOW FLOOR';
  if (floor !== undefined && score < floor) failed++;
  console.log(
    `${name.padEnd(36)} ${score.toFixed(4)}  floor ${floor === undefined ? '-' : floor.toFixed(4)}  ${verdict}`,
  );
}
for (const name of Object.keys(baseline.floors)) {
  if (!(name in scores)) {
    console.log(
      `${name.padEnd(36)} not measured (baseline names a score this gate no longer computes)`,
    );
    failed++;
  }
}
if (failed > 0) {
  console.log(`eval failed: ${failed} score(s) under the floor in eval/baseline.json`);
  process.exit(1);
}
console.log('eval passed');
