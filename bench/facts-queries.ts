/**
 * Entity and fact queries on a synthetic store: how long each port method takes at size, as a
 * ratio to one `listArticles` page measured in the same run.
 *
 *   node --import tsx bench/facts-queries.ts [articles=20000]
 *   SITREP_BENCH_STORE=postgres://postgres@127.0.0.1:5432/test?schema=bench_facts node --import tsx bench/facts-queries.ts
 *
 * SITREP_BENCH_STORE names a store to fill (or to reuse when it already holds that many articles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleEnrichment } from '../src/core/enrichment.js';
import { openStore } from '../src/store/open-store.js';
import type { ArticleStore } from '../src/store/port.js';
import { draftFor } from '../src/store/store-contract.suite.js';

const ARTICLES = Number(process.argv[2] ?? 20_000);
const ENTITIES = 2_000;
const TYPES = ['PERSON', 'ORG', 'GPE', 'WEAPON'];

/** Deterministic pseudo-random numbers, so every run measures the same store. */
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
/** Skewed like real mentions: a few entities in many articles. */
const entityIndex = (): number => Math.floor(ENTITIES * random() ** 3);
const entityId = (i: number): string => `kb:e${i}`;

const enrichmentFor = (n: number): ArticleEnrichment => {
  const ids = Array.from({ length: 8 }, entityIndex);
  return {
    version: 'bench-1',
    entities: ids.map((i, k) => ({
      text: `Entity ${i}`,
      start: k * 20,
      end: k * 20 + 10,
      type: TYPES[i % TYPES.length]!,
      id: entityId(i),
      name: `Entity ${i}`,
    })),
    countries: [],
    figures: Array.from({ length: 3 }, (_, k) => ({
      text: `${n + k} troops`,
      start: 200 + k * 20,
      end: 210 + k * 20,
      kind: ['count', 'money', 'percent'][k]!,
      value: n + k,
      unit: ['troops', 'EUR', '%'][k]!,
    })),
    quotes: [0, 1].map((k) => ({
      text: `"Quote ${k}"`,
      start: 300 + k * 20,
      end: 310 + k * 20,
      kind: 'direct',
      speaker: `Entity ${ids[k]!}`,
      speakerId: entityId(ids[k]!),
      anonymous: false,
    })),
    relations: [
      {
        subjectId: entityId(ids[0]!),
        subjectName: `Entity ${ids[0]!}`,
        predicate: 'supplies',
        objectId: entityId(ids[1]!),
        objectName: `Entity ${ids[1]!}`,
        negated: false,
        start: 400,
        end: 440,
      },
    ],
    document: null,
  };
};

const time = async (label: string, body: () => Promise<unknown>, runs = 20): Promise<number> => {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  results.push([label, median]);
  return median;
};
const results: [string, number][] = [];

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-facts-'));
const location = process.env['SITREP_BENCH_STORE'] ?? join(dir, 'facts.db');
const store: ArticleStore = await openStore(location);
try {
  // A kept store (SITREP_BENCH_STORE) already loaded is measured as it is.
  const loaded = (await store.countStats()).articles >= ARTICLES;
  const loadStart = performance.now();
  for (let from = 0; !loaded && from < ARTICLES; from += 500) {
    const drafts = Array.from({ length: Math.min(500, ARTICLES - from) }, (_, k) =>
      draftFor(`bench-${from + k}`, {
        published: new Date(Date.UTC(2024, 0, 1) + (from + k) * 3_600_000).toISOString(),
      }),
    );
    const outcomes = await store.saveArticles(drafts);
    for (const [k, outcome] of outcomes.entries()) {
      await store.saveEnrichment(outcome.id, enrichmentFor(from + k));
    }
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  if (!loaded)
    console.log(
      `${store.backend}: ${ARTICLES} articles (8 mentions, 3 figures, 2 quotes, 1 relation each) ` +
        `saved and enriched in ${loadSeconds.toFixed(1)} s (${Math.round(ARTICLES / loadSeconds)} articles/s)`,
    );
  const popular = entityId(0);
  const rare = entityId(ENTITIES - 1);
  const baseline = await time('listArticles limit 20 (baseline)', () =>
    store.listArticles({ limit: 20 }),
  );
  await time('listEntities limit 50', () => store.listEntities({ limit: 50 }));
  await time('listEntities type+prefix', () =>
    store.listEntities({ type: 'WEAPON', namePrefix: 'entity 1', limit: 50 }),
  );
  await time('getEntity by id (popular)', () => store.getEntity(popular));
  await time('getEntity by name (rare)', () => store.getEntity(`entity ${ENTITIES - 1}`));
  await time('entityTimeline (popular)', () => store.entityTimeline(popular));
  await time('listCooccurringEntities (popular)', () => store.listCooccurringEntities(popular, 10));
  await time('listFigures limit 20', () => store.listFigures({ limit: 20 }));
  await time('listFigures entity (popular)', () =>
    store.listFigures({ entityId: popular, limit: 20 }),
  );
  await time('listFigures kind=money', () => store.listFigures({ kind: 'money', limit: 20 }));
  await time('listQuotes speaker (rare)', () => store.listQuotes({ speakerId: rare, limit: 20 }));
  await time('listRelations entity (popular)', () =>
    store.listRelations({ entityId: popular, limit: 20 }),
  );
  for (const [label, ms] of results) {
    console.log(
      `${label.padEnd(36)} ${ms.toFixed(2).padStart(9)} ms  x${(ms / baseline).toFixed(1)}`,
    );
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
