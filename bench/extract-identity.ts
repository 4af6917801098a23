/**
 * Whether a change to src/clean left extraction's output alone: extractArticle's whole result
 * (text, paragraphs, metadata, language, removals) on every page of every set in ../shared/corpora,
 * compared byte for byte with src/clean as of a git revision. For speed work, where any difference
 * is a bug; scores alone can hide one.
 * Usage: node --import tsx bench/extract-identity.ts [--baseline REV]  (default: merge-base with main)
 */
import { join } from 'node:path';
import { extractArticle } from '../src/clean/extract-article.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { EXTRACTION_SETS } from './extraction-sets.js';
import { baselineRevision, revisionSourceDir } from './revision-source.js';

const rev = baselineRevision() ?? 'main';
const baseline = (await import(
  join(revisionSourceDir(rev), 'src', 'clean', 'extract-article.ts')
)) as {
  extractArticle: typeof extractArticle;
};
let total = 0;
let differing = 0;
for (const set of EXTRACTION_SETS) {
  let pages = 0;
  let differ = 0;
  for (const page of set.load(SHARED_DIR)) {
    pages++;
    if (
      JSON.stringify(extractArticle(page.html)) ===
      JSON.stringify(baseline.extractArticle(page.html))
    )
      continue;
    differ++;
    console.log(`differs: ${set.name} ${page.id}`);
  }
  console.log(`${set.name}: ${pages} pages, ${differ} differ`);
  total += pages;
  differing += differ;
}
console.log(`all sets: ${total} pages, ${differing} differ from ${rev}`);
process.exitCode = differing === 0 ? 0 : 1;
