/**
 * Precision/recall of syndication decisions on seeded copies of real BBC and Reuters articles.
 * Truth: a generated copy is a copy of its original when it keeps >= 85% of the shorter text's words
 * unchanged (and is at least half as long); hard negatives share a title and opening only.
 * A pair counts as found when both articles end in the same group.
 *
 * Usage: npx tsx bench/dedup-quality.ts [--seed N] [--originals N] [--definition 0.85]
 */
import { parseArgs } from 'node:util';
import { decideSyndication } from '../src/dedup/decide-syndication.js';
import { dedupOptions } from '../src/dedup/dedup-options.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import { readBbc, readReuters } from './dedup-corpora.js';
import type { CorpusArticle } from './dedup-corpora.js';
import { generateSyndicationSet, seededRandom } from './syndication-generator.js';
import type { GeneratedDoc } from './syndication-generator.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    originals: { type: 'string', default: '1500' },
    definition: { type: 'string', default: '0.85' },
  },
});
const seed = Number(values.seed);
const perCorpus = Number(values.originals);
const definition = Number(values.definition);

const sample = <T>(items: readonly T[], count: number, random: () => number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
};

const random = seededRandom(seed);
const wordCount = (a: CorpusArticle): number => a.paragraphs.join(' ').split(/\s+/).length;
const originals = [
  ...sample(readBbc(), perCorpus, random),
  ...sample(
    readReuters().filter((a) => wordCount(a) >= 60 && a.topic !== ''),
    perCorpus,
    random,
  ),
];
const { docs } = generateSyndicationSet(originals, seed);
const labelled = docs.filter(
  (d): d is GeneratedDoc & { derivedFrom: string } => d.derivedFrom !== undefined,
);
const isTrueCopy = (d: GeneratedDoc): boolean =>
  (d.trueSimilarity ?? 0) >= definition && (d.lengthRatio ?? 0) >= 0.5;
const positives = labelled.filter(isTrueCopy).length;
console.log(
  `seed ${seed}: ${originals.length} originals, ${docs.length} docs, ${labelled.length} labelled pairs ` +
    `(${positives} copies at the ${definition} definition, ${labelled.filter((d) => d.kind === 'negative').length} hard negatives)`,
);

const run = async (threshold: number) => {
  const index = new MemoryNearDuplicateIndex();
  const options = dedupOptions({ threshold });
  const started = performance.now();
  for (const doc of docs) {
    await decideSyndication(
      {
        id: doc.id,
        text: doc.text,
        title: doc.title,
        source: doc.source,
        published: doc.published,
      },
      index,
      options,
    );
  }
  const elapsed = performance.now() - started;
  const canonicalOf = async (id: string): Promise<string> =>
    (await index.getDecision(id))?.of ?? id;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const doc of labelled) {
    const predicted = (await canonicalOf(doc.id)) === (await canonicalOf(doc.derivedFrom));
    const truth = isTrueCopy(doc);
    if (predicted && truth) tp++;
    else if (predicted) {
      fp++;
      misses.push(
        `FP ${doc.id} true=${doc.trueSimilarity?.toFixed(3)} ratio=${doc.lengthRatio?.toFixed(2)} ${doc.edits?.join('; ')}`,
      );
    } else if (truth) {
      fn++;
      misses.push(
        `FN ${doc.id} true=${doc.trueSimilarity?.toFixed(3)} ratio=${doc.lengthRatio?.toFixed(2)} ${doc.edits?.join('; ')}`,
      );
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { threshold, precision, recall, tp, fp, fn, msPerDoc: elapsed / docs.length, misses };
};

console.log('threshold  precision  recall   tp    fp   fn   ms/doc');
for (const threshold of (
  process.env['THRESHOLDS'] ?? '0.7,0.75,0.8,0.82,0.84,0.85,0.86,0.88,0.9,0.95'
)
  .split(',')
  .map(Number)) {
  const r = await run(threshold);
  console.log(
    `${threshold.toFixed(2).padStart(9)}  ${r.precision.toFixed(4).padStart(9)}  ${r.recall.toFixed(4)}  ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(4)}   ${r.msPerDoc.toFixed(3)}`,
  );
  if (threshold === definition && process.env['SHOW_MISSES'])
    for (const m of r.misses.slice(0, Number(process.env['SHOW_MISSES']))) console.log('  ', m);
}
