/** Paragraph-level precision/recall of text-dump repair on seeded noise over BBC articles. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { learnBoilerplate } from '../src/clean/boilerplate-model.js';
import { splitDumpParagraphs } from '../src/clean/dump-paragraphs.js';
import { paragraphKey } from '../src/clean/paragraph-similarity.js';
import { repairDump } from '../src/clean/repair-dump.js';
import { addNoise, seededRandom, type CleanArticle } from './noise-generator.js';

export interface RepairScore {
  readonly documents: number;
  readonly truthParagraphs: number;
  readonly outputParagraphs: number;
  readonly precision: number;
  readonly recall: number;
  readonly titleAccuracy: number;
  /** A few wrong keeps/drops, for whoever tunes the repair. */
  readonly examples: readonly string[];
}

export const loadBbcArticles = (shared: string, count: number, seed: number): CleanArticle[] => {
  const root = join(shared, 'corpora', 'bbc-fulltext', 'bbc');
  const files = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, d.name))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(root, d.name, f)),
    )
    .sort();
  const rnd = seededRandom(seed);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  return files.slice(0, count).map((file) => {
    const lines = readFileSync(file, 'latin1').includes('\ufffd')
      ? []
      : readFileSync(file, 'utf8').split('\n');
    const clean = lines.map((l) => l.trim()).filter((l) => l !== '');
    return { title: clean[0] ?? '', paragraphs: clean.slice(1) };
  });
};

export const measureNoiseRepair = (
  shared: string,
  options: { articles: number; seed: number; sites: number },
): RepairScore => {
  const articles = loadBbcArticles(shared, options.articles, options.seed);
  const dumps = addNoise(articles, { seed: options.seed, sites: options.sites });
  const bySite = new Map<string, string[][]>();
  for (const d of dumps) {
    const list = bySite.get(d.site) ?? [];
    list.push(splitDumpParagraphs(d.text));
    bySite.set(d.site, list);
  }
  const models = new Map([...bySite].map(([site, docs]) => [site, learnBoilerplate(docs)]));
  let truthCount = 0;
  let outCount = 0;
  let matched = 0;
  let titles = 0;
  const examples: string[] = [];
  for (const dump of dumps) {
    const model = models.get(dump.site);
    const repaired = repairDump(dump.text, model ? { boilerplate: model } : {});
    const truth = [dump.truth.title, ...dump.truth.paragraphs].map(paragraphKey);
    const out = [repaired.title ?? '', ...repaired.paragraphs].map(paragraphKey);
    if (paragraphKey(repaired.title ?? '') === paragraphKey(dump.truth.title)) titles++;
    const pool = new Map<string, number>();
    for (const k of truth) pool.set(k, (pool.get(k) ?? 0) + 1);
    for (const k of out) {
      const left = pool.get(k) ?? 0;
      if (left > 0) {
        matched++;
        pool.set(k, left - 1);
      } else if (examples.length < 20) examples.push(`kept noise: ${k.slice(0, 100)}`);
    }
    for (const [k, left] of pool)
      if (left > 0 && examples.length < 20) examples.push(`lost: ${k.slice(0, 100)}`);
    truthCount += truth.length;
    outCount += out.length;
  }
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    documents: dumps.length,
    truthParagraphs: truthCount,
    outputParagraphs: outCount,
    precision: round(matched / outCount),
    recall: round(matched / truthCount),
    titleAccuracy: round(titles / dumps.length),
    examples,
  };
};
