/**
 * bench/ingest: parse + store throughput of `sitrep ingest` on real corpora.
 *
 *   npx tsx bench/convert-reuters.ts          # once: writes bench/out/reuters.jsonl
 *   npx tsx bench/ingest.ts [--repeat 3] [--only bbc|reuters]
 *
 * Each phase runs in its own child process so peak RSS is that phase's own. Phases:
 *   read   - walk + sniff + parse only (the baseline, measured in the same run)
 *   clean  - read + cleaning stages + drafting
 *   store  - the full ingest into a fresh SQLite file (what users run)
 * Ratios are against `read`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftArticle } from '../src/pipeline/draft-article.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { measureInputs, readInputs } from '../src/pipeline/read-inputs.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

type Phase = 'read' | 'clean' | 'store';
interface PhaseResult {
  phase: Phase;
  articles: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');

const runPhase = async (phase: Phase, paths: string[]): Promise<PhaseResult> => {
  const bytes = await measureInputs(paths);
  const started = process.hrtime.bigint();
  let articles = 0;
  if (phase === 'store') {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
    const store = SqliteStore.open({ path: join(dir, 'bench.db') });
    const summary = await ingestPaths(paths, store);
    articles = summary.added + summary.unchanged + summary.revised;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    for await (const event of readInputs(paths)) {
      if (event.kind !== 'item') continue;
      if (phase === 'clean' && !draftArticle(event.item).ok) continue;
      articles++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { phase, articles, bytes, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
};

const child = process.argv.indexOf('--child');
if (child >= 0) {
  const phase = process.argv[child + 1] as Phase;
  const paths = process.argv.slice(child + 2);
  process.stdout.write(JSON.stringify(await runPhase(phase, paths)));
  process.exit(0);
}

const repeatIndex = process.argv.indexOf('--repeat');
const repeat = repeatIndex >= 0 ? Number(process.argv[repeatIndex + 1]) : 3;
const corpora: { name: string; paths: string[] }[] = [
  { name: 'bbc-fulltext (2,225 txt)', paths: [join(shared, 'corpora', 'bbc-fulltext', 'bbc')] },
  { name: 'reuters-21578 (JSONL)', paths: [join(here, 'out', 'reuters.jsonl')] },
];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
for (const corpus of corpora) {
  if (only && !corpus.name.startsWith(only)) continue;
  if (!corpus.paths.every((p) => existsSync(p))) {
    console.log(`skip ${corpus.name}: ${corpus.paths.join(', ')} absent`);
    continue;
  }
  console.log(`\n${corpus.name}`);
  const results: Record<Phase, PhaseResult[]> = { read: [], clean: [], store: [] };
  for (let i = 0; i < repeat; i++) {
    for (const phase of ['read', 'clean', 'store'] as const) {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', phase, ...corpus.paths],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (out.status !== 0) throw new Error(`phase ${phase} failed: ${out.stderr}`);
      results[phase].push(JSON.parse(out.stdout) as PhaseResult);
    }
  }
  const baseline = median(results.read.map((r) => r.seconds));
  console.log('phase   articles  median s  articles/s     MB/s  peak RSS MB  time vs read');
  for (const phase of ['read', 'clean', 'store'] as const) {
    const runs = results[phase];
    const seconds = median(runs.map((r) => r.seconds));
    const first = runs[0]!;
    console.log(
      [
        phase.padEnd(6),
        String(first.articles).padStart(9),
        seconds.toFixed(2).padStart(9),
        (first.articles / seconds).toFixed(0).padStart(11),
        (first.bytes / 1e6 / seconds).toFixed(2).padStart(8),
        Math.max(...runs.map((r) => r.peakRssMb))
          .toFixed(0)
          .padStart(12),
        `${(seconds / baseline).toFixed(2)}x`.padStart(13),
      ].join(' '),
    );
  }
}
