/**
 * Issue 14 bars on the whole CLI, in one run (timings are noisy: 2 shared cores):
 * - every file of ../shared/corpora/feed-fixtures (2,228) served on its own loopback port (so the
 *   per-host limit never binds) with ETag and Last-Modified;
 * - baseline: `sitrep ingest` of the same files; then `sitrep source import` (OPML) and
 *   `sitrep source poll --once` (first cycle), which must store the same article count;
 * - a second cycle (`--all`): every request conditional, all 304, 0 added;
 * - 10 feeds gain one item each: the next cycle adds exactly 10.
 * Each CLI process runs under /usr/bin/time -v: wall time and peak RSS (bar: < 512 MiB).
 *
 *   npm run build && node --import tsx bench/sources-scale.ts [--limit N] [--enrich]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FeedFixtureServer } from '../test/sources/feed-fixture-server.js';
import { sharedPath } from '../test/shared-data.js';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const enrich = args.includes('--enrich');
const root = sharedPath('corpora', 'feed-fixtures');
if (!root) {
  console.error('../shared/corpora/feed-fixtures is absent: nothing to measure');
  process.exit(0);
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path);
      return /^(LICENSE|README)/.test(name) || name.endsWith('.md') ? [] : [path];
    });

const files = filesUnder(root).slice(0, limit);
const work = mkdtempSync(join(tmpdir(), 'sitrep-sources-scale-'));
const bin = resolve('bin/sitrep.js');
const env = {
  ...process.env,
  SITREP_FETCH_ALLOW: '127.0.0.0/8',
  SITREP_FETCH_ONLY: '127.0.0.0/8',
  SITREP_CONFIG: join(work, 'config.json'),
};
writeFileSync(env.SITREP_CONFIG, JSON.stringify({ fetch: { concurrency: 32 } }));

interface Measured {
  readonly ms: number;
  readonly rssMiB: number;
  readonly stdout: string;
  readonly status: number;
}

/** Runs the CLI as its own process (async: this process serves the fixtures meanwhile). */
const run = async (label: string, sitrepArgs: string[]): Promise<Measured> => {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-v', process.execPath, bin, ...sitrepArgs], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  const ms = Date.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const measured = { ms, rssMiB: rss ? Number(rss) / 1024 : NaN, stdout, status };
  console.log(
    `${label.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(7)} s  peak RSS ${measured.rssMiB.toFixed(0).padStart(4)} MiB  exit ${status}`,
  );
  if (status !== 0 && status !== 3) console.log(stderr.slice(-2000));
  return measured;
};

const json = <T>(m: Measured): T => JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as T;

interface Cycle {
  sources: number;
  succeeded: number;
  notModified: number;
  failed: number;
  added: number;
  ms: number;
}

const main = async (): Promise<void> => {
  const server = new FeedFixtureServer();
  await server.listen(files.length);
  const paths = files.map((file, i) => {
    const path = `/${file.slice(root.length + 1)}`;
    server.serveFile(path, file);
    return server.url(path, i);
  });
  console.log(
    `${files.length} fixture files on ${server.ports.length} loopback ports; enrichment ${enrich ? 'on' : 'off'}`,
  );
  const enrichFlag = enrich ? [] : ['--no-enrich'];
  const ingestDb = join(work, 'ingest.db');
  const pollDb = join(work, 'poll.db');
  try {
    const baseline = await run('baseline: sitrep ingest (files)', [
      'ingest',
      ...files,
      '--db',
      ingestDb,
      ...enrichFlag,
      '--json',
    ]);
    const opml = join(work, 'sources.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><body>${paths.map((url) => `<outline type="rss" text="f" xmlUrl="${url}"/>`).join('')}</body></opml>`,
    );
    await run('sitrep source import (OPML)', [
      'source',
      'import',
      opml,
      '--full-text',
      'never',
      '--db',
      pollDb,
      '--json',
    ]);

    const first = await run('cycle 1: source poll --once', [
      'source',
      'poll',
      '--once',
      ...enrichFlag,
      '--json',
      '--db',
      pollDb,
    ]);
    const c1 = json<Cycle>(first);
    const stats = async (db: string) =>
      json<{ articles: number; revisions: number }>(
        await run(`  stats ${db === ingestDb ? 'ingest' : 'poll'}`, [
          'stats',
          '--db',
          db,
          '--json',
        ]),
      );
    const [a, b] = [await stats(ingestDb), await stats(pollDb)];
    console.log(
      `  articles: ingest ${a.articles}, poll ${b.articles} (${a.articles === b.articles ? 'same' : 'DIFFERENT'}); revisions ${a.revisions} / ${b.revisions}`,
    );
    console.log(
      `  cycle 1: ${c1.sources} sources, ${c1.succeeded} fetched, ${c1.failed} failed (not feeds), ${c1.added} added, ${c1.ms} ms in the poller`,
    );

    const seenBefore = server.seen.length;
    const second = await run('cycle 2: source poll --once --all', [
      'source',
      'poll',
      '--once',
      '--all',
      ...enrichFlag,
      '--json',
      '--db',
      pollDb,
    ]);
    const c2 = json<Cycle>(second);
    const requests = server.seen.slice(seenBefore);
    const conditional = requests.filter((r) => r.conditional).length;
    const notModified = requests.filter((r) => r.status === 304).length;
    console.log(
      `  cycle 2: ${requests.length} requests, ${conditional} conditional, ${notModified} answered 304, ${c2.added} added, ${c2.ms} ms in the poller`,
    );

    const changed = paths
      .map((url, i) => ({ url, file: files[i]! }))
      .filter(
        ({ file }) => /\.(xml|rss)$/.test(file) && readFileSync(file, 'utf8').includes('<item>'),
      )
      .slice(0, 10);
    changed.forEach(({ url, file }, n) => {
      const text = readFileSync(file, 'utf8');
      const extra = `<item><title>Bench added ${n}</title><guid>bench-added-${n}</guid><link>http://127.0.0.1/bench/${n}</link><description>An added item number ${n}.</description></item>`;
      server.setFile(
        new URL(url).pathname,
        Buffer.from(text.replace('<item>', `${extra}<item>`)),
        undefined,
        new Date(Date.now() + 86_400_000),
      );
    });
    const third = await run('cycle 3: 10 feeds changed', [
      'source',
      'poll',
      '--once',
      '--all',
      ...enrichFlag,
      '--json',
      '--db',
      pollDb,
    ]);
    const c3 = json<Cycle>(third);
    console.log(
      `  cycle 3: ${c3.added} added (expected ${changed.length}), ${c3.notModified} not modified`,
    );
    console.log(
      `\nsummary: ${files.length} sources; full cycle ${(c1.ms / 1000).toFixed(1)} s (process ${(first.ms / 1000).toFixed(1)} s, ${first.rssMiB.toFixed(0)} MiB); ` +
        `all-304 cycle ${(c2.ms / 1000).toFixed(1)} s (process ${(second.ms / 1000).toFixed(1)} s, ${second.rssMiB.toFixed(0)} MiB); ` +
        `baseline ingest ${(baseline.ms / 1000).toFixed(1)} s, ${baseline.rssMiB.toFixed(0)} MiB; ratio poll/ingest ${(first.ms / baseline.ms).toFixed(2)}`,
    );
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
};

await main();
