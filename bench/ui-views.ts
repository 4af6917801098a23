/**
 * bench/ui-views: server response time of every web UI view (the whole server-rendered page, read
 * through src/services and rendered with hono/jsx) on a 100k-article SQLite store, beside the JSON
 * API's time for the same data in the same run. Bar (issue 17): every view's p95 < 100 ms.
 *
 *   npx tsx bench/convert-reuters.ts     # once: writes bench/out/reuters.jsonl
 *   npx tsx bench/ui-views.ts [--size 100000] [--samples 40]
 *
 * The store is bench/search.ts's (the same generator, cached as bench/out/search-<size>.db), copied
 * to bench/out/ui-views-<size>.db and given what the generator leaves out, so every view has data:
 * figures, quotes and relations on the newest FACT_ARTICLES articles (built from their own entity
 * mentions, evidence offsets in their text), and syndication + stories for the newest
 * ORGANISED_ARTICLES (the real organise stage). Requests run in-process (`app.request`), so the
 * figures are the server's work without network. Machine shared with other jobs: timings are noisy.
 * Overview, entity index and entity pages read the per-entity and per-source aggregates the store
 * keeps at write time (migrations 140-141; an older store is backfilled when opened, before any
 * timing): the first request after start is printed apart as "cold". The graph's API counterpart is one
 * page of /api/relations (its page size caps at 100; the page reads up to 400 relations).
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleEnrichment } from '../src/core/enrichment.js';
import { organiseSaved } from '../src/pipeline/organise.js';
import { createApp } from '../src/server/create-app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ensureSqliteStore } from './search-build.js';
import { loadSourceDocuments } from './search-corpus.js';
import { ArticleGenerator } from './search-generate.js';
import { buildQueryMix } from './search-queries.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const SEED = 20260101;
const FACT_ARTICLES = 20_000;
const ORGANISED_ARTICLES = 5_000;
const BAR_MS = 100;

const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const size = Number(argValue('--size') ?? 100_000);
const samples = Number(argValue('--samples') ?? 40);
const log = (line: string): void => console.log(line);

let generatorCache: ArticleGenerator | undefined;
const generator = (): ArticleGenerator =>
  (generatorCache ??= new ArticleGenerator(
    loadSourceDocuments(shared, join(out, 'reuters.jsonl')),
    SEED,
  ));

/** Facts an enricher would store, made from the article's own mentions and sentences. */
const withFacts = (text: string, enrichment: ArticleEnrichment): ArticleEnrichment => {
  const mentions = enrichment.entities;
  const first = mentions[0];
  const second = mentions.find((m) => m.id !== first?.id);
  if (!first || !second) return enrichment;
  const sentenceEnd = text.indexOf('.', second.end);
  const end = sentenceEnd < 0 ? second.end : sentenceEnd + 1;
  const number = /\d[\d,.]*/.exec(text);
  return {
    ...enrichment,
    relations: [
      {
        subjectId: first.id,
        subjectName: first.name,
        predicate: 'supplies',
        objectId: second.id,
        objectName: second.name,
        negated: false,
        start: first.start,
        end,
      },
    ],
    quotes: [
      {
        text: text.slice(first.start, end),
        start: first.start,
        end,
        kind: 'partial',
        speaker: second.name,
        speakerId: second.id,
        anonymous: false,
      },
    ],
    figures: number
      ? [
          {
            text: number[0],
            start: number.index,
            end: number.index + number[0].length,
            kind: 'count',
            value: Number(number[0].replace(/,/g, '')) || 0,
            unit: 'units',
            subject: first.name,
            entityId: first.id,
          },
        ]
      : [],
  };
};

