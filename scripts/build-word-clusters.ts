/**
 * Learns word clusters from the unlabelled news of ../shared/corpora (scripts/unlabelled-news.ts)
 * and writes src/enrich/ner/clusters/word-clusters.tsv, which scripts/train-ner.ts reads and saves
 * inside the model. A name the labelled corpora never show ("Feyenoord", "Commerzbank") shares a
 * cluster with names that occur in the same contexts, so the tagger can type it by analogy: the
 * classic remedy for NER outside its training text (Brown clusters; Ratinov & Roth 2009).
 *
 *   node --import tsx scripts/build-word-clusters.ts [--sources labelled] [--out PATH]
 *
 * The default source, 'labelled', is the running text of the licence-OK labelled NER corpora
 * (train + dev parts, scripts/unlabelled-news.ts). reuters, bbc, ruwa and ag also exist, for
 * experiments only: their licences (research use, non-commercial) keep them out of what ships.
 *
 * Method (cheaper than Brown's agglomerative clustering, and deterministic): each frequent word
 * is a sparse vector of positive PMI with the words at offsets -2, -1, +1 and +2 (case kept, digits
 * folded to 0), cut to its strongest contexts; spherical k-means splits the words into 32
 * clusters, each of those into 16 and each of those into 8, so a word's path ("k3b5") gives a
 * coarse and finer classes. Seeds are chosen deterministically (k-means++ on a fixed xorshift
 * stream), so the same corpora give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize } from '../src/enrich/tokenize.js';
import { repoPath } from '../test/shared-data.js';
import { xorshift32Random } from '../src/core/seeded-random.js';
import { unlabelledLines } from './unlabelled-news.js';
import { clusterKey } from '../src/enrich/ner/word-clusters.js';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'labelled' },
    out: {
      type: 'string',
      default: repoPath('src', 'enrich', 'ner', 'clusters', 'word-clusters.tsv'),
    },
    'min-count': { type: 'string', default: '3' },
    'max-words': { type: 'string', default: '60000' },
    contexts: { type: 'string', default: '1500' },
    'top-contexts': { type: 'string', default: '200' },
    iterations: { type: 'string', default: '12' },
  },
});

const LEVELS = [32, 16, 8] as const;
const DIGITS = '0123456789abcdefghijklmnopqrstuv';

// 1. Token streams, one per line of text.
const started = Date.now();
const lines: number[][] = [];
const ids = new Map<string, number>();
const names: string[] = [];
const counts: number[] = [];
for (const source of values.sources.split(',').filter((s) => s !== '')) {
  for (const line of unlabelledLines(source, true)) {
    const toks = tokenize(line);
    if (toks.length === 0) continue;
    // Lines in capitals say nothing about how a word is written in running text.
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 8 && letters === letters.toUpperCase()) continue;
    const seq: number[] = [];
    for (const t of toks) {
      const key = clusterKey(t.text);
      let id = ids.get(key);
      if (id === undefined) {
        id = names.length;
        ids.set(key, id);
        names.push(key);
        counts.push(0);
      }
      counts[id] = (counts[id] as number) + 1;
      seq.push(id);
    }
    lines.push(seq);
  }
}
const totalTokens = counts.reduce((a, b) => a + b, 0);
console.log(`${lines.length} lines, ${totalTokens} tokens, ${names.length} types`);

const byFrequency = names
  .map((_, i) => i)
  .sort(
    (a, b) => (counts[b] as number) - (counts[a] as number) || (names[a]! < names[b]! ? -1 : 1),
  );
const minCount = Number(values['min-count']);
const vocab = byFrequency
  .filter((i) => (counts[i] as number) >= minCount && /\p{L}/u.test(names[i] as string))
  .slice(0, Number(values['max-words']));
const vocabIndex = new Map(vocab.map((id, k) => [id, k]));
const C = Number(values.contexts);
const contextIndex = new Map(byFrequency.slice(0, C).map((id, k) => [id, k]));
const BOUNDARY = C; // <s> / </s>
const DIMS = 4 * (C + 1);
const OFFSETS = [-2, -1, 1, 2] as const;
console.log(`${vocab.length} words clustered, ${C} context words`);

// 2. Co-occurrence counts, sparse per word.
const cooc = vocab.map(() => new Map<number, number>());
const dimTotals = new Float64Array(DIMS);
for (const seq of lines) {
  for (let i = 0; i < seq.length; i++) {
    const k = vocabIndex.get(seq[i] as number);
    if (k === undefined) continue;
    const row = cooc[k] as Map<number, number>;
    OFFSETS.forEach((off, o) => {
      const j = i + off;
      const ctx = j < 0 || j >= seq.length ? BOUNDARY : contextIndex.get(seq[j] as number);
      if (ctx === undefined) return;
      const d = o * (C + 1) + ctx;
      row.set(d, (row.get(d) ?? 0) + 1);
      dimTotals[d] = (dimTotals[d] as number) + 1;
    });
  }
}

// 3. Positive PMI (context counts smoothed with exponent 0.75), strongest contexts kept, L2-normed.
const smoothed = new Float64Array(DIMS);
const blockSums = [0, 0, 0, 0];
for (let d = 0; d < DIMS; d++) {
  smoothed[d] = Math.pow(dimTotals[d] as number, 0.75);
  const b = Math.floor(d / (C + 1));
  blockSums[b] = (blockSums[b] as number) + (smoothed[d] as number);
}
const topK = Number(values['top-contexts']);
interface SparseVec {
  readonly dims: Int32Array;
  readonly vals: Float64Array;
}
const vectors: SparseVec[] = cooc.map((row, k) => {
  const n = counts[vocab[k] as number] as number;
  const entries: [number, number][] = [];
  for (const [d, c] of row) {
    const pc = (smoothed[d] as number) / (blockSums[Math.floor(d / (C + 1))] as number);
    const pmi = Math.log(c / n / pc);
    if (pmi > 0) entries.push([d, pmi]);
  }
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = entries.slice(0, topK).sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, v] of kept) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return {
    dims: Int32Array.from(kept.map((e) => e[0])),
    vals: Float64Array.from(kept.map((e) => e[1] / norm)),
  };
});
cooc.length = 0;
// Frequent words have reliable vectors: they steer the centroids more.
const weight = vocab.map((id) => Math.log(1 + (counts[id] as number)));

const random = xorshift32Random(0x9e3779b9);

const dot = (v: SparseVec, centroid: Float64Array): number => {
  let s = 0;
  for (let t = 0; t < v.dims.length; t++)
    s += (v.vals[t] as number) * (centroid[v.dims[t] as number] as number);
  return s;
};

/** Spherical k-means of the given words into k clusters; returns each word's cluster. */
const kmeans = (members: readonly number[], k: number, iterations: number): Int32Array => {
  const assign = new Int32Array(members.length);
  if (members.length <= k) {
    members.forEach((_, m) => (assign[m] = m));
    return assign;
  }
  // k-means++ seeding on cosine distance.
  const centroids: Float64Array[] = [];
  const addCentroid = (m: number): void => {
    const c = new Float64Array(DIMS);
    const v = vectors[members[m] as number] as SparseVec;
    for (let t = 0; t < v.dims.length; t++) c[v.dims[t] as number] = v.vals[t] as number;
    centroids.push(c);
  };
  addCentroid(Math.floor(random() * members.length));
  const best = new Float64Array(members.length).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1] as Float64Array;
    let total = 0;
    for (let m = 0; m < members.length; m++) {
      const d = 1 - dot(vectors[members[m] as number] as SparseVec, last);
      if (d < (best[m] as number)) best[m] = d;
      total += Math.max(0, best[m] as number) * (weight[members[m] as number] as number);
    }
    let r = random() * total;
    let pick = members.length - 1;
    for (let m = 0; m < members.length; m++) {
      r -= Math.max(0, best[m] as number) * (weight[members[m] as number] as number);
      if (r <= 0) {
        pick = m;
        break;
      }
    }
    addCentroid(pick);
  }
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let m = 0; m < members.length; m++) {
      const v = vectors[members[m] as number] as SparseVec;
      let bestC = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(v, centroids[c] as Float64Array);
        if (s > bestS) {
          bestS = s;
          bestC = c;
        }
      }
      if (it === 0 || assign[m] !== bestC) moved++;
      assign[m] = bestC;
    }
    if (moved === 0) break;
    for (const c of centroids) c.fill(0);
    for (let m = 0; m < members.length; m++) {
      const v = vectors[members[m] as number] as SparseVec;
      const c = centroids[assign[m] as number] as Float64Array;
      const w = weight[members[m] as number] as number;
      for (let t = 0; t < v.dims.length; t++)
        c[v.dims[t] as number] = (c[v.dims[t] as number] as number) + w * (v.vals[t] as number);
    }
    for (const c of centroids) {
      let norm = 0;
      for (let d = 0; d < DIMS; d++) norm += (c[d] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm > 0) for (let d = 0; d < DIMS; d++) c[d] = (c[d] as number) / norm;
    }
  }
  return assign;
};

// 4. Top-down: each level splits every cluster of the level above.
const paths = vocab.map(() => '');
let groups: number[][] = [vocab.map((_, k) => k)];
for (const k of LEVELS) {
  const next: number[][] = [];
  for (const members of groups) {
    const assign = kmeans(members, k, Number(values.iterations));
    const split: number[][] = Array.from({ length: k }, () => []);
    members.forEach((w, m) => {
      paths[w] += DIGITS.charAt(assign[m] as number);
      (split[assign[m] as number] as number[]).push(w);
    });
    next.push(...split.filter((g) => g.length > 0));
  }
  groups = next;
  console.log(
    `level of ${k}: ${groups.length} clusters (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

const out = vocab.map((id, k) => `${names[id] as string}\t${paths[k] as string}`).join('\n') + '\n';
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, out);
console.log(
  `wrote ${values.out}: ${vocab.length} words in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
