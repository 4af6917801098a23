/**
 * bench/search: p50/p95/p99 latency of `searchArticles` for a fixed, seeded mix of 200 queries on
 * stores of 100k and 1M articles recombined from the real corpora, beside the bare full-text query
 * for the same words measured in the same run (SQLite: FTS5 MATCH ORDER BY rank LIMIT 20;
 * PostgreSQL: search_vector @@ tsquery LIMIT 20). Bars: SQLite p95 < 50 ms, PostgreSQL < 100 ms
 * at 1M (issues 6 and 7).
 *
 *   npx tsx bench/convert-reuters.ts      # once: writes bench/out/reuters.jsonl
 *   npx tsx bench/search.ts [--sizes 100000,1000000] [--backend sqlite|postgres|both] [--keep-pg]
 *                           [--build-only] [--by-template]
 *
 * An interrupted build resumes where it stopped on the next run (the generator is deterministic).
 *
 * SQLite stores are cached as bench/out/search-<size>.db; PostgreSQL schemas bench_search_<size>
 * (SITREP_BENCH_PG or SITREP_TEST_PG, default postgres://postgres@127.0.0.1:5432/test) are dropped
 * at the end unless --keep-pg. Figures go to stdout and bench/out/search-results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { compileForFts5, compileForPostgres, parseQuery } from '../src/search/index.js';
import type { QueryAst } from '../src/search/index.js';
import type { ArticleStore } from '../src/store/port.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { dropPostgresSchema, ensurePostgresStore, ensureSqliteStore } from './search-build.js';
import type { BuildInfo } from './search-build.js';
import { loadSourceDocuments } from './search-corpus.js';
import { ArticleGenerator } from './search-generate.js';
import { buildQueryMix, type BenchQuery } from './search-queries.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const pgUrl =
  process.env['SITREP_BENCH_PG'] ??
  process.env['SITREP_TEST_PG'] ??
  'postgres://postgres@127.0.0.1:5432/test';
const SEED = 20260101;
const QUERY_COUNT = 200;
const LIMIT = 20;

const argValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const sizes = (argValue('--sizes') ?? '100000,1000000').split(',').map(Number);
const backendArg = argValue('--backend') ?? 'both';
const backends = backendArg === 'both' ? ['sqlite', 'postgres'] : [backendArg];
const keepPg = process.argv.includes('--keep-pg');
const buildOnly = process.argv.includes('--build-only');
const byTemplate = process.argv.includes('--by-template');
const log = (line: string): void => console.log(line);

let generatorCache: ArticleGenerator | undefined;
const generator = (): ArticleGenerator => {
  if (!generatorCache) {
    const docs = loadSourceDocuments(shared, join(out, 'reuters.jsonl'));
    log(`  loaded ${docs.length} source documents`);
    generatorCache = new ArticleGenerator(docs, SEED);
  }
  return generatorCache;
};

interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly n: number;
}

/** Nearest-rank percentiles, in milliseconds. */
const percentiles = (samples: number[]): Percentiles => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN, n: sorted.length };
};

const timed = async (run: () => unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const parse = (text: string): QueryAst => {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(`bench query ${text}: ${parsed.error.message}`);
  return parsed.value;
};

interface RunFigures {
  readonly backend: string;
  readonly size: number;
  readonly build: BuildInfo;
  readonly search: Percentiles;
  readonly searchWithBaseline: Percentiles;
  readonly baseline: Percentiles;
  readonly facetQueries: Percentiles;
  readonly estimatedTotals: number;
  readonly slowest: { query: string; ms: number; total: number }[];
  /** Per query template (words, phrase, filter kinds…), to show where the time goes. */
  readonly byTemplate: Record<string, Percentiles>;
}

const measure = async (
  store: ArticleStore,
  queries: BenchQuery[],
  baselineRun: (words: string) => Promise<unknown>,
): Promise<Omit<RunFigures, 'backend' | 'size' | 'build'>> => {
  const request = (q: BenchQuery) => ({
    query: parse(q.text),
    limit: LIMIT,
    facets: q.facets,
    ...(q.sort ? { sort: q.sort } : {}),
  });
  // One untimed pass warms caches for both, as a running server would be.
  for (const q of queries) {
    await store.searchArticles(request(q));
    if (q.baseline !== undefined) await baselineRun(q.baseline);
  }
  const all: number[] = [];
  const withBaseline: number[] = [];
  const baseline: number[] = [];
  const facet: number[] = [];
  const perTemplate = new Map<string, number[]>();
  const slow: { query: string; ms: number; total: number }[] = [];
  let estimated = 0;
  for (const q of queries) {
    let total = 0;
    const ms = await timed(async () => {
      const result = await store.searchArticles(request(q));
      total = result.total;
      if (result.totalIsEstimate) estimated++;
    });
    all.push(ms);
    if (q.facets) facet.push(ms);
    const key = `${q.template}${q.facets ? '+facets' : ''}`;
    perTemplate.set(key, [...(perTemplate.get(key) ?? []), ms]);
    slow.push({
      query: `${q.text}${q.facets ? ' [facets]' : ''}${q.sort ? ' [newest]' : ''}`,
      ms,
      total,
    });
    if (q.baseline !== undefined) {
      withBaseline.push(ms);
      const words = q.baseline;
      baseline.push(await timed(() => baselineRun(words)));
    }
  }
  slow.sort((a, b) => b.ms - a.ms);
  return {
    search: percentiles(all),
    searchWithBaseline: percentiles(withBaseline),
    baseline: percentiles(baseline),
    facetQueries: percentiles(facet),
    estimatedTotals: estimated,
    slowest: slow.slice(0, 5),
    byTemplate: Object.fromEntries(
      [...perTemplate.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, percentiles(v)]),
    ),
  };
};

