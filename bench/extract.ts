/**
 * Extraction speed and quality in one run on one process: ours (src/clean, htmlparser2) against
 * @mozilla/readability on linkedom over the same 181 pages of ../shared/corpora/article-extraction-benchmark.
 * Pages are decompressed before timing; each extractor gets a warm-up pass, then a timed pass.
 * With --baseline REV, src/clean as of that git revision is timed in the same run (unpacked under
 * node_modules/.cache), so a speed change is a ratio measured on one machine state.
 * Usage: node --import tsx bench/extract.ts [--quality] [--rounds N] [--baseline REV] [--no-readability]
 */
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/clean/extract-article.js';
import { SHARED_DIR, sharedPath } from '../test/shared-data.js';
import { loadBenchmarkPages } from './extraction-corpora.js';
import { benchmarkBodyScore, fundusScore } from './extraction-quality.js';
import { revisionSourceDir } from './revision-source.js';

const rounds = (() => {
  const i = process.argv.indexOf('--rounds');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 3;
  return Number.isInteger(n) && n > 0 ? n : 3;
})();

const readabilityText = (html: string): string => {
  const { document } = parseHTML(html);
  // linkedom's Document is close enough for Readability; the cast is the documented way to pair them.
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  return article?.textContent ?? '';
};

interface Speed {
  /** Pages per second of wall-clock time, best round. */
  readonly wall: number;
  /** Pages per second of this process's CPU time (user + system), best round: steadier when
   * other work shares the machine, since time spent waiting for a core is not counted. */
  readonly cpu: number;
}

const measure = (pages: readonly { html: string }[], run: (html: string) => unknown): Speed => {
  for (const p of pages) run(p.html);
  let wall = 0;
  let cpu = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    for (const p of pages) run(p.html);
    const used = process.cpuUsage(startedCpu);
    wall = Math.max(wall, pages.length / ((performance.now() - started) / 1000));
    cpu = Math.max(cpu, pages.length / ((used.user + used.system) / 1e6));
  }
  return { wall, cpu };
};

/** src/clean's extractor as of a git revision. */
async function revisionExtractor(rev: string): Promise<(html: string) => unknown> {
  const dir = revisionSourceDir(rev);
  const mod = (await import(join(dir, 'src', 'clean', 'extract-article.ts'))) as {
    extractArticle: (html: string) => unknown;
  };
  return (html) => mod.extractArticle(html);
}

const dir = sharedPath('corpora', 'article-extraction-benchmark');
if (!dir) {
  console.log(`skipped: ${SHARED_DIR}/corpora/article-extraction-benchmark is absent`);
} else {
  const pages = loadBenchmarkPages(dir);
  const baselineRev = (() => {
    const i = process.argv.indexOf('--baseline');
    return i >= 0 ? process.argv[i + 1] : undefined;
  })();
  const baseline = baselineRev === undefined ? undefined : await revisionExtractor(baselineRev);
  // Alternate the two so machine load (shared cores) falls on both alike.
  const ours = measure(pages, (html) => extractArticle(html));
  const before = baseline ? measure(pages, baseline) : undefined;
  const oursAgain = baseline ? measure(pages, (html) => extractArticle(html)) : undefined;
  const best = (a: Speed, b: Speed | undefined): Speed =>
    b ? { wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) } : a;
  const theirs = process.argv.includes('--no-readability')
    ? undefined
    : measure(pages, readabilityText);
  const row = (name: string, s: Speed): string =>
    `${name.padEnd(28)} ${s.wall.toFixed(1).padStart(7)} pages/s wall  ${s.cpu.toFixed(1).padStart(7)} pages/s cpu`;
  console.log(`pages: ${pages.length}, rounds: ${rounds} (best round of each reported)`);
  const now = best(ours, oursAgain);
  console.log(row('sitrep extract', now));
  if (before) {
    console.log(row(`sitrep extract @ ${baselineRev}`, before));
    console.log(
      `ratio to baseline: ${(now.wall / before.wall).toFixed(2)}x wall, ${(now.cpu / before.cpu).toFixed(2)}x cpu`,
    );
  }
  if (theirs) {
    console.log(row('readability.js + linkedom', theirs));
    console.log(
      `ratio: ${(now.wall / theirs.wall).toFixed(2)}x wall, ${(now.cpu / theirs.cpu).toFixed(2)}x cpu`,
    );
  }
  if (process.argv.includes('--quality')) {
    console.log(
      `article-extraction-benchmark body: ${JSON.stringify(benchmarkBodyScore(SHARED_DIR))}`,
    );
    console.log(`fundus-news-html: ${JSON.stringify(fundusScore(SHARED_DIR))}`);
  }
}
