/**
 * bench/backfill: a large generated archive ingested as a user would, `sitrep ingest -` reading
 * JSONL from a pipe (built CLI: run `npm run build` first). The articles are recombined from the
 * real corpora by bench/search-generate.ts (base document + paragraphs of others, an outlet, a date
 * in 2020-2026) and written to the pipe as they are generated, so neither this process nor the
 * CLI ever holds the input: the pipe's back-pressure paces the generator.
 *
 * Reports articles/s, CPU seconds per article and peak RSS of the CLI (from /usr/bin/time), the
 * load average, and the writer's per-phase split (`ingest --timings`); the issue's bar is
 * --n 1000000 in < 75 min with peak RSS < 1 GiB. With `--baseline DIR` (a built checkout of
 * another revision, see bench/ingest-threads.ts) that revision's CLI ingests the same generated
 * archive first, in the same run.
 *
 *   npx tsx bench/convert-reuters.ts          # once: bench/out/reuters.jsonl
 *   npx tsx bench/backfill.ts [--n 20000] [--threads auto] [--no-enrich] [--seed 1] [--baseline DIR]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSourceDocuments } from './search-corpus.js';
import { ArticleGenerator } from './search-generate.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    threads: { type: 'string', default: 'auto' },
    'no-enrich': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    baseline: { type: 'string' },
  },
});

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const reuters = join(here, 'out', 'reuters.jsonl');
if (!existsSync(reuters)) {
  console.error('bench/out/reuters.jsonl is missing: run `npx tsx bench/convert-reuters.ts` first');
  process.exit(2);
}
const total = Number(values.n);
const documents = loadSourceDocuments(shared, reuters);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-backfill-'));
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** One CLI ingesting the generated archive from a pipe; `timings` only where the CLI has the flag. */
const backfill = async (label: string, cli: string, timings: boolean) => {
  const generator = new ArticleGenerator(documents, Number(values.seed));
  const cliArgs = [
    cli,
    'ingest',
    '-',
    '--db',
    join(dir, `${label}.db`),
    '--json',
    '--threads',
    values.threads ?? 'auto',
    ...(values['no-enrich'] ? ['--no-enrich'] : []),
    ...(timings ? ['--timings'] : []),
  ];
  const useTime = existsSync('/usr/bin/time');
  const loadBefore = load();
  const started = performance.now();
  const child = useTime
    ? spawn('/usr/bin/time', ['-v', process.execPath, ...cliArgs], {
        stdio: ['pipe', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, cliArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let i = 0; i < total; i++) {
    const { draft } = generator.article(i);
    const line = `${JSON.stringify({
      url: `https://bench.example/backfill/${values.seed}/${i}`,
      title: draft.title,
      text: draft.text,
      published: draft.published,
      source: draft.source,
    })}\n`;
    if (!child.stdin.write(line))
      await new Promise<void>((resolve) => child.stdin.once('drain', resolve));
    if ((i + 1) % 10_000 === 0)
      console.log(
        `  ${label}: ${i + 1} written after ${((performance.now() - started) / 1000).toFixed(0)} s (load ${load()})`,
      );
  }
  child.stdin.end();
  const code = await exited;
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const cpu = user && system ? Number(user) + Number(system) : undefined;
  const summary = JSON.parse(stdout || '{}') as { added?: number; unchanged?: number };
  const stored = (summary.added ?? 0) + (summary.unchanged ?? 0);
  console.log(
    `${label}: ${total} generated, ${stored} stored in ${seconds.toFixed(1)} s = ${(stored / seconds).toFixed(1)} articles/s; ` +
      `CPU ${cpu?.toFixed(1) ?? '?'} s (${cpu ? ((1000 * cpu) / stored).toFixed(2) : '?'} ms/article); ` +
      `peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MiB; exit ${code}; ` +
      `load ${loadBefore} -> ${load()}; threads ${values.threads}` +
      `; projected for 1M: ${(1_000_000 / (stored / seconds) / 60).toFixed(0)} min`,
  );
  const split = /timings: (\{.*\})/.exec(stderr)?.[1];
  if (split) {
    const parsed = JSON.parse(split) as {
      startupMs: number;
      ingestMs: number;
      writerMs: Record<string, number>;
    };
    const phases = Object.entries(parsed.writerMs)
      .map(([phase, ms]) => `${phase} ${((100 * ms) / parsed.ingestMs).toFixed(1)}%`)
      .join(', ');
    console.log(
      `${label} per-phase split of the writer thread (share of ${(parsed.ingestMs / 1000).toFixed(1)} s ingest, ` +
        `after ${(parsed.startupMs / 1000).toFixed(1)} s startup): ${phases}`,
    );
  }
};

try {
  if (values.baseline) await backfill('baseline', join(values.baseline, 'bin', 'sitrep.js'), false);
  await backfill('this', join(here, '..', 'bin', 'sitrep.js'), true);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
