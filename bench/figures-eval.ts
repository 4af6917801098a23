/**
 * Claimed figures against the hand-written figure gold (eval/gold/claims-<set>.txt), through the whole CLI.
 *
 *   npx tsx bench/figures-eval.ts --set report|forms [-v] [--sitrep /tmp/base/bin/sitrep.js]
 *
 * `report` is held out (never tuned on), `forms` a development set of hard forms (see the files' headers).
 * Runs `sitrep enrich --jsonl` (bin/sitrep.js by default: `npm run build` first; --sitrep runs another
 * build, e.g. a baseline, in the same run) on the gold articles rebuilt from ../shared by id, and scores:
 *   value       ../shared/tools/score-claims.mjs figures (a figure matches when one value is within 1%)
 *   value+unit  the same, and the figure's unit agrees with the gold unit: the currency code for money,
 *               a percentage for "percent", the same singular noun for counts ("(noun)" in the gold: the text
 *               does not write the noun at the number, so any count unit is accepted)
 * BBC files are read as UTF-8 when they decode as such ("£" is two bytes there), else Latin-1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../test/shared-data.js';
import { goldSetOptions } from './facts/gold-set-options.js';
import { loadGoldArticle, type GoldArticle } from './facts/facts-articles.js';
import { missingEvidence, parseGold, type GoldClaim } from './facts/facts-gold.js';

const { set, verbose, sitrep, shared } = goldSetOptions();
const HELD_OUT = new Set(['report']);
const gold = parseGold(
  readFileSync(repoPath('eval', 'gold', `claims-${set}.txt`), 'utf8'),
  `claims-${set}.txt`,
);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const load = (id: string): GoldArticle => {
  const article = loadGoldArticle(shared, id);
  if (!id.startsWith('bbc:')) return article;
  const bytes = readFileSync(join(shared, 'corpora', 'bbc-fulltext', 'bbc', `${id.slice(4)}.txt`));
  try {
    const text = utf8.decode(bytes);
    return { ...article, text, title: text.split('\n')[0] ?? '' };
  } catch {
    return article;
  }
};
const articles = new Map<string, GoldArticle>(Object.keys(gold).map((id) => [id, load(id)]));
const missing = missingEvidence(gold, articles);
if (missing.length > 0) {
  console.error(`evidence not found in its article:\n  ${missing.join('\n  ')}`);
  process.exit(2);
}

const out = repoPath('bench', 'out');
mkdirSync(out, { recursive: true });
const goldPath = join(out, `claims-${set}.gold.json`);
const inPath = join(out, `claims-${set}.in.jsonl`);
const outPath = join(out, `claims-${set}.out.jsonl`);
writeFileSync(goldPath, `${JSON.stringify(gold, null, 2)}\n`);
writeFileSync(inPath, [...articles.values()].map((a) => JSON.stringify(a)).join('\n') + '\n');
const bin = sitrep ?? repoPath('bin', 'sitrep.js');
const t0 = performance.now();
const enriched = execFileSync(process.execPath, [bin, 'enrich', '--jsonl'], {
  input: readFileSync(inPath),
  maxBuffer: 1 << 30,
}).toString('utf8');
const ms = performance.now() - t0;
writeFileSync(outPath, enriched);

interface OutFigure {
  text: string;
  kind: string;
  value: number;
  unit: string;
  normalized?: { amounts?: { value: number; unit: string }[] };
}
const singular = (w: string): string =>
  w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.replace(/(?<=\w{3})s$/, '');
const near = (x: number, v: number): boolean =>
  Math.abs(x - v) <= Math.max(1e-9, Math.abs(v) * 0.01);
const unitAgrees = (claim: GoldClaim, unit: string, kind: string): boolean => {
  const g = claim.unit;
  if (/^[A-Z]{3}$/.test(g)) return unit === g;
  if (g === 'percent') return kind === 'percent' || unit === '%';
  if (/^\(.*\)$/.test(g)) return kind === 'count';
  const head = unit.toLowerCase().split(' ').at(-1) ?? '';
  return kind === 'count' && singular(head) === singular(g.toLowerCase());
};
const amountsOf = (f: OutFigure): { value: number; unit: string }[] => [
  { value: f.value, unit: f.unit },
  ...(f.normalized?.amounts ?? []),
];

let valueHits = 0;
let unitHits = 0;
let total = 0;
const misses: string[] = [];
for (const line of enriched.split('\n').filter((l) => l.trim() !== '')) {
  const o = JSON.parse(line) as { id: string; figures?: OutFigure[] };
  const g = gold[o.id];
  if (!g) continue;
  const figures = o.figures ?? [];
  for (const claim of g.claims) {
    total++;
    const byValue = figures.filter((f) => amountsOf(f).some((a) => near(a.value, claim.value)));
    const byUnit = byValue.filter((f) =>
      amountsOf(f).some((a) => near(a.value, claim.value) && unitAgrees(claim, a.unit, f.kind)),
    );
    if (byValue.length > 0) valueHits++;
    if (byUnit.length > 0) unitHits++;
    else
      misses.push(
        `${o.id}: ${claim.value} ${claim.unit} "${claim.evidence}" -> ${
          byValue.length > 0
            ? `unit: ${byValue.map((f) => `"${f.text}" ${f.kind} ${f.unit}`).join(', ')}`
            : 'missed'
        }`,
      );
  }
}
const scorer = ((): string => {
  try {
    return execFileSync(
      process.execPath,
      [join(shared, 'tools', 'score-claims.mjs'), 'figures', goldPath, outPath],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? '';
  }
})();
console.log(
  `set claims-${set}: ${articles.size} articles, ${total} claims (${HELD_OUT.has(set) ? 'held out, never tuned on' : 'development: tuned on'}); ${bin}; enrich ${(ms / 1000).toFixed(1)} s`,
);
console.log(`  scorer      ${scorer.trim()}`);
console.log(
  `  value+unit  recall ${(unitHits / Math.max(1, total)).toFixed(3)} (${unitHits}/${total}); value only ${valueHits}/${total}`,
);
if (verbose) for (const m of misses) console.log(`  miss ${m}`);