const prepareStore = async (): Promise<string> => {
  const base = join(out, `search-${size}.db`);
  const info = await ensureSqliteStore(base, size, generator, log);
  log(
    `  base store: ${info.articles} articles (${info.cached ? 'cached' : `built in ${info.seconds.toFixed(0)} s`})`,
  );
  const path = join(out, `ui-views-${size}.db`);
  if (existsSync(`${path}.done`)) return path;
  copyFileSync(base, path);
  const store = SqliteStore.open({ path });
  const started = Date.now();
  const from = Math.max(0, size - Math.max(FACT_ARTICLES, ORGANISED_ARTICLES));
  const BATCH = 1000;
  for (let at = from; at < size; at += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, size - at) }, (_, k) =>
      generator().article(at + k),
    );
    const outcomes = await store.saveArticles(batch.map((b) => b.draft));
    const names = new Map<string, string[]>();
    await store.inTransaction!(async () => {
      for (const [k, b] of batch.entries()) {
        const id = outcomes[k]?.id;
        if (!id || !b.enrichment) continue;
        names.set(id, [...new Set(b.enrichment.entities.map((e) => e.name))]);
        if (at + k >= size - FACT_ARTICLES)
          await store.saveEnrichment(id, withFacts(b.draft.text, b.enrichment));
      }
    });
    if (at + BATCH > size - ORGANISED_ARTICLES) {
      const keep = batch.map((_, k) => at + k >= size - ORGANISED_ARTICLES);
      await organiseSaved(
        store,
        batch.filter((_, k) => keep[k]).map((b) => b.draft),
        outcomes.filter((_, k) => keep[k]),
        names,
      );
    }
    log(`  facts and stories: ${at + batch.length - from} / ${size - from}`);
  }
  await store.close();
  writeFileSync(`${path}.done`, JSON.stringify({ size, seconds: (Date.now() - started) / 1000 }));
  return path;
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface Pair {
  readonly view: string;
  readonly ui: string;
  /** The JSON the API serves for the same data (several calls when the page shows several). */
  readonly api: readonly string[];
}

