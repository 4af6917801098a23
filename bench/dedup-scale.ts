/**
 * Scale of the near-duplicate index: indexes N synthetic articles made from BBC and Reuters texts
 * (a fifth are light copies of a corpus article, the rest mix paragraphs of two or three articles and
 * change 30% of their words, so they are new articles that still share vocabulary and phrasing),
 * through decideSyndication on the SQLite index in a file. Prints throughput, median and p99 time
 * per article, peak RSS, and the ratio to a baseline measured in the same run (fingerprinting
 * alone, no index).
 *
 * Usage: npx tsx bench/dedup-scale.ts [--n 100000] [--db /tmp/sitrep-dedup-scale.sqlite] [--memory]
 */
import Database from 'better-sqlite3';
import { rmSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fingerprintArticle } from '../src/dedup/article-fingerprint.js';
import { decideSyndication } from '../src/dedup/decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/dedup-options.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import type { NearDuplicateIndex } from '../src/dedup/near-duplicate-index.js';
import {
  NEAR_DUPLICATE_SCHEMA_SQL,
  SqliteNearDuplicateIndex,
} from '../src/store/sqlite/near-duplicate-index.js';
import { readBbc, readReuters } from './dedup-corpora.js';
import type { CorpusArticle } from './dedup-corpora.js';
import { seededRandom } from './syndication-generator.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    db: { type: 'string', default: '/tmp/sitrep-dedup-scale.sqlite' },
    memory: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});
const total = Number(values.n);
const random = seededRandom(Number(values.seed));
const pool: CorpusArticle[] = [
  ...readBbc(),
  ...readReuters().filter((a) => a.paragraphs.length > 0),
];
const vocabulary = [
  ...new Set(pool.slice(0, 3000).flatMap((a) => a.paragraphs.join(' ').split(/\s+/))),
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const changeWords = (text: string, share: number): string =>
  text.replace(/\p{L}+/gu, (word) => (random() < share ? pick(vocabulary) : word));

const start = Date.UTC(2020, 0, 1);
const synthetic = (i: number) => {
  const base = pick(pool);
  const copy = random() < 0.2;
  const paragraphs = copy
    ? base.paragraphs
    : [...base.paragraphs, ...pick(pool).paragraphs].sort(() => random() - 0.5);
  return {
    id: `syn-${i}`,
    title: base.title,
    text: changeWords(paragraphs.join('\n\n'), copy ? 0.05 : 0.3),
    source: `outlet-${i % 200}`,
    published: new Date(start + Math.floor(random() * 3 * 365 * 86400_000)).toISOString(),
  };
};

const rssMiB = (): number => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return hwm ? Number(hwm) / 1024 : process.memoryUsage().rss / 2 ** 20;
};

// Baseline: fingerprinting alone on the first articles, no index.
const baselineCount = Math.min(5000, total);
let baselineMs = 0;
for (let i = 0; i < baselineCount; i++) {
  const article = synthetic(-1 - i);
  const t = performance.now();
  fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
  baselineMs += performance.now() - t;
}
const baselinePerArticle = baselineMs / baselineCount;

let index: NearDuplicateIndex;
if (values.memory) index = new MemoryNearDuplicateIndex();
else {
  rmSync(values.db, { force: true });
  rmSync(`${values.db}-wal`, { force: true });
  rmSync(`${values.db}-shm`, { force: true });
  const db = new Database(values.db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144');
  db.exec(NEAR_DUPLICATE_SCHEMA_SQL);
  index = new SqliteNearDuplicateIndex(db);
}

const times = new Float64Array(total);
let copies = 0;
const began = performance.now();
for (let i = 0; i < total; i++) {
  const article = synthetic(i);
  const t = performance.now();
  const outcome = await decideSyndication(article, index);
  times[i] = performance.now() - t;
  if (outcome.decision.status !== 'original') copies++;
  if ((i + 1) % 50000 === 0) {
    const elapsed = (performance.now() - began) / 1000;
    console.log(
      `  ${i + 1} articles, ${elapsed.toFixed(0)} s, ${rssMiB().toFixed(0)} MiB peak RSS, ${copies} copies`,
    );
  }
}
const elapsedS = (performance.now() - began) / 1000;
const sorted = Float64Array.from(times).sort();
const quantile = (q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
console.log(`index: ${values.memory ? 'in-memory' : `SQLite file ${values.db}`}`);
console.log(
  `${total} articles in ${elapsedS.toFixed(1)} s (${(total / elapsedS).toFixed(0)} articles/s), ${copies} judged copies`,
);
console.log(
  `per article: median ${quantile(0.5).toFixed(3)} ms, p99 ${quantile(0.99).toFixed(3)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`,
);
console.log(
  `baseline (fingerprint only, same run): ${baselinePerArticle.toFixed(3)} ms/article; median decide / baseline = ${(quantile(0.5) / baselinePerArticle).toFixed(2)}x`,
);
console.log(`peak RSS ${rssMiB().toFixed(0)} MiB`);