const runSqlite = async (size: number, queries: BenchQuery[]): Promise<RunFigures> => {
  const path = join(out, `search-${size}.db`);
  const build = await ensureSqliteStore(path, size, generator, log);
  if (buildOnly) throw new BuildOnly(build);
  const store = SqliteStore.open({ path });
  const bare = new Database(path, { readonly: true });
  const baselineSql = bare.prepare(
    'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20',
  );
  const figures = await measure(store, queries, async (words) => {
    const match = compileForFts5(parse(words)).match;
    if (match !== undefined) baselineSql.all(match);
  });
  bare.close();
  await store.close();
  return { backend: 'sqlite', size, build, ...figures };
};

const runPostgres = async (size: number, queries: BenchQuery[]): Promise<RunFigures> => {
  const schema = `bench_search_${size}`;
  const build = await ensurePostgresStore(pgUrl, schema, size, generator, log);
  if (buildOnly) throw new BuildOnly(build);
  const store = await PostgresStore.open({ url: pgUrl, schema });
  const pool = store.connectionPool;
  const figures = await measure(store, queries, async (words) => {
    const tsquery = compileForPostgres(parse(words)).tsquery;
    if (tsquery !== undefined)
      await pool.query('SELECT id FROM articles WHERE search_vector @@ $1::tsquery LIMIT 20', [
        tsquery,
      ]);
  });
  await store.close();
  if (!keepPg) await dropPostgresSchema(pgUrl, schema);
  return { backend: 'postgres', size, build, ...figures };
};

/** Thrown after a build with --build-only, to skip the measurements. */
class BuildOnly extends Error {
  constructor(readonly build: BuildInfo) {
    super('build only');
  }
}

const fmt = (p: Percentiles): string =>
  `p50 ${p.p50.toFixed(1)}  p95 ${p.p95.toFixed(1)}  p99 ${p.p99.toFixed(1)}  max ${p.max.toFixed(1)} ms (n=${p.n})`;

const main = async (): Promise<void> => {
  mkdirSync(out, { recursive: true });
  const queries = buildQueryMix(QUERY_COUNT, SEED);
  const results: RunFigures[] = [];
  for (const size of sizes) {
    for (const backend of backends) {
      log(`== ${backend} ${size.toLocaleString('en')} articles`);
      let figures: RunFigures;
      try {
        figures =
          backend === 'sqlite' ? await runSqlite(size, queries) : await runPostgres(size, queries);
      } catch (error) {
        if (!(error instanceof BuildOnly)) throw error;
        log(`  built: ${JSON.stringify(error.build)}`);
        continue;
      }
      results.push(figures);
      const b = figures.build;
      log(
        `  store: ${b.articles} articles, ${b.enriched} enriched, built in ${b.seconds.toFixed(0)} s${b.cached ? ' (cached)' : ''}`,
      );
      log(`  search, all ${QUERY_COUNT} queries:    ${fmt(figures.search)}`);
      log(`  search, queries with words:  ${fmt(figures.searchWithBaseline)}`);
      log(`  baseline, same words:        ${fmt(figures.baseline)}`);
      log(`  search with facets:          ${fmt(figures.facetQueries)}`);
      log(
        `  ratio search/baseline: p50 ${(figures.searchWithBaseline.p50 / figures.baseline.p50).toFixed(1)}x  p95 ${(figures.searchWithBaseline.p95 / figures.baseline.p95).toFixed(1)}x`,
      );
      log(`  totals reported as lower bounds: ${figures.estimatedTotals}/${QUERY_COUNT}`);
      log('  slowest:');
      for (const s of figures.slowest)
        log(`    ${s.ms.toFixed(1)} ms  total ${s.total}  ${s.query}`);
      if (byTemplate) {
        log('  by template:');
        for (const [name, p] of Object.entries(figures.byTemplate))
          log(`    ${name.padEnd(22)} ${fmt(p)}`);
      }
    }
  }
  if (!buildOnly)
    writeFileSync(join(out, 'search-results.json'), `${JSON.stringify(results, null, 2)}\n`);
};

await main();
