/**
 * bench/stories-cut: do stories depend on how an ingest was cut? Runs the built CLI (run
 * `npm run build` first) as a user would, with enrichment, on ../shared/corpora/bbc-fulltext:
 *
 *   clean  - one `sitrep ingest` into a fresh store (the reference)
 *   killed - the same command killed with SIGKILL at --kills random moments, then run to the end
 *   split  - the first half of the corpus in one run, then the whole corpus in a second: once
 *            keeping the order a single run reads in, once with the category folders only
 *
 * and compares each store's stories with the clean one's: count, and members (every story as its
 * sorted member ids). Prints the load average beside the times: the machine may be shared.
 *
 *   npx tsx bench/stories-cut.ts [--kills 5] [--seed 1] [--corpus DIR] [--no-enrich]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { seededRandom } from '../src/core/seeded-random.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string' },
    'no-enrich': { type: 'boolean', default: false },
  },
});

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const corpus = values.corpus ?? join(shared, 'corpora', 'bbc-fulltext', 'bbc');
const cli = join(here, '..', 'bin', 'sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-cut-'));
const enrichFlags = values['no-enrich'] ? ['--no-enrich'] : [];

interface Run {
  readonly code: number | null;
  readonly seconds: number;
  readonly killed: boolean;
}

const ingest = (db: string, paths: string[], killAfterMs?: number): Promise<Run> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [cli, 'ingest', ...paths, '--db', db, '--json', ...enrichFlags],
      { stdio: 'ignore' },
    );
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, killed });
    });
  });

const stories = (db: string) => {
  const handle = new Database(db, { readonly: true });
  try {
    const rows = handle
      .prepare<[], { story_id: string; article_id: string }>(
        'SELECT story_id, article_id FROM story_members ORDER BY story_id, article_id',
      )
      .all();
    const groups = new Map<string, string[]>();
    for (const row of rows)
      groups.set(row.story_id, [...(groups.get(row.story_id) ?? []), row.article_id]);
    return [...groups.values()].map((members) => members.join(',')).sort();
  } finally {
    handle.close();
  }
};

/** Articles whose co-members differ from the reference's: how far a store is from it. */
const moved = (reference: string[], other: string[]): number => {
  const groupOf = (partition: string[]) => {
    const map = new Map<string, string>();
    for (const group of partition) for (const id of group.split(',')) map.set(id, group);
    return map;
  };
  const a = groupOf(reference);
  const b = groupOf(other);
  let count = 0;
  for (const [id, group] of a) if (b.get(id) !== group) count++;
  return count;
};

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

try {
  const clean = join(dir, 'clean.db');
  const reference = await ingest(clean, [corpus]);
  const expected = stories(clean);
  console.log(
    `clean: ${expected.length} stories, ${reference.seconds.toFixed(1)} s (load ${load()})`,
  );

  const random = seededRandom(Number(values.seed));
  const killedDb = join(dir, 'killed.db');
  for (let i = 0; i < Number(values.kills); i++) {
    const at = Math.floor((0.05 + random() * 0.5) * reference.seconds * 1000);
    const run = await ingest(killedDb, [corpus], at);
    console.log(
      `  kill ${i + 1} after ${(at / 1000).toFixed(1)} s: ${run.killed ? 'killed' : `exited ${run.code}`}`,
    );
  }
  await ingest(killedDb, [corpus]);
  const afterKills = stories(killedDb);

  // Two ways to cut: the first half of the corpus' entries in the order ingest reads them (sorted
  // by code point, as read-inputs does), then the whole; and the category folders only (a top-level
  // file such as README.TXT then arrives in the second run instead of first).
  const entries = readdirSync(corpus, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const firstHalf = entries
    .slice(0, Math.ceil(entries.length / 2))
    .map((e) => join(corpus, e.name));
  const orderedDb = join(dir, 'split-ordered.db');
  await ingest(orderedDb, firstHalf);
  await ingest(orderedDb, [corpus]);
  const splitOrdered = stories(orderedDb);
  const categories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(corpus, entry.name));
  const splitDb = join(dir, 'split.db');
  await ingest(splitDb, categories.slice(0, Math.ceil(categories.length / 2)));
  await ingest(splitDb, [corpus]);
  const split = stories(splitDb);

  for (const [name, partition] of [
    ['killed + re-run', afterKills],
    ['split in two runs, reading order kept', splitOrdered],
    ['split in two runs, folders only (order changed)', split],
  ] as const) {
    const same = JSON.stringify(partition) === JSON.stringify(expected);
    console.log(
      `${name}: ${partition.length} stories (clean ${expected.length}), ` +
        `${moved(expected, partition)} articles with other co-members: ${same ? 'IDENTICAL' : 'DIFFERENT'}`,
    );
  }
  console.log(`load average at the end: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
