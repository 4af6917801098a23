/**
 * The synthetic articles of bench/dedup-scale.ts, generated in a worker thread so generating them
 * (a regex pass with a random draw per word) runs beside the index on the second core and is not
 * counted as indexing time; on request the worker also fingerprints them (a pure stage function),
 * as a pipeline could on its second core. Articles come in the same seeded sequence as a
 * single-threaded run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintArticle } from '../src/dedup/article-fingerprint.js';
import type { FingerprintWithBands } from '../src/dedup/article-fingerprint.js';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/dedup-options.js';
import { readBbc, readReuters } from './dedup-corpora.js';
import type { CorpusArticle } from './dedup-corpora.js';
import { seededRandom } from './syndication-generator.js';

export interface SyntheticArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly published: string;
}

/** A request for articles `first` .. `first + count - 1` (ids may be negative for the baseline). */
export interface ArticleRequest {
  readonly first: number;
  readonly count: number;
  /** Fingerprint them too (with the default options). */
  readonly fingerprint: boolean;
}

export interface GeneratedBatch {
  readonly articles: SyntheticArticle[];
  /** Present when fingerprints were requested, one per article. */
  readonly fingerprints?: FingerprintWithBands[];
  /** Time the worker spent fingerprinting this batch. */
  readonly fingerprintMs: number;
}

export const syntheticArticles = (seed: number): ((i: number) => SyntheticArticle) => {
  const random = seededRandom(seed);
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
  return (i: number): SyntheticArticle => {
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
};

// Worker side: answer each request in arrival order, so the sequence stays the seeded one.
if (parentPort) {
  const port = parentPort;
  const synthetic = syntheticArticles(Number(workerData));
  port.on('message', (request: ArticleRequest) => {
    const articles = Array.from({ length: request.count }, (_, k) =>
      synthetic(request.first < 0 ? request.first - k : request.first + k),
    );
    const started = performance.now();
    const fingerprints = request.fingerprint
      ? articles.map((article) => fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS))
      : undefined;
    const batch: GeneratedBatch = {
      articles,
      ...(fingerprints ? { fingerprints } : {}),
      fingerprintMs: performance.now() - started,
    };
    port.postMessage(batch);
  });
}
