/**
 * bench/ledger: what the claim ledger and dependency graph add to ingest. The same enriched ingest
 * of bbc-fulltext + RUWA runs twice per repeat in fresh SQLite files, each phase in its own child
 * process: `without` hides the store's ledger (so the ingest hook does nothing), `with` is what
 * users run. Also times the hook's own work (the ledger update calls) inside `with`, and a full
 * `ledger rebuild` from stored enrichment. The bar: `with` / `without` < 1.20.
 *
 *   npx tsx bench/convert-ruwa.ts     # once: bench/out/ruwa.jsonl
 *   npx tsx bench/ledger.ts [--repeat 1] [--only ruwa|bbc]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { rebuildLedger } from '../src/services/ledger-update.js';
import type { ArticleStore } from '../src/store/port.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

type Phase = 'without' | 'with';
interface PhaseResult {
  phase: Phase;
  articles: number;
  seconds: number;
  ledgerSeconds?: number;
  rebuildSeconds?: number;
  counts?: { articles: number; claims: number; edges: number; alternatives: number };
}

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');

/** The store as ingest sees it, without its ledger: the hook then skips every article. */
const withoutLedger = (store: SqliteStore): ArticleStore =>
  new Proxy(store, {
    get: (target, property) =>
      property === 'ledger' ? undefined : (Reflect.get(target, property, target) as unknown),
  }) as ArticleStore;

/** Times every ledger write (the hook's replaceArticle calls and their reads are a small part). */
const timedLedger = (store: SqliteStore, spent: { ms: number }): void => {
  const ledger = store.ledger;
  const replace = ledger.replaceArticle.bind(ledger);
  ledger.replaceArticle = async (...args) => {
    const started = performance.now();
    await replace(...args);
    spent.ms += performance.now() - started;
  };
};

const runPhase = async (phase: Phase, paths: string[]): Promise<PhaseResult> => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ledger-'));
  const store = SqliteStore.open({ path: join(dir, 'bench.db') });
  const enricher = await loadEnricher();
  const spent = { ms: 0 };
  if (phase === 'with') timedLedger(store, spent);
  const started = process.hrtime.bigint();
  const summary = await ingestPaths(paths, phase === 'with' ? store : withoutLedger(store), {
    enricher,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: PhaseResult = {
    phase,
    articles: summary.added + summary.unchanged + summary.revised,
    seconds,
  };
  if (phase === 'with') {
    const rebuildStarted = process.hrtime.bigint();
    await rebuildLedger(store, { force: true });
    result.rebuildSeconds = Number(process.hrtime.bigint() - rebuildStarted) / 1e9;
    result.ledgerSeconds = spent.ms / 1000;
    result.counts = await store.ledger.counts();
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
};

const child = process.argv.indexOf('--child');
if (child >= 0) {
  const phase = process.argv[child + 1] as Phase;
  process.stdout.write(JSON.stringify(await runPhase(phase, process.argv.slice(child + 2))));
  process.exit(0);
}

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const repeat = Number(option('--repeat') ?? 1);
const only = option('--only');
const corpora: Record<string, string> = {
  bbc: join(shared, 'corpora', 'bbc-fulltext', 'bbc'),
  ruwa: join(here, 'out', 'ruwa.jsonl'),
};
const paths = Object.entries(corpora)
  .filter(([name]) => !only || name === only)
  .map(([, path]) => path);
for (const path of paths)
  if (!existsSync(path)) {
    console.log(`skip: ${path} absent (RUWA: run npx tsx bench/convert-ruwa.ts first)`);
    process.exit(0);
  }

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const results: Record<Phase, PhaseResult[]> = { without: [], with: [] };
for (let i = 0; i < repeat; i++)
  for (const phase of ['without', 'with'] as const) {
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', phase, ...paths],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (out.status !== 0) throw new Error(`phase ${phase} failed: ${out.stderr}`);
    results[phase].push(JSON.parse(out.stdout) as PhaseResult);
  }

const base = median(results.without.map((r) => r.seconds));
const full = median(results.with.map((r) => r.seconds));
const last = results.with.at(-1)!;
console.log(
  `corpora: ${paths.join(' + ')}; ${repeat} run(s) per phase; CPU shared with other work, timings noisy`,
);
console.log(
  `ingest without ledger  ${base.toFixed(1)} s  (${results.without[0]!.articles} articles)`,
);
console.log(
  `ingest with ledger     ${full.toFixed(1)} s  -> ${(full / base).toFixed(3)}x (bar < 1.20x)`,
);
console.log(
  `  of which ledger writes ${last.ledgerSeconds?.toFixed(2)} s (${((100 * (last.ledgerSeconds ?? 0)) / base).toFixed(1)}% of the baseline)`,
);
console.log(`full ledger rebuild from stored enrichment ${last.rebuildSeconds?.toFixed(1)} s`);
console.log(`ledger rows: ${JSON.stringify(last.counts)}`);
