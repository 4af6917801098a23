/**
 * bench/ingest-threads: `sitrep ingest` as a user runs it (whole process, built CLI: run
 * `npm run build` first), enrichment, syndication and stories on, with `--threads 1` (the
 * baseline, measured in the same run) and `--threads N`; then checks both stores hold the same
 * articles, copies, enrichments and stories. Reports articles/s, the ratio, peak RSS (from
 * /usr/bin/time when present) and the load average: on a shared machine absolute rates sink, the
 * ratio less so.
 *
 *   npx tsx bench/ingest-threads.ts [--threads 2] [--no-enrich] [PATH ...]
 *   (default PATH: ../shared/corpora/bbc-fulltext, and bench/out/reuters.jsonl when it exists)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { snapshot } from '../test/store-snapshot.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: 'string', default: String(availableParallelism()) },
    'no-enrich': { type: 'boolean', default: false },
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

const run = (threads: number) => {
  const db = join(dir, `threads-${threads}.db`);
  const args = [
    cli,
    'ingest',
    ...inputs,
    '--db',
    db,
    '--json',
    '--threads',
    String(threads),
    ...(values['no-enrich'] ? ['--no-enrich'] : []),
  ];
  const loadBefore = load();
  const started = performance.now();
  const child = timeBinary
    ? spawnSync(timeBinary, ['-v', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(child.stdout) as { added: number; unchanged: number };
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1];
  // CPU seconds of all threads: on a shared machine wall time says little, this says what it cost.
  const cpuSeconds = user && system ? Number(user) + Number(system) : undefined;
  const articles = summary.added + summary.unchanged;
  return {
    threads,
    db,
    articles,
    seconds,
    rate: articles / seconds,
    peakRssMiB: rss ? Number(rss) / 1024 : undefined,
    cpuSeconds,
    load: `${loadBefore} -> ${load()}`,
  };
};

try {
  console.log(`inputs: ${inputs.join(', ')}; cores ${availableParallelism()}`);
  const one = run(1);
  const many = run(Number(values.threads));
  for (const result of [one, many])
    console.log(
      `--threads ${result.threads}: ${result.articles} articles in ${result.seconds.toFixed(1)} s = ` +
        `${result.rate.toFixed(1)} articles/s, CPU ${result.cpuSeconds?.toFixed(1) ?? '?'} s, ` +
        `peak RSS ${result.peakRssMiB?.toFixed(0) ?? '?'} MiB, ` +
        `load ${result.load}`,
    );
  console.log(
    `ratio --threads ${many.threads} / --threads 1: ${(many.rate / one.rate).toFixed(2)}x`,
  );
  const a = snapshot(one.db);
  const b = snapshot(many.db);
  const differing = (Object.keys(a) as (keyof typeof a)[]).filter((key) => a[key] !== b[key]);
  console.log(
    differing.length === 0
      ? 'stores identical: articles, copies, enrichments, stories, members'
      : `stores DIFFER in: ${differing.join(', ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
