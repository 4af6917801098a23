/**
 * Load while ingesting (issue 16): starts `sitrep serve` on a fresh store, drives search,
 * article and entity requests from 20 concurrent clients on loopback for N seconds, first alone
 * (baseline) and then while the same store is being filled, and prints p50/p99, errors and any
 * SQLITE_BUSY next to each other. A small closed-loop driver (fetch) instead of autocannon:
 * the requests need ids read from earlier answers, and it adds no dependency.
 *
 *   npm run build && node --import tsx bench/load/run.ts [--seconds 60] [--clients 20]
 *     [--input DIR_OR_FILE ...] [--db postgres://…/db] [--workers 2] [--worker-nice N]
 *     [--skip-baseline]
 *
 * SQLite (default): one `sitrep ingest` of the inputs into the served file. PostgreSQL (--db, a
 * fresh schema is made and dropped): `sitrep ingest --queue` enqueues the inputs and --workers
 * `sitrep worker` processes ingest them. The ingest is stopped when the measured phase ends.
 * Default input: ../shared/corpora/bbc-fulltext (add bench/out/reuters.jsonl from
 * bench/convert-reuters.ts). Timings on a shared machine are noisy: the load average is printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoPath, sharedPath } from '../../test/shared-data.js';
import { LOAD_QUERIES } from './load-queries.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '20' },
    input: { type: 'string', multiple: true },
    db: { type: 'string' },
    workers: { type: 'string', default: '2' },
    // Passed to `sitrep worker --nice` (its own default when absent; main's workers have no flag).
    'worker-nice': { type: 'string' },
    // Only the phase during the ingest (quicker comparisons of two builds).
    'skip-baseline': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const bbc = sharedPath('corpora', 'bbc-fulltext');
const inputs = values.input ?? (bbc ? [bbc] : []);
if (inputs.length === 0)
  throw new Error('no input: pass --input DIR (../shared/corpora/bbc-fulltext is absent)');

const SITREP = repoPath('bin/sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
const schema = `sitrep_load_${randomBytes(4).toString('hex')}`;
const postgres = values.db !== undefined;
const db = (() => {
  if (!values.db) return join(dir, 'load.db');
  const url = new URL(values.db);
  url.searchParams.set('schema', schema);
  return url.toString();
})();

const run = (args: string[]): ChildProcess =>
  spawn(process.execPath, [SITREP, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

const finished = (child: ChildProcess): Promise<number> =>
  new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));

interface Phase {
  readonly latencies: number[];
  readonly search: number[];
  /** Article and entity pages, each apart (the rest of the mix, which searches queue behind). */
  readonly article: number[];
  readonly entity: number[];
  errors: number;
  readonly statuses: Map<number, number>;
}

