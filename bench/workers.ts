/**
 * bench/workers: ingest through the PostgreSQL job queue with 1 and 2 worker processes, then 3
 * workers with one `kill -9`'d mid-run, against a single-process SQLite ingest of the same files
 * measured in the same run (the baseline for counts, checksums and speed).
 *
 *   npx tsx bench/convert-reuters.ts      # once, optional: writes bench/out/reuters.jsonl
 *   SITREP_BENCH_PG=postgres://postgres@127.0.0.1:5432/test npx tsx bench/workers.ts [--bbc-only]
 *     [--bbc-files N] [--workers 1,2] [--no-kill] [--no-enrich]
 *
 * Reuters is one JSONL file; it is split into files of 500 lines in a temp dir so that it, too,
 * spreads over workers (identity does not depend on the path, so counts are unaffected).
 * Every run uses its own schema, dropped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DEFAULT_KB_DIR } from '../src/cli/kb-command.js';
import { loadEnricher } from '../src/pipeline/enricher.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { enqueueIngest } from '../src/queue/enqueue-ingest.js';
import { PostgresQueue } from '../src/queue/postgres/postgres-queue.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import {
  checksumPostgres,
  checksumSqlite,
  type StoreChecksum,
} from '../src/store/postgres/store-checksum.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { processCpuSeconds, RunSampler, type RunSample } from './run-sampler.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');
const shared = process.env['SITREP_SHARED'] ?? join(repo, '..', 'shared');
const serverUrl =
  process.env['SITREP_BENCH_PG'] ??
  process.env['SITREP_TEST_PG'] ??
  'postgres://postgres@127.0.0.1:5432/test';
const LEASE_MS = 5_000;
/** --no-enrich: workers and the SQLite baseline skip enrichment (a faster development run). */
const enrich = !process.argv.includes('--no-enrich');
const REUTERS_LINES_PER_FILE = 500;

const work = mkdtempSync(join(tmpdir(), 'sitrep-bench-workers-'));
const schemas: string[] = [];

/**
 * The first `count` BBC files in the order a directory walk enqueues them, linked into the temp
 * dir (category folders kept): a shorter development run on a loaded machine.
 */
const bbcSample = (bbc: string, count: number): string => {
  const dir = join(work, 'bbc');
  let left = count;
  for (const category of readdirSync(bbc).sort()) {
    if (left === 0 || !statSync(join(bbc, category)).isDirectory()) continue;
    mkdirSync(join(dir, category), { recursive: true });
    for (const name of readdirSync(join(bbc, category)).sort().slice(0, left)) {
      symlinkSync(join(bbc, category, name), join(dir, category, name));
      left--;
    }
  }
  console.log(`--bbc-files ${count}: the first ${count - left} BBC files`);
  return dir;
};

