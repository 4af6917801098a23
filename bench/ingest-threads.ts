/**
 * bench/ingest-threads: `sitrep ingest` as a user runs it (whole process, built CLI: run
 * `npm run build` first), enrichment, syndication and stories on, with `--threads 1` (the
 * baseline, measured in the same run) and `--threads N`; then checks both stores hold the same
 * articles, copies, enrichments and stories. Reports articles/s, the ratio, peak RSS (from
 * /usr/bin/time when present) and the load average: on a shared machine absolute rates sink, the
 * ratio less so.
 *
 * With `--baseline DIR` (a built checkout of another revision, e.g. main's: `git archive REV | tar
 * -x -C DIR`, node_modules linked, `npm run build` there), that revision's CLI runs too, at
 * `--threads 1` and N, interleaved with ours, and its stores must equal ours: the same-run
 * before/after comparison, on rate, CPU seconds per article and results.
 *
 * With `--reprocess`, each store is then re-derived by `sitrep reprocess --all` (cleaning and
 * enrichment again, as after a stage-version bump) with the CLI and threads that made it, and
 * that rate is reported beside the ingest rate.
 *
 *   npx tsx bench/ingest-threads.ts [--threads 2] [--no-enrich] [--baseline DIR] [--reprocess] [PATH ...]
 *   (default PATH: ../shared/corpora/bbc-fulltext, and bench/out/reuters.jsonl when it exists)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { snapshot } from '../test/store-snapshot.js';
import { sampleThreadCpu, splitThreads } from './ingest-thread-cpu.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: 'string', default: String(availableParallelism()) },
    'no-enrich': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    reprocess: { type: 'boolean', default: false },
  },
});

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const reuters = join(here, 'out', 'reuters.jsonl');
const inputs =
  positionals.length > 0
    ? positionals
    : [join(shared, 'corpora', 'bbc-fulltext'), ...(existsSync(reuters) ? [reuters] : [])];
const cli = join(here, '..', 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-threads-'));
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

const baselineCli = values.baseline ? join(values.baseline, 'bin', 'sitrep.js') : undefined;

/** Runs a command to its end, sampling its threads' CPU time meanwhile (ingest-thread-cpu.ts). */
const spawnAndSample = async (program: string, args: readonly string[]) => {
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleThreadCpu(child.pid ?? 0);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Sampled once more just before the process is reaped: its threads' last readings.
  const status = await new Promise<number | null>((resolve) => {
    child.on('exit', () => undefined);
    child.on('close', (code) => resolve(code));
  });
  return { status, stdout, stderr, sampled: sampler.stop() };
};

const run = async (threads: number, label = 'this', program = cli, command = 'ingest') => {
  const db = join(dir, `${label}-threads-${threads}.db`);
  const args = [
    program,
    command,
    ...(command === 'ingest' ? inputs : ['--all']),
    '--db',
    db,
    '--json',
    '--threads',
    String(threads),
    ...(values['no-enrich'] ? ['--no-enrich'] : []),
  ];
  const loadBefore = load();
  const started = performance.now();
  const child = await spawnAndSample(
    timeBinary ?? process.execPath,
    timeBinary ? ['-v', process.execPath, ...args] : args,
  );
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(child.stdout) as {
    added?: number;
    unchanged?: number;
    examined?: number;
  };
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1];
  // CPU seconds of all threads: on a shared machine wall time says little, this says what it cost.
  const cpuSeconds = user && system ? Number(user) + Number(system) : undefined;
  const articles = summary.examined ?? (summary.added ?? 0) + (summary.unchanged ?? 0);
  if (child.status !== 0) throw new Error(`${label} --threads ${threads} failed: ${child.stderr}`);
  const split = splitThreads(child.sampled.threads, child.sampled.pid, threads - 1);
  const result = {
    split,
    label: command === 'ingest' ? label : `${label} reprocess --all`,
    threads,
    db,
    articles,
    seconds,
    rate: articles / seconds,
    peakRssMiB: rss ? Number(rss) / 1024 : undefined,
    cpuSeconds,
    load: `${loadBefore} -> ${load()}`,
  };
  // Printed as it completes: a long run cut short still reports what it measured.
  report(result);
  return result;
};

