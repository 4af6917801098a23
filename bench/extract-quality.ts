/**
 * Main-text extraction quality on every set in ../shared/corpora, per set, beside a baseline
 * extractor measured in the same run (src/clean as of a git revision, default the merge-base with
 * main) and, with --readability, Mozilla Readability on linkedom as an outside reference.
 * F1 is ../shared/tools/score-extraction.mjs on each set's gold converted to plain text
 * (bench/extraction-sets.ts). Sets are marked dev (choose changes on them) or report (confirm only).
 *
 * Usage: node --import tsx bench/extract-quality.ts [--sets a,b] [--role dev|report] [--lang de]
 *          [--baseline REV | --no-baseline] [--readability] [--worst SET] [--changed] [--json]
 *   --changed: on dev sets, every page whose text differs from the baseline's, F1 before -> after.
 *   --lang: only pages whose gold text reads as that language (src/clean/detect-language.ts), so
 *     a language's pages keep the role of the set they are in: German dev pages are fundus' German
 *     publishers, German report pages those of htmltotext (and any other report set's).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectLanguage } from '../src/clean/detect-language.js';
import { extractArticle } from '../src/clean/extract-article.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { scoreBodies, type BodyScore } from './extraction-corpora.js';
import { EXTRACTION_SETS, type GoldPage } from './extraction-sets.js';
import { baselineRevision, revisionSourceDir } from './revision-source.js';
import { shingleOverlap } from './shingle-overlap.js';

type Extractor = (html: string) => string;

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string): boolean => process.argv.includes(name);

/** src/ of a git revision, unpacked once under node_modules/.cache so its imports resolve. */
const baselineExtractor = async (rev: string): Promise<Extractor> => {
  const dir = revisionSourceDir(rev);
  const mod = (await import(join(dir, 'src', 'clean', 'extract-article.ts'))) as {
    extractArticle: (html: string) => { text: string };
  };
  return (html) => mod.extractArticle(html).text;
};

const readabilityText: Extractor = (html) => {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
};

const scoreWith = (pages: readonly GoldPage[], extract: Extractor): BodyScore =>
  scoreBodies(
    join(SHARED_DIR, 'tools', 'score-extraction.mjs'),
    new Map(pages.map((p) => [p.id, p.gold])),
    new Map(pages.map((p) => [p.id, extract(p.html)])),
  );

/** Per-page F1 the way the scorer counts it, for listing the worst pages of a dev set. */
const pageF1 = (gold: string, got: string): number => {
  const o = shingleOverlap(gold, got);
  return o.gold + o.ours === 0 ? 1 : (2 * o.shared) / (o.gold + o.ours);
};

const main = async (): Promise<void> => {
  if (!existsSync(join(SHARED_DIR, 'corpora'))) {
    console.log(`skipped: ${SHARED_DIR}/corpora is absent`);
    return;
  }
  const only = argValue('--sets')?.split(',');
  const role = argValue('--role');
  const sets = EXTRACTION_SETS.filter(
    (s) => (!only || only.includes(s.name)) && (!role || s.role === role),
  );
  const baselineRev = baselineRevision();
  const baseline = baselineRev !== undefined ? await baselineExtractor(baselineRev) : undefined;
  const ours: Extractor = (html) => extractArticle(html).text;
  const rows: Record<string, unknown>[] = [];
  const json = flag('--json');
  if (!json)
    console.log(
      `set              role    pages   ours F1 (P / R)          ${baseline ? `baseline ${baselineRev}` : ''}${flag('--readability') ? '   readability' : ''}`,
    );
  const lang = argValue('--lang');
  for (const set of sets) {
    const pages = set
      .load(SHARED_DIR)
      .filter((p) => lang === undefined || detectLanguage(p.gold) === lang);
    if (pages.length === 0) continue;
    const a = scoreWith(pages, ours);
    const b = baseline ? scoreWith(pages, baseline) : undefined;
    const r = flag('--readability') ? scoreWith(pages, readabilityText) : undefined;
    rows.push({
      set: set.name,
      role: set.role,
      pages: pages.length,
      ours: a,
      baseline: b,
      readability: r,
    });
    if (!json)
      console.log(
        `${set.name.padEnd(16)} ${set.role.padEnd(7)} ${String(pages.length).padStart(5)}   ${a.f1.toFixed(4)} (${a.precision.toFixed(3)} / ${a.recall.toFixed(3)})   ${b ? `${b.f1.toFixed(4)} (${(a.f1 - b.f1 >= 0 ? '+' : '') + (a.f1 - b.f1).toFixed(4)})` : ''}${r ? `   ${r.f1.toFixed(4)}` : ''}`,
      );
    if (flag('--changed') && baseline && set.role === 'dev') {
      let up = 0;
      let down = 0;
      for (const p of pages) {
        const got = ours(p.html);
        const was = baseline(p.html);
        if (got === was) continue;
        const [after, before] = [pageF1(p.gold, got), pageF1(p.gold, was)];
        if (after > before) up++;
        else if (after < before) down++;
        console.log(`  ${before.toFixed(3)} -> ${after.toFixed(3)}  ${p.id}`);
      }
      console.log(`  changed pages: ${up} up, ${down} down`);
    }
    if (argValue('--worst') === set.name) {
      if (set.role === 'report') {
        console.log('  (--worst lists dev sets only: report sets are not read page by page)');
        continue;
      }
      const scored = pages
        .map((p) => {
          const got = ours(p.html);
          return {
            id: p.id,
            f1: pageF1(p.gold, got),
            was: baseline ? pageF1(p.gold, baseline(p.html)) : NaN,
          };
        })
        .sort((x, y) => x.f1 - y.f1);
      for (const s of scored.slice(0, Number(argValue('--top') ?? 25)))
        console.log(`  ${s.f1.toFixed(3)}  (was ${s.was.toFixed(3)})  ${s.id}`);
    }
  }
  const macro = (which: 'dev' | 'report', key: 'ours' | 'baseline'): number | undefined => {
    const xs = rows
      .filter((r) => r['role'] === which && r[key] !== undefined)
      .map((r) => (r[key] as BodyScore).f1);
    return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined;
  };
  // With --lang a set may hold one or two pages of the language: pooled over pages, not sets.
  const pooled = (which: 'dev' | 'report', key: 'ours' | 'baseline'): number | undefined => {
    const xs = rows.filter((r) => r['role'] === which && r[key] !== undefined);
    const pages = xs.reduce((s, r) => s + (r['pages'] as number), 0);
    return pages
      ? xs.reduce((s, r) => s + (r[key] as BodyScore).f1 * (r['pages'] as number), 0) / pages
      : undefined;
  };
  const summary = {
    devMacroF1: { ours: macro('dev', 'ours'), baseline: macro('dev', 'baseline') },
    reportMacroF1: { ours: macro('report', 'ours'), baseline: macro('report', 'baseline') },
    ...(lang !== undefined
      ? {
          devPageWeightedF1: { ours: pooled('dev', 'ours'), baseline: pooled('dev', 'baseline') },
          reportPageWeightedF1: {
            ours: pooled('report', 'ours'),
            baseline: pooled('report', 'baseline'),
          },
        }
      : {}),
  };
  if (json) console.log(JSON.stringify({ baseline: baselineRev, sets: rows, ...summary }));
  else
    for (const [k, v] of Object.entries(summary))
      console.log(
        `${k}: ours ${v.ours?.toFixed(4) ?? '-'}${v.baseline !== undefined ? `  baseline ${v.baseline.toFixed(4)}` : ''}`,
      );
};

await main();