const inputs = (): string[] => {
  const paths: string[] = [];
  const bbc = join(shared, 'corpora', 'bbc-fulltext', 'bbc');
  const sample = Number(flagValue('--bbc-files') ?? 0);
  if (!existsSync(bbc)) console.log(`skip bbc-fulltext: ${bbc} absent`);
  else if (sample > 0) paths.push(bbcSample(bbc, sample));
  else paths.push(bbc);
  const reuters = join(here, 'out', 'reuters.jsonl');
  if (process.argv.includes('--bbc-only')) console.log('--bbc-only: reuters left out');
  else if (existsSync(reuters)) {
    const dir = join(work, 'reuters');
    mkdirSync(dir);
    const lines = readFileSync(reuters, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (let i = 0; i < lines.length; i += REUTERS_LINES_PER_FILE) {
      const name = `part-${String(i / REUTERS_LINES_PER_FILE).padStart(4, '0')}.jsonl`;
      writeFileSync(join(dir, name), `${lines.slice(i, i + REUTERS_LINES_PER_FILE).join('\n')}\n`);
    }
    paths.push(dir);
  } else console.log(`skip reuters: ${reuters} absent (run bench/convert-reuters.ts)`);
  return paths;
};

/** A schema and an application_name of its own per run: the latter finds the run's backends in pg_stat_activity. */
const schemaUrl = (): { url: string; workerUrl: string; applicationName: string } => {
  const tag = randomBytes(4).toString('hex');
  const schema = `sitrep_bench_pg3_${tag}`;
  schemas.push(schema);
  const url = new URL(serverUrl);
  url.searchParams.set('schema', schema);
  const plain = url.toString();
  const applicationName = `sitrep_pg3_${tag}`;
  url.searchParams.set('application_name', applicationName);
  return { url: plain, workerUrl: url.toString(), applicationName };
};

const flagValue = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

/** src/main.ts once `worker` is registered there; until then the bench's own entry. */
const workerCommand = (): string[] => {
  const main = join(repo, 'src', 'main.ts');
  const probe = spawnSync(process.execPath, ['--import', 'tsx', main, 'worker', '--help'], {
    encoding: 'utf8',
  });
  return probe.status === 0 && probe.stdout.includes('--concurrency')
    ? [main]
    : [join(here, 'worker-entry.ts')];
};

/** What a worker printed about the organise lock when it stopped. */
interface LockLine {
  waitSeconds: number;
  heldSeconds: number;
  batches: number;
  /** Round trips under the lock (NaN from a worker that does not count them). */
  statements: number;
  /** Waiting for earlier jobs to finish before asking for the lock. */
  turnWaitSeconds: number;
  /** Stored articles clustered again (re-settles: an article organised after later ones). */
  resettled: number;
  /** Seconds each organising lock was held (a worker with one lock for both stages prints none). */
  held: Record<string, number>;
}

const lockLines = new Map<ChildProcess, LockLine>();

const startWorker = (entry: string[], url: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        ...entry,
        'worker',
        '--db',
        url,
        '--concurrency',
        '1',
        '--lease-ms',
        String(LEASE_MS),
        '--poll-ms',
        '100',
        ...(enrich ? [] : ['--no-enrich']),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      const lock =
        /organise lock waited ([\d.]+) s, held ([\d.]+) s over (\d+) batches(?: \((\d+) round trips\); ([\d.]+) s waiting for earlier jobs; (\d+) articles re-settled)?/.exec(
          chunk,
        );
      if (lock)
        lockLines.set(child, {
          waitSeconds: Number(lock[1]),
          heldSeconds: Number(lock[2]),
          batches: Number(lock[3]),
          statements: Number(lock[4] ?? NaN),
          turnWaitSeconds: Number(lock[5] ?? NaN),
          resettled: Number(lock[6] ?? NaN),
          held: {},
        });
      const perLock = /per lock: (.*)/.exec(chunk);
      const line = lockLines.get(child);
      if (perLock?.[1] && line)
        for (const [, name, held] of perLock[1].matchAll(/(\w+) waited [\d.]+ s, held ([\d.]+) s/g))
          if (name) line.held[name] = Number(held);
    });
    let ready = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (!ready && chunk.includes(' at once on ')) {
        ready = true;
        resolve(child);
      }
      if (/sitrep: /.test(chunk)) process.stderr.write(`worker ${child.pid}: ${chunk}`);
    });
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`worker exited with ${code} before starting`));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (at most a minute) until no worker used more than 50 ms of CPU over the last 500 ms (done
 * loading, polling an empty queue); their summed CPU seconds then.
 */
const whenIdle = async (children: readonly ChildProcess[]): Promise<number> => {
  const cpu = () => children.map((child) => processCpuSeconds(child.pid ?? -1) ?? 0);
  let last = cpu();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    await sleep(500);
    const now = cpu();
    const busy = now.some((seconds, i) => seconds - (last[i] ?? 0) > 0.05);
    last = now;
    if (!busy) break;
  }
  const total = last.reduce((a, b) => a + b, 0);
  console.log(`  ${children.length} worker(s) started: ${total.toFixed(1)} s CPU before the run`);
  return total;
};

interface QueueRun {
  workers: number;
  files: number;
  articles: number;
  revisions: number;
  seconds: number;
  killed?: number;
  checksum: StoreChecksum;
  dead: number;
  sample: RunSample;
  /** Summed over the workers that stopped normally (a killed one prints nothing). */
  lock: LockLine;
}

