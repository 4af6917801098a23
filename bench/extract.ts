/**
 * Extraction speed and quality in one run on one process: ours (src/clean, htmlparser2) against
 * @mozilla/readability on linkedom over the same 181 pages of ../shared/corpora/article-extraction-benchmark.
 * Pages are decompressed before timing; each extractor gets a warm-up pass, then a timed pass.
 * Usage: node --import tsx bench/extract.ts [--quality] [--rounds N]
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/clean/extract-article.js';
import { SHARED_DIR, sharedPath } from '../test/shared-data.js';
import { loadBenchmarkPages } from './extraction-corpora.js';
import { benchmarkBodyScore, fundusScore } from './extraction-quality.js';

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

const dir = sharedPath('corpora', 'article-extraction-benchmark');
if (!dir) {
  console.log(`skipped: ${SHARED_DIR}/corpora/article-extraction-benchmark is absent`);
} else {
  const pages = loadBenchmarkPages(dir);
  const ours = measure(pages, (html) => extractArticle(html));
  const theirs = measure(pages, readabilityText);
  const row = (name: string, s: Speed): string =>
    `${name.padEnd(28)} ${s.wall.toFixed(1).padStart(7)} pages/s wall  ${s.cpu.toFixed(1).padStart(7)} pages/s cpu`;
  console.log(`pages: ${pages.length}, rounds: ${rounds} (best round of each reported)`);
  console.log(row('sitrep extract', ours));
  console.log(row('readability.js + linkedom', theirs));
  console.log(
    `ratio: ${(ours.wall / theirs.wall).toFixed(2)}x wall, ${(ours.cpu / theirs.cpu).toFixed(2)}x cpu`,
  );
  if (process.argv.includes('--quality')) {
    console.log(
      `article-extraction-benchmark body: ${JSON.stringify(benchmarkBodyScore(SHARED_DIR))}`,
    );
    console.log(`fundus-news-html: ${JSON.stringify(fundusScore(SHARED_DIR))}`);
  }
}
