/**
 * Claim conflicts against a hand-labelled set of real RUWA articles (eval/gold/conflicts-report.txt),
 * through the whole CLI, the way ../shared/tools/score-claims.mjs scores them: the set's articles are
 * ingested into a fresh store and `sitrep claims --conflicts --json` is read back.
 *
 *   npx tsx bench/conflicts-eval.ts [--set report] [-v] [--sitrep /tmp/base/bin/sitrep.js]
 *
 * Gold lines: `@ ruwa:<row>` names an article to ingest; `P true|false ruwa:<a> "<evidence a>" ruwa:<b>
 * "<evidence b>" <why>` labels a pair. A flag matches a pair when its two sides overlap the two evidence
 * spans (either order). Reported: true pairs flagged, labelled non-conflicts flagged, and every other flag
 * (printed with -v so it can be judged by hand); "false flags" counts every flag that is not a true pair,
 * as the scorer does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../test/shared-data.js';
import { goldSetOptions } from './facts/gold-set-options.js';
import { parseCsv } from './search-corpus.js';

const { set, verbose, sitrep, shared } = goldSetOptions();

interface Side {
  readonly ruwa: string;
  readonly evidence: string;
}
interface Pair {
  readonly truth: boolean;
  readonly a: Side;
  readonly b: Side;
  readonly why: string;
}
const PAIR_RE = /^P\s+(true|false)\s+(ruwa:\d+)\s+"([^"]+)"\s+(ruwa:\d+)\s+"([^"]+)"\s*(.*)$/;
const ids: string[] = [];
const pairs: Pair[] = [];
readFileSync(repoPath('eval', 'gold', `conflicts-${set}.txt`), 'utf8')
  .split('\n')
  .forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('@')) return void ids.push(line.slice(1).trim());
    const m = PAIR_RE.exec(line);
    if (!m) throw new Error(`conflicts-${set}.txt:${i + 1}: not an @ or P line`);
    pairs.push({
      truth: m[1] === 'true',
      a: { ruwa: m[2]!, evidence: m[3]! },
      b: { ruwa: m[4]!, evidence: m[5]! },
      why: m[6] ?? '',
    });
  });

// The records as bench/convert-ruwa.ts writes them (headline, blank line, lead), keyed by row.
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const [header, ...rows] = parseCsv(
  readFileSync(
    join(shared, 'corpora', 'ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv'),
    'utf8',
  ),
);
const at = (name: string): number => (header ?? []).indexOf(name);
const records = new Map<
  string,
  { url: string; title: string; text: string; published?: string; source: string }
>();
for (const row of rows) {
  const id = `ruwa:${row[at('Unnamed: 0')] ?? ''}`;
  if (!ids.includes(id)) continue;
  const head = squash(row[at('title')] ?? '');
  const lead = squash(row[at('desc')] ?? '');
  const [m, d, y] = (row[at('Date')] ?? '').split('/');
  records.set(id, {
    url: squash(row[at('src')] ?? ''),
    title: head,
    text: lead !== '' && head !== '' ? `${head}\n\n${lead}` : lead || head,
    ...(y && m && d ? { published: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` } : {}),
    source: squash(row[at('Site')] ?? '') || 'ruwa',
  });
}
const absent = ids.filter((id) => !records.has(id));
if (absent.length > 0) throw new Error(`not in RUWA: ${absent.join(', ')}`);
for (const p of pairs)
  for (const s of [p.a, p.b])
    if (!records.get(s.ruwa)?.text.includes(s.evidence))
      throw new Error(`evidence "${s.evidence}" not in ${s.ruwa}`);

const out = repoPath('bench', 'out');
mkdirSync(out, { recursive: true });
const inPath = join(out, `conflicts-${set}.jsonl`);
writeFileSync(inPath, ids.map((id) => `${JSON.stringify(records.get(id))}\n`).join(''));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-conflicts-'));
const db = join(dir, 'c.db');
const bin = sitrep ?? repoPath('bin', 'sitrep.js');
const run = (args: string[]): string =>
  execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const t0 = performance.now();
run(['ingest', '--db', db, '--json', '--threads', '1', inPath]);
const ingestMs = performance.now() - t0;
const urlToRuwa = new Map([...records].map(([id, r]) => [r.url, id]));
const sitrepToRuwa = new Map<string, string>();
for (const line of run(['export', '--db', db])
  .split('\n')
  .filter((l) => l.trim() !== '')) {
  const a = JSON.parse(line) as { id: string; url?: string; canonical_url?: string };
  const ruwa = urlToRuwa.get(a.url ?? '') ?? urlToRuwa.get(a.canonical_url ?? '');
  if (ruwa) sitrepToRuwa.set(a.id, ruwa);
}
interface FlagSide {
  article: string;
  start: number;
  end: number;
  text: string;
  sentence?: string;
}
const flags = (
  JSON.parse(run(['claims', '--db', db, '--conflicts', '--json'])) as {
    conflicts: { a: FlagSide; b: FlagSide; measure: string; reasons: string[] }[];
  }
).conflicts;
rmSync(dir, { recursive: true, force: true });

const overlaps = (side: Side, flag: FlagSide): boolean => {
  if (sitrepToRuwa.get(flag.article) !== side.ruwa) return false;
  const text = records.get(side.ruwa)?.text ?? '';
  // The stored text is the record's text as ingested; evidence is found in it by position.
  const s = text.indexOf(side.evidence);
  return flag.start < s + side.evidence.length && flag.end > s;
};
const found = new Set<Pair>();
let labelledFalse = 0;
const unlabelled: string[] = [];
for (const f of flags) {
  const pair = pairs.find(
    (p) => (overlaps(p.a, f.a) && overlaps(p.b, f.b)) || (overlaps(p.a, f.b) && overlaps(p.b, f.a)),
  );
  const show = `${sitrepToRuwa.get(f.a.article) ?? f.a.article} "${f.a.text}" ${f.a.start}-${f.a.end} | ${sitrepToRuwa.get(f.b.article) ?? f.b.article} "${f.b.text}" ${f.b.start}-${f.b.end} | ${f.measure}`;
  if (pair?.truth) found.add(pair);
  else if (pair) {
    labelledFalse++;
    if (verbose) console.log(`  FALSE (labelled: ${pair.why}) ${show}`);
  } else unlabelled.push(show);
}
const trues = pairs.filter((p) => p.truth).length;
console.log(
  `set conflicts-${set}: ${ids.length} articles, ${pairs.length} labelled pairs (${trues} true); ${bin}; ingest ${(ingestMs / 1000).toFixed(1)} s`,
);
console.log(
  `  true conflicts flagged ${found.size}/${trues}; false flags ${flags.length - found.size} (${labelledFalse} labelled non-conflicts, ${unlabelled.length} unlabelled)`,
);
if (verbose) for (const u of unlabelled) console.log(`  UNLABELLED ${u}`);