type Run = Awaited<ReturnType<typeof run>>;
const perArticle = (seconds: number, articles: number) => ((1000 * seconds) / articles).toFixed(2);
const report = (result: Omit<Run, 'db'>) => {
  console.log(
    `${result.label} --threads ${result.threads}: ${result.articles} articles in ${result.seconds.toFixed(1)} s = ` +
      `${result.rate.toFixed(1)} articles/s, CPU ${result.cpuSeconds?.toFixed(1) ?? '?'} s ` +
      `(${result.cpuSeconds ? ((1000 * result.cpuSeconds) / result.articles).toFixed(2) : '?'} ms/article), ` +
      `peak RSS ${result.peakRssMiB?.toFixed(0) ?? '?'} MiB, load ${result.load}`,
  );
  // Where the CPU went by thread: on a shared machine the busier of writer and workers is what
  // bounds a quiet machine's rate, and the wall-clock rate mostly measures the neighbours.
  const { writer, workers, other } = result.split;
  console.log(
    `  CPU ms/article by thread: writer ${perArticle(writer, result.articles)}` +
      (workers.length > 0
        ? `, workers ${workers.map((seconds) => perArticle(seconds, result.articles)).join(' + ')}`
        : '') +
      `, other threads ${perArticle(other, result.articles)}; ` +
      `busiest thread's bound ${(result.articles / Math.max(writer, ...workers)).toFixed(1)} articles/s`,
  );
};
const compare = (a: Run, b: Run) => {
  const x = snapshot(a.db);
  const y = snapshot(b.db);
  const differing = (Object.keys(x) as (keyof typeof x)[]).filter((key) => x[key] !== y[key]);
  console.log(
    `${a.label} --threads ${a.threads} vs ${b.label} --threads ${b.threads}: ` +
      (differing.length === 0
        ? 'stores identical: articles, copies, enrichments, stories, members'
        : `stores DIFFER in: ${differing.join(', ')}`),
  );
};

try {
  console.log(`inputs: ${inputs.join(', ')}; cores ${availableParallelism()}`);
  const threads = Number(values.threads);
  // Interleaved, so a change in the machine's load hits both revisions alike.
  const baseOne = baselineCli ? await run(1, 'baseline', baselineCli) : undefined;
  const one = await run(1);
  const baseMany = baselineCli ? await run(threads, 'baseline', baselineCli) : undefined;
  const many = await run(threads);
  console.log(`ratio --threads ${threads} / --threads 1: ${(many.rate / one.rate).toFixed(2)}x`);
  if (baseOne && baseMany) {
    console.log(
      `baseline ratio --threads ${threads} / --threads 1: ${(baseMany.rate / baseOne.rate).toFixed(2)}x; ` +
        `this / baseline at --threads ${threads}: ${(many.rate / baseMany.rate).toFixed(2)}x rate, ` +
        `${((baseMany.cpuSeconds ?? NaN) / (many.cpuSeconds ?? NaN)).toFixed(2)}x less CPU; ` +
        `at --threads 1: ${(one.rate / baseOne.rate).toFixed(2)}x rate`,
    );
  }
  compare(one, many);
  if (baseMany) compare(baseMany, many);
  if (values.reprocess) {
    const again = (result: Run, program: string, label: string) =>
      run(result.threads, label, program, 'reprocess');
    const reOne = await again(one, cli, 'this');
    const reBaseMany =
      baseMany && baselineCli ? await again(baseMany, baselineCli, 'baseline') : undefined;
    const reMany = await again(many, cli, 'this');
    console.log(
      `reprocess ratio --threads ${threads} / --threads 1: ${(reMany.rate / reOne.rate).toFixed(2)}x; ` +
        `reprocess / ingest rate at --threads ${threads}: ${(reMany.rate / many.rate).toFixed(2)}x`,
    );
    compare(reOne, reMany);
    if (reBaseMany) compare(reBaseMany, reMany);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