const main = async (): Promise<void> => {
  log(`== bench/ui-views on ${size.toLocaleString('en')} articles (SQLite)`);
  const path = await prepareStore();
  const store = SqliteStore.open({ path });
  const app = createApp({ store, auth: { readsOpen: true } });
  const entities = await store.listEntities({ limit: 400 });
  const pick = <T>(items: readonly T[], n: number): T[] =>
    Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T).filter(
      Boolean,
    );
  const recent = (await store.listArticles({ limit: 500 })).items;
  const stories = store.stories
    ? await store.stories.listStoryHeaders({ limit: 400, minArticles: 2 })
    : [];
  const queries = buildQueryMix(samples, SEED).map((q) => q.text);
  const enc = encodeURIComponent;
  const pairs: Pair[] = [
    ...Array.from({ length: samples }, () => ({
      view: 'overview',
      ui: '/',
      api: [
        '/api/stats',
        '/api/articles?limit=10',
        '/api/entities?limit=10',
        '/api/stories?limit=8&min_articles=2',
      ],
    })),
    ...queries.map((q) => ({
      view: 'search',
      ui: `/search?q=${enc(q)}`,
      api: [`/api/search?q=${enc(q)}&limit=20`],
    })),
    ...pick(recent, samples).map((a) => ({
      view: 'article',
      ui: `/articles/${a.id}`,
      api: [`/api/articles/${a.id}`],
    })),
    ...pick(entities, samples).map((e) => ({
      view: 'entity',
      ui: `/entities/${enc(e.id)}`,
      api: [`/api/entities/${enc(e.id)}?limit=20`],
    })),
    ...Array.from({ length: samples }, () => ({
      view: 'entities',
      ui: '/entities',
      api: ['/api/entities?limit=100'],
    })),
    ...pick(stories, samples).map((s) => ({
      view: 'story',
      ui: `/stories/${enc(s.id)}`,
      api: [`/api/stories/${enc(s.id)}`],
    })),
    ...Array.from({ length: samples }, () => ({
      view: 'stories',
      ui: '/stories',
      api: ['/api/stories?limit=20'],
    })),
    ...pick(entities, samples).map((e) => ({
      view: 'graph',
      ui: `/graph?entity=${enc(e.id)}`,
      api: [`/api/relations?entity=${enc(e.id)}&limit=100`],
    })),
    ...Array.from({ length: samples }, () => ({
      view: 'graph (all)',
      ui: '/graph',
      api: ['/api/relations?limit=100'],
    })),
  ];
  // Wall time is what the bar names; CPU time (this process's user + system time over the request,
  // which runs on one thread with synchronous SQLite) is what a shared, loaded machine cannot inflate.
  const cpu = { ui: new Map<string, number[]>(), api: new Map<string, number[]>() };
  const time = async (path: string, view?: string, side?: 'ui' | 'api'): Promise<number> => {
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    const response = await app.request(path);
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`${path}: HTTP ${response.status}`);
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpuStarted);
    if (view && side) {
      const list = cpu[side].get(view) ?? [];
      cpu[side].set(view, list);
      list.push((used.user + used.system) / 1000);
    }
    return wall;
  };
  // Cold: the first request after start (cold SQLite pages, the KB load); no view caches aggregates.
  const cold: Record<string, number> = {};
  for (const [view, path] of [
    ['overview', '/'],
    ['entities', '/entities'],
    ['entity', `/entities/${enc(entities[0]?.id ?? '')}`],
  ] as const)
    cold[view] = await time(path);
  log(
    `  cold first requests (ms): ${Object.entries(cold)
      .map(([v, ms]) => `${v} ${ms.toFixed(0)}`)
      .join(', ')}`,
  );
  // One warm-up pass (SQLite pages come into the page cache).
  for (const pair of pairs.filter((_, i) => i % 5 === 0)) {
    await time(pair.ui);
    for (const api of pair.api) await time(api);
  }
  const byView = new Map<string, { ui: number[]; api: number[] }>();
  for (const pair of pairs) {
    const entry = byView.get(pair.view) ?? { ui: [], api: [] };
    byView.set(pair.view, entry);
    entry.ui.push(await time(pair.ui, pair.view, 'ui'));
    let api = 0;
    const apiCpu = cpu.api.get(pair.view)?.length ?? 0;
    for (const path of pair.api) api += await time(path, pair.view, 'api');
    // One API sample per page: the calls the page stands for, summed.
    const calls = cpu.api.get(pair.view)!.splice(apiCpu);
    cpu.api.get(pair.view)!.push(calls.reduce((a, b) => a + b, 0));
    entry.api.push(api);
  }
  const rows: Record<string, unknown>[] = [];
  log(
    '\nview          n   UI p50   UI p95   API p50  API p95  UI/API p95  bar   UI cpu p50/p95  API cpu p50/p95',
  );
  for (const [view, { ui, api }] of byView) {
    ui.sort((a, b) => a - b);
    api.sort((a, b) => a - b);
    const uiCpu = [...(cpu.ui.get(view) ?? [])].sort((a, b) => a - b);
    const apiCpu = [...(cpu.api.get(view) ?? [])].sort((a, b) => a - b);
    const row = {
      view,
      n: ui.length,
      ui_p50: percentile(ui, 50),
      ui_p95: percentile(ui, 95),
      api_p50: percentile(api, 50),
      api_p95: percentile(api, 95),
      ui_cpu_p50: percentile(uiCpu, 50),
      ui_cpu_p95: percentile(uiCpu, 95),
      api_cpu_p50: percentile(apiCpu, 50),
      api_cpu_p95: percentile(apiCpu, 95),
    };
    rows.push(row);
    const pair = (a: number, b: number) => `${a.toFixed(1)}/${b.toFixed(1)}`.padStart(15);
    log(
      `${view.padEnd(12)} ${String(row.n).padStart(3)} ${row.ui_p50.toFixed(1).padStart(8)} ${row.ui_p95.toFixed(1).padStart(8)} ${row.api_p50.toFixed(1).padStart(9)} ${row.api_p95.toFixed(1).padStart(8)} ${(row.ui_p95 / row.api_p95).toFixed(2).padStart(11)}  ${(row.ui_p95 < BAR_MS ? 'ok' : 'NOT REACHED').padEnd(11)} ${pair(row.ui_cpu_p50, row.ui_cpu_p95)} ${pair(row.api_cpu_p50, row.api_cpu_p95)}`,
    );
  }
  writeFileSync(
    join(out, 'ui-views-results.json'),
    JSON.stringify({ size, samples, rows }, null, 2),
  );
  await store.close();
};

await main();