const emptyPhase = (): Phase => ({
  latencies: [],
  search: [],
  article: [],
  entity: [],
  errors: 0,
  statuses: new Map(),
});

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const drive = async (base: string, ids: string[], entities: string[]): Promise<Phase> => {
  const phase = emptyPhase();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      const k = n++;
      const path =
        k % 3 === 0
          ? `/api/search?q=${encodeURIComponent(LOAD_QUERIES[k % LOAD_QUERIES.length] ?? 'nato')}`
          : k % 3 === 1
            ? `/api/articles/${ids[k % ids.length] ?? ''}`
            : entities.length > 0
              ? `/api/entities/${encodeURIComponent(entities[k % entities.length] ?? '')}`
              : `/api/entities?limit=20`;
      const started = performance.now();
      try {
        const response = await fetch(base + path);
        await response.arrayBuffer();
        phase.statuses.set(response.status, (phase.statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500 || response.status === 429) phase.errors++;
      } catch {
        phase.errors++;
      }
      phase.latencies.push(performance.now() - started);
      const took = performance.now() - started;
      (k % 3 === 0 ? phase.search : k % 3 === 1 ? phase.article : phase.entity).push(took);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return phase;
};

/**
 * CPU seconds a process has used (user + system), from /proc on Linux; undefined elsewhere. CPU per
 * request stays comparable on a loaded machine, where wall-clock latency does not.
 */
const cpuSeconds = (pid: number | undefined): number | undefined => {
  try {
    // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
};

/** The CPU the processes used while `work` ran, in seconds each. */
const cpuDuring = async <T>(
  processes: readonly ChildProcess[],
  work: () => Promise<T>,
): Promise<{ result: T; cpu: (number | undefined)[] }> => {
  const before = processes.map((p) => cpuSeconds(p.pid));
  const result = await work();
  const cpu = processes.map((p, i) => {
    const was = before[i];
    const now = cpuSeconds(p.pid);
    return was === undefined || now === undefined ? undefined : now - was;
  });
  return { result, cpu };
};

const cpuLine = (label: string, seconds: number | undefined, requests?: number): string =>
  seconds === undefined
    ? `${label} ?`
    : `${label} ${seconds.toFixed(1)} s` +
      (requests ? ` (${((seconds * 1000) / requests).toFixed(2)} ms/request)` : '');

const report = (label: string, phase: Phase): string => {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const search = [...phase.search].sort((a, b) => a - b);
  return (
    `${label.padEnd(16)} search p50 ${percentile(search, 50).toFixed(1)} ms p99 ${percentile(search, 99).toFixed(1)} ms |` +
    ` all: ${String(sorted.length).padStart(7)} requests  ${(sorted.length / seconds).toFixed(0).padStart(5)}/s  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(0).padStart(6)} ms  errors ${phase.errors}  statuses ${JSON.stringify(Object.fromEntries(phase.statuses))}` +
    (['article', 'entity'] as const)
      .map((kind) => {
        const times = [...phase[kind]].sort((a, b) => a - b);
        return `\n  ${kind} p50 ${percentile(times, 50).toFixed(1)} ms p99 ${percentile(times, 99).toFixed(1)} ms`;
      })
      .join('')
  );
};

const main = async (): Promise<void> => {
  // A first slice of the store so the baseline has something to find.
  const seed = run(['ingest', repoPath('examples/sample'), '--db', db, '--json']);
  await finished(seed);
  const server = run(['serve', '--db', db, '--port', '0']);
  let serverErr = '';
  server.stderr?.on('data', (chunk: Buffer) => (serverErr += chunk.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      const url = /serving (http:\/\/[^/\s]+)\//.exec(chunk.toString())?.[1];
      if (url) resolve(url);
    });
    server.on('close', () => reject(new Error(`serve exited: ${serverErr}`)));
  });
  try {
    const listed = (await (await fetch(`${base}/api/articles?limit=50`)).json()) as {
      items?: { id: string }[];
    };
    const ids = (listed.items ?? []).map((a) => a.id);
    const entityList = (await (await fetch(`${base}/api/entities?limit=30`)).json()) as {
      items?: { id: string }[];
    };
    const entities = (entityList.items ?? []).map((e) => e.id);
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2 cores shared)`,
    );
    const measured = values['skip-baseline']
      ? { result: emptyPhase(), cpu: [] }
      : await cpuDuring([server], () => drive(base, ids, entities));
    const baseline = measured.result;
    if (!values['skip-baseline'])
      console.log(
        `${report('without ingest', baseline)}\n  CPU: ${cpuLine('serve', measured.cpu[0], baseline.latencies.length)}`,
      );
    let ingestErr = '';
    const writers: ChildProcess[] = [];
    const started = performance.now();
    if (postgres) {
      const queued = run(['ingest', ...inputs, '--db', db, '--queue', '--json']);
      queued.stderr?.on('data', (chunk: Buffer) => (ingestErr += chunk.toString()));
      console.log(`enqueued (exit ${await finished(queued)})`);
      for (let w = 0; w < Number(values.workers); w++)
        writers.push(
          run([
            'worker',
            '--db',
            db,
            '--quiet',
            '--json',
            ...(values['worker-nice'] !== undefined ? ['--nice', values['worker-nice']] : []),
          ]),
        );
    } else writers.push(run(['ingest', ...inputs, '--db', db, '--json']));
    for (const writer of writers)
      writer.stderr?.on('data', (chunk: Buffer) => (ingestErr += chunk.toString()));
    const duringRun = await cpuDuring([server, ...writers], () => drive(base, ids, entities));
    const during = duringRun.result;
    console.log(report('during ingest', during));
    console.log(
      `  CPU: ${cpuLine('serve', duringRun.cpu[0], during.latencies.length)}; ` +
        duringRun.cpu
          .slice(1)
          .map((seconds, i) => cpuLine(postgres ? `worker ${i + 1}` : 'ingest', seconds))
          .join(', '),
    );
    const exited = writers.map((writer) => writer.exitCode);
    // The measured phase is over: stop the ingest (a bench store is thrown away).
    // A worker finishes its running jobs on SIGINT (one Reuters JSONL is one long job): then SIGKILL.
    for (const writer of writers) writer.kill('SIGINT');
    const hard = setTimeout(() => writers.forEach((writer) => writer.kill('SIGKILL')), 5000);
    const codes = await Promise.all(writers.map(finished));
    clearTimeout(hard);
    const stored = (await (await fetch(`${base}/api/stats`)).json()) as { articles?: number };
    console.log(
      `articles in the store after ${((performance.now() - started) / 1000).toFixed(0)} s of ingest: ${stored.articles ?? '?'}; ` +
        `writers ${exited.every((code) => code === null) ? 'still running at the end of the phase' : `had exited: ${JSON.stringify(exited)}`}`,
    );
    const ingestCode = codes.join(',');
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const busy = /SQLITE_BUSY|database is locked/i.test(serverErr + ingestErr);
    console.log(
      `${postgres ? `PostgreSQL, ${values.workers} workers` : 'SQLite'}; ingest exit ${ingestCode} (stopped by SIGINT); SQLITE_BUSY seen: ${busy ? 'YES' : 'no'}; other errors on stderr: ${/error/i.test(serverErr + ingestErr) ? 'YES' : 'no'}`,
    );
    const notable = /error|SQLITE_BUSY|database is locked/i;
    const lines = (label: string, text: string): string[] =>
      text
        .split('\n')
        .filter((l) => notable.test(l))
        .slice(0, 5)
        .map((l) => `${label}: ${l}`);
    console.log([...lines('serve', serverErr), ...lines('ingest', ingestErr)].join('\n'));
    const p99 = percentile(
      [...during.search].sort((a, b) => a - b),
      99,
    );
    console.log(
      `bar: 0 errors (${during.errors + baseline.errors}); search p99 during ingest < 500 ms: ${p99.toFixed(0)} ms`,
    );
  } finally {
    server.kill('SIGINT');
    await finished(server);
    rmSync(dir, { recursive: true, force: true });
    if (values.db) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: values.db });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
};

await main();
