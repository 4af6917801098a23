/**
 * Builds (or finds already built) the bench/search stores: a SQLite file under bench/out/ and a
 * PostgreSQL schema, filled through the store port (`saveArticles` in large batches of ready drafts,
 * then `saveEnrichment`), bypassing readers and cleaning: this bench measures search, not ingest.
 * A marker (a `.done` file, a `bench_meta` table) records a complete build so re-runs skip it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { ArticleStore } from '../src/store/port.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { GENERATOR_VERSION, type ArticleGenerator } from './search-generate.js';

const BATCH = 5000;
const PG_ENRICH_CONCURRENCY = 6;

export interface BuildInfo {
  readonly articles: number;
  readonly enriched: number;
  readonly seconds: number;
  readonly cached: boolean;
}

const fill = async (
  store: ArticleStore,
  generator: ArticleGenerator,
  size: number,
  enrichConcurrency: number,
  log: (line: string) => void,
  enrichAll: (run: () => Promise<void>) => Promise<void> = (run) => run(),
): Promise<void> => {
  // Resumes an interrupted build: the last, maybe half-enriched batch is saved again (its articles
  // come back `unchanged`) and re-enriched (saveEnrichment replaces).
  const present = (await store.countStats()).articles;
  const start = Math.floor(Math.min(present, size) / BATCH) * BATCH;
  if (start > 0) log(`  ${store.backend}: resuming after ${start} articles`);
  const started = Date.now();
  for (let from = start; from < size; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, size - from) }, (_, k) =>
      generator.article(from + k),
    );
    const outcomes = await store.saveArticles(batch.map((b) => b.draft));
    const jobs = batch.flatMap((b, k) => {
      const id = outcomes[k]?.id;
      return b.enrichment && id ? [{ id, enrichment: b.enrichment }] : [];
    });
    await enrichAll(async () => {
      for (let j = 0; j < jobs.length; j += enrichConcurrency) {
        await Promise.all(
          jobs
            .slice(j, j + enrichConcurrency)
            .map((job) => store.saveEnrichment(job.id, job.enrichment)),
        );
      }
    });
    const done = from + batch.length;
    if (done % 50_000 < BATCH || done === size) {
      const rate = Math.round((done - start) / ((Date.now() - started) / 1000));
      log(`  ${store.backend}: ${done}/${size} articles (${rate}/s)`);
    }
  }
};

export const ensureSqliteStore = async (
  path: string,
  size: number,
  generator: () => ArticleGenerator,
  log: (line: string) => void,
): Promise<BuildInfo> => {
  const marker = `${path}.done`;
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as BuildInfo & { generator: string };
    if (info.generator === GENERATOR_VERSION && info.articles === size)
      return { ...info, cached: true };
  }
  rmSync(marker, { force: true });
  const started = Date.now();
  const store = SqliteStore.open({ path });
  // Bulk load only: a crash here just means rebuilding the bench file.
  store.database.pragma('synchronous = OFF');
  const db = store.database;
  // One transaction per batch of enrichments (each saveEnrichment nests as a savepoint).
  await fill(store, generator(), size, 1, log, async (run) => {
    db.exec('BEGIN');
    try {
      await run();
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  });
  log('  sqlite: merging FTS5 segments and ANALYZE');
  // A bulk-loaded archive is optimised once, as an operator would after an import.
  store.database.exec(`INSERT INTO articles_fts(articles_fts) VALUES ('optimize'); ANALYZE;`);
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  const enriched = (
    db.prepare('SELECT count(*) AS n FROM article_enrichments').get() as { n: number }
  ).n;
  await store.close();
  const info = {
    articles: size,
    enriched,
    seconds: (Date.now() - started) / 1000,
    cached: false,
  };
  writeFileSync(marker, JSON.stringify({ ...info, generator: GENERATOR_VERSION }));
  return info;
};

export const ensurePostgresStore = async (
  url: string,
  schema: string,
  size: number,
  generator: () => ArticleGenerator,
  log: (line: string) => void,
): Promise<BuildInfo> => {
  const probe = await PostgresStore.open({ url, schema, poolMax: 2 });
  const pool = probe.connectionPool;
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_meta (generator text, articles int, enriched int, seconds real)',
  );
  const found = await pool.query<{
    generator: string;
    articles: number;
    enriched: number;
    seconds: number;
  }>('SELECT generator, articles, enriched, seconds FROM bench_meta');
  const row = found.rows[0];
  await probe.close();
  if (row && row.generator === GENERATOR_VERSION && row.articles === size)
    return { articles: size, enriched: row.enriched, seconds: row.seconds, cached: true };

  const started = Date.now();
  const store = await PostgresStore.open({
    url,
    schema,
    poolMax: PG_ENRICH_CONCURRENCY + 2,
    // Bulk load only: losing the last commits on a server crash just means rebuilding.
    sessionSettings: { synchronous_commit: 'off' },
  });
  await fill(store, generator(), size, PG_ENRICH_CONCURRENCY, log);
  log('  postgres: VACUUM ANALYZE');
  const p = store.connectionPool;
  await p.query('VACUUM ANALYZE');
  const seconds = (Date.now() - started) / 1000;
  const enriched = Number(
    (await p.query<{ n: string }>('SELECT count(*) AS n FROM article_enrichments')).rows[0]?.n,
  );
  await p.query(
    'CREATE TABLE IF NOT EXISTS bench_meta (generator text, articles int, enriched int, seconds real)',
  );
  await p.query('INSERT INTO bench_meta VALUES ($1, $2, $3, $4)', [
    GENERATOR_VERSION,
    size,
    enriched,
    seconds,
  ]);
  await store.close();
  return { articles: size, enriched, seconds, cached: false };
};

export const dropPostgresSchema = async (url: string, schema: string): Promise<void> => {
  // A bare client: opening a store without a schema would migrate the public schema.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
};