const runThroughQueue = async (
  paths: string[],
  workers: number,
  killOneAt?: number,
): Promise<QueueRun> => {
  const { url, workerUrl, applicationName } = schemaUrl();
  // Create both schemas up front so workers do not race on first-time migrations.
  const store = await PostgresStore.open({ url });
  const queue = await PostgresQueue.open({ url });
  const entry = workerCommand();
  const children = await Promise.all(
    Array.from({ length: workers }, () => startWorker(entry, workerUrl)),
  );
  // A worker loads its enricher (KB, NER model) after it says it is ready: the run starts once
  // every worker is idle, and their CPU until then (start-up) is left out of the per-article figures.
  const startupCpuSeconds = await whenIdle(children);
  const sampler = new RunSampler(store.connectionPool, applicationName, () =>
    children.flatMap((c) => (c.pid !== undefined && c.exitCode === null ? [c.pid] : [])),
  );
  sampler.start();
  const started = process.hrtime.bigint();
  const { files } = await enqueueIngest(paths, queue);
  let killed: { pid: number; jobId: string } | undefined;
  for (;;) {
    await sleep(100);
    const counts = await queue.countJobs();
    if (killOneAt !== undefined && killed === undefined && counts.done >= files * killOneAt) {
      // Kill a worker in the middle of a job, so that job must be reclaimed after its lease.
      const running = await queue.listJobs({ state: 'running' });
      for (const job of running) {
        const victim = children.find((c) => job.lockedBy?.split(':')[1] === String(c.pid));
        if (!victim?.pid) continue;
        victim.kill('SIGKILL');
        killed = { pid: victim.pid, jobId: job.id };
        console.log(
          `  kill -9 worker ${victim.pid} after ${counts.done}/${files} jobs, while it ran job #${job.id}`,
        );
        break;
      }
    }
    if (counts.queued === 0 && counts.running === 0) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sampled = await sampler.stop();
  const sample = { ...sampled, workerCpuSeconds: sampled.workerCpuSeconds - startupCpuSeconds };
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  const lock: LockLine = {
    waitSeconds: 0,
    heldSeconds: 0,
    batches: 0,
    statements: 0,
    turnWaitSeconds: 0,
    resettled: 0,
    held: {},
  };
  for (const child of children) {
    const line = lockLines.get(child);
    if (!line) continue;
    lock.waitSeconds += line.waitSeconds;
    lock.heldSeconds += line.heldSeconds;
    lock.batches += line.batches;
    lock.statements += line.statements;
    lock.turnWaitSeconds += line.turnWaitSeconds;
    lock.resettled += line.resettled;
    for (const [name, held] of Object.entries(line.held))
      lock.held[name] = (lock.held[name] ?? 0) + held;
  }
  const stats = await store.countStats();
  const dead = (await queue.countJobs()).dead;
  if (killed) {
    const job = await store.connectionPool.query<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM jobs WHERE id = $1',
      [killed.jobId],
    );
    const row = job.rows[0];
    console.log(
      `  job #${killed.jobId} of the killed worker ended ${row?.state} after ${row?.attempts} attempts (reclaimed after its ${LEASE_MS} ms lease)`,
    );
  }
  const checksum = await checksumPostgres(store.connectionPool);
  await Promise.all([store.close(), queue.close()]);
  return {
    workers,
    files,
    articles: stats.articles,
    revisions: stats.revisions,
    seconds,
    ...(killed !== undefined ? { killed: killed.pid } : {}),
    checksum,
    dead,
    sample,
    lock,
  };
};

/**
 * CPU per article (what a quiet machine's rate follows from) and where the organise lock stands:
 * `lock wait` is the workers' summed time waiting for it over the run's wall time x workers
 * (`turn wait` likewise, for earlier jobs, before asking for it); `lock held` is the time some
 * worker held it over wall time; the sampled shares say what the run's busy backends were doing.
 */
const printCpuAndLock = (runs: QueueRun[], sqliteArticles: number, sqliteCpu: number): void => {
  console.log(
    '\nrun                          worker CPU ms/art  backend CPU ms/art  total  lock wait  lock held  ' +
      'round trips/art under lock  turn wait  re-settled  samples: advisory / other lock / idle in tx of busy',
  );
  console.log(
    `${'sqlite, 1 process'.padEnd(28)} ${((sqliteCpu * 1000) / sqliteArticles).toFixed(1).padStart(17)}`,
  );
  for (const run of runs) {
    const perArticle = (seconds: number) => ((seconds * 1000) / run.articles).toFixed(1);
    const { sample, lock } = run;
    const share = (part: number, whole: number) =>
      whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : '-';
    const busy = sample.busySamples;
    console.log(
      [
        `queue, ${run.workers} worker${run.workers > 1 ? 's' : ''}${run.killed ? ', 1 kill -9' : ''}`.padEnd(
          28,
        ),
        perArticle(sample.workerCpuSeconds).padStart(17),
        perArticle(sample.backendCpuSeconds).padStart(19),
        perArticle(sample.workerCpuSeconds + sample.backendCpuSeconds).padStart(6),
        share(lock.waitSeconds, run.seconds * run.workers).padStart(10),
        share(lock.heldSeconds, run.seconds).padStart(10),
        (lock.statements / run.articles).toFixed(1).padStart(27),
        share(lock.turnWaitSeconds, run.seconds * run.workers).padStart(10),
        String(lock.resettled).padStart(11),
        `  ${share(sample.advisoryWaitSamples, busy)} / ${share(sample.otherLockSamples, busy)} / ${share(sample.idleInTransactionSamples, busy)} of ${busy}`,
      ].join(' '),
    );
    // With one lock per stage, `lock held` above sums them: each one's own share says which binds.
    const perLock = Object.entries(lock.held);
    if (perLock.length > 0)
      console.log(
        `${''.padEnd(28)} held per lock: ${perLock.map(([name, held]) => `${name} ${share(held, run.seconds)}`).join(', ')}`,
      );
  }
  const [one, two] = [
    runs.find((r) => r.workers === 1 && !r.killed),
    runs.find((r) => r.workers === 2),
  ];
  if (one && two)
    console.log(
      `\n2 workers / 1 worker: ${(one.seconds / two.seconds).toFixed(2)}x wall; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end`,
    );
};

