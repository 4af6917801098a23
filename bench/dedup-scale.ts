/**
 * Scale of the near-duplicate index: indexes N synthetic articles made from BBC and Reuters texts
 * (a fifth are light copies of a corpus article, the rest mix paragraphs of two or three articles and
 * change 30% of their words, so they are new articles that still share vocabulary and phrasing),
 * through decideSyndication on the SQLite index in a file, `--batch` articles per transaction as
 * the ingest pipeline does (ArticleStore.inTransaction). Articles are generated ahead in a worker
 * thread (bench/dedup-scale-articles.ts); time spent waiting for them is reported apart. The
 * connection has the store's settings (applyConnectionSettings).
 * Prints total wall time, throughput, median and p99 time per article (decide only; commits are
 * reported apart), peak RSS, and the ratio to a baseline measured in the same run (fingerprinting
 * alone, no index).
 *
 * Usage: npx tsx bench/dedup-scale.ts [--n 100000] [--batch 200] [--db /tmp/sitrep-dedup-scale.sqlite] [--memory]
 */
import Database from 'better-sqlite3';
import { rmSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { fingerprintArticle } from '../src/dedup/article-fingerprint.js';
import {
  decideSyndication,
  decideSyndicationOfFingerprint,
} from '../src/dedup/decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/dedup-options.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import type { NearDuplicateIndex } from '../src/dedup/near-duplicate-index.js';
import {
  SqliteNearDuplicateIndex,
  createNearDuplicateSchema,
} from '../src/store/sqlite/near-duplicate-index.js';
import { applyConnectionSettings } from '../src/store/sqlite/connection-settings.js';
import type { ArticleRequest, GeneratedBatch } from './dedup-scale-articles.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '200' },
    db: { type: 'string', default: '/tmp/sitrep-dedup-scale.sqlite' },
    memory: { type: 'boolean', default: false },
    // Fingerprint in the main thread, inside each decide, instead of in the generator thread.
    'inline-fingerprint': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});
const total = Number(values.n);
const batchSize = Math.max(1, Number(values.batch));
const inline = values['inline-fingerprint'];
const wallStart = performance.now();
const loadAtStart = loadavg();
const cpuAtStart = process.cpuUsage();
// Articles come from a worker thread, requested ahead so the index never waits long for them.
// An eval entry registers tsx's loader in the worker first (a worker does not inherit it on Node 20).
const generator = new Worker(
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
     .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./dedup-scale-articles.ts', import.meta.url).href)}); })`,
  { eval: true, workerData: values.seed },
);
const replies: ((batch: GeneratedBatch) => void)[] = [];
generator.on('message', (batch: GeneratedBatch) => replies.shift()?.(batch));
const request = (first: number, count: number, fingerprint = false): Promise<GeneratedBatch> =>
  new Promise((resolve) => {
    replies.push(resolve);
    generator.postMessage({ first, count, fingerprint } satisfies ArticleRequest);
  });

const cpuSeconds = (): number => {
  const used = process.cpuUsage(cpuAtStart);
  return (used.user + used.system) / 1e6;
};

const rssMiB = (): number => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return hwm ? Number(hwm) / 1024 : process.memoryUsage().rss / 2 ** 20;
};

// Baseline: fingerprinting alone on the first articles, no index.
const baselineCount = Math.min(5000, total);
let baselineMs = 0;
for (const article of (await request(-1, baselineCount)).articles) {
  const t = performance.now();
  fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
  baselineMs += performance.now() - t;
}
const baselinePerArticle = baselineMs / baselineCount;

let index: NearDuplicateIndex;
let db: Database.Database | undefined;
if (values.memory) index = new MemoryNearDuplicateIndex();
else {
  rmSync(values.db, { force: true });
  rmSync(`${values.db}-wal`, { force: true });
  rmSync(`${values.db}-shm`, { force: true });
  db = new Database(values.db);
  applyConnectionSettings(db);
  createNearDuplicateSchema(db);
  index = new SqliteNearDuplicateIndex(db);
}

const times = new Float64Array(total);
let copies = 0;
let waitMs = 0;
let commitMs = 0;
const began = performance.now();
let workerFingerprintMs = 0;
let next = request(0, Math.min(batchSize, total), !inline);
for (let first = 0; first < total; first += batchSize) {
  const t0 = performance.now();
  const { articles: batch, fingerprints, fingerprintMs } = await next;
  waitMs += performance.now() - t0;
  workerFingerprintMs += fingerprintMs;
  const following = first + batchSize;
  if (following < total) next = request(following, Math.min(batchSize, total - following), !inline);
  db?.exec('BEGIN IMMEDIATE');
  for (const [k, article] of batch.entries()) {
    const t = performance.now();
    const fingerprinted = fingerprints?.[k];
    const outcome = fingerprinted
      ? await decideSyndicationOfFingerprint(fingerprinted, index)
      : await decideSyndication(article, index);
    times[first + k] = performance.now() - t;
    if (outcome.decision.status !== 'original') copies++;
  }
  const t1 = performance.now();
  db?.exec('COMMIT');
  commitMs += performance.now() - t1;
  const done = first + batch.length;
  if (Math.floor(done / 100000) > Math.floor(first / 100000)) {
    const elapsed = (performance.now() - began) / 1000;
    console.log(
      `  ${done} articles, ${elapsed.toFixed(0)} s, CPU ${cpuSeconds().toFixed(0)} s, ${rssMiB().toFixed(0)} MiB peak RSS, ${copies} copies, load ${loadavg()[0]?.toFixed(2)}`,
    );
  }
}
const elapsedS = (performance.now() - began) / 1000;
const wallS = (performance.now() - wallStart) / 1000;
const sorted = Float64Array.from(times).sort();
const quantile = (q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const decideS = times.reduce((sum, t) => sum + t, 0) / 1000;
const dbMiB = values.memory ? 0 : statSync(values.db).size / 2 ** 20;
console.log(
  `index: ${values.memory ? 'in-memory' : `SQLite file ${values.db} (${dbMiB.toFixed(0)} MiB)`}, ${batchSize} articles per transaction`,
);
console.log(
  `${total} articles in ${elapsedS.toFixed(1)} s (${(total / elapsedS).toFixed(0)} articles/s), ${copies} judged copies; ` +
    `of which waiting for generated articles ${(waitMs / 1000).toFixed(1)} s, deciding ${decideS.toFixed(1)} s, commits ${(commitMs / 1000).toFixed(1)} s`,
);
console.log(
  `index only (decide + commit): ${(total / (decideS + commitMs / 1000)).toFixed(0)} articles/s`,
);
console.log(
  inline
    ? 'fingerprints computed inside each decide (main thread)'
    : `fingerprints computed in the generator thread: ${(workerFingerprintMs / 1000).toFixed(1)} s there, ${(workerFingerprintMs / total).toFixed(3)} ms/article, not in the decide times below`,
);
console.log(
  `per article (decide): median ${quantile(0.5).toFixed(3)} ms, p99 ${quantile(0.99).toFixed(3)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms; commit ${(commitMs / total).toFixed(3)} ms/article`,
);
console.log(
  `baseline (fingerprint only, same run): ${baselinePerArticle.toFixed(3)} ms/article; median decide / baseline = ${(quantile(0.5) / baselinePerArticle).toFixed(2)}x`,
);
console.log(
  `total wall time ${wallS.toFixed(1)} s (corpora loading and baseline included), CPU ${cpuSeconds().toFixed(0)} s (both threads); peak RSS ${rssMiB().toFixed(0)} MiB; ` +
    `load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end`,
);
await generator.terminate();