const main = async (): Promise<void> => {
  const paths = inputs();
  if (paths.length === 0) return;
  console.log(`PostgreSQL ${new URL(serverUrl).host}; inputs: ${paths.join(', ')}`);

  const dbPath = join(work, 'baseline.db');
  const sqlite = SqliteStore.open({ path: dbPath });
  // Enriched as the workers enrich (their default): the checksum covers enrichment rows too.
  const enricher = enrich ? await loadEnricher({ kbDirs: [DEFAULT_KB_DIR] }) : undefined;
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await ingestPaths(paths, sqlite, enricher ? { enricher } : {});
  const baselineSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const baselineCpu = process.cpuUsage(cpuBefore);
  const baselineCpuSeconds = (baselineCpu.user + baselineCpu.system) / 1e6;
  const baselineStats = await sqlite.countStats();
  await sqlite.close();
  const readOnly = new Database(dbPath, { readonly: true });
  const baseline = checksumSqlite(readOnly);
  readOnly.close();

  const runs: QueueRun[] = [];
  const counts = (flagValue('--workers') ?? '1,2').split(',').map(Number);
  for (const workers of counts) runs.push(await runThroughQueue(paths, workers));
  if (!process.argv.includes('--no-kill')) runs.push(await runThroughQueue(paths, 3, 0.4));

  const rate = (articles: number, seconds: number) => articles / seconds;
  const baseRate = rate(baselineStats.articles, baselineSeconds);
  console.log(
    '\nrun                         articles  revisions  seconds  articles/s  vs sqlite  dead  checksum = sqlite',
  );
  const line = (
    label: string,
    articles: number,
    revisions: number,
    seconds: number,
    checksumEqual: string,
    dead: number | string,
  ) =>
    console.log(
      [
        label.padEnd(27),
        String(articles).padStart(8),
        String(revisions).padStart(10),
        seconds.toFixed(1).padStart(8),
        rate(articles, seconds).toFixed(0).padStart(11),
        `${(rate(articles, seconds) / baseRate).toFixed(2)}x`.padStart(10),
        String(dead).padStart(5),
        checksumEqual.padStart(18),
      ].join(' '),
    );
  line(
    'sqlite, 1 process',
    baselineStats.articles,
    baselineStats.revisions,
    baselineSeconds,
    '-',
    '-',
  );
  for (const run of runs) {
    const label = run.killed
      ? `queue, 3 workers, 1 kill -9`
      : `queue, ${run.workers} worker${run.workers > 1 ? 's' : ''}`;
    line(
      label,
      run.articles,
      run.revisions,
      run.seconds,
      run.checksum.sha256 === baseline.sha256 ? 'yes' : 'NO',
      run.dead,
    );
  }
  printCpuAndLock(runs, baselineStats.articles, baselineCpuSeconds);
  const allEqual = runs.every(
    (r) => r.articles === baselineStats.articles && r.revisions === baselineStats.revisions,
  );
  console.log(
    `\n${runs[0]?.files ?? 0} files (jobs); counts ${allEqual ? 'equal' : 'DIFFER from'} the SQLite run in every queue run` +
      ' (identity_key is unique, so equal counts mean no duplicate and no loss)',
  );
  if (!allEqual) process.exitCode = 1;
};

try {
  await main();
} finally {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  rmSync(work, { recursive: true, force: true });
}
