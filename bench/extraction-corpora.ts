/**
 * Loaders for the two HTML extraction corpora in ../shared, and the metrics we report on them.
 * Shared by bench/extract.ts (speed + quality) and scripts/eval.ts (quality gate).
 * Body F1 always goes through ../shared/tools/score-extraction.mjs so figures match the benchmark's table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface HtmlPage {
  readonly id: string;
  readonly html: string;
}

export interface FundusExpected {
  readonly title: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly body: string;
}

export const readGzipText = (path: string): string =>
  gunzipSync(readFileSync(path)).toString('utf8');

/** Pages of article-extraction-benchmark in id order; `limit` reads only the first ones. */
export const loadBenchmarkPages = (dir: string, limit = Infinity): HtmlPage[] =>
  readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, limit)
    .map((f) => ({ id: f.replace(/\.html\.gz$/, ''), html: readGzipText(join(dir, 'html', f)) }));

interface FundusRecord {
  title?: string;
  authors?: string[];
  publishing_date?: string;
  body?: { summary?: string[]; sections?: { headline?: string[]; paragraphs?: string[] }[] };
}

/**
 * fundus pairs the n-th parser version of a publisher with its n-th test page by date. `only`
 * names the pages to read ("de/WAZ_2025_09_10"); the others are not decompressed (tests).
 */
export const loadFundusPages = (
  dir: string,
  only?: ReadonlySet<string>,
): (HtmlPage & { expected: FundusExpected })[] => {
  const out: (HtmlPage & { expected: FundusExpected })[] = [];
  for (const country of readdirSync(dir).sort()) {
    const countryDir = join(dir, country);
    let files: string[];
    try {
      files = readdirSync(countryDir);
    } catch {
      continue;
    }
    for (const jsonFile of files.filter((f) => f.endsWith('.json')).sort()) {
      const publisher = jsonFile.replace(/\.json$/, '');
      const versions = Object.values(
        JSON.parse(readFileSync(join(countryDir, jsonFile), 'utf8')) as Record<
          string,
          FundusRecord
        >,
      );
      const pages = files
        .filter((f) => new RegExp(`^${publisher}_\\d{4}_\\d{2}_\\d{2}\\.html\\.gz$`).test(f))
        .sort();
      pages.forEach((page, i) => {
        const v = versions[i];
        const id = `${country}/${page.replace(/\.html\.gz$/, '')}`;
        if (!v || (only !== undefined && !only.has(id))) return;
        const body = [
          ...(v.body?.summary ?? []),
          ...(v.body?.sections ?? []).flatMap((s) => [
            ...(s.headline ?? []),
            ...(s.paragraphs ?? []),
          ]),
        ].join('\n\n');
        out.push({
          id,
          html: readGzipText(join(countryDir, page)),
          expected: {
            title: v.title ?? '',
            authors: v.authors ?? [],
            ...(v.publishing_date !== undefined ? { published: v.publishing_date } : {}),
            body,
          },
        });
      });
    }
  }
  return out;
};

export interface BodyScore {
  readonly pages: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
}

/** Runs the shared scorer on predictions {id -> text}; truth is {id -> articleBody}. */
export const scoreBodies = (
  scorer: string,
  truth: ReadonlyMap<string, string> | string,
  predictions: ReadonlyMap<string, string>,
): BodyScore => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
  let truthPath: string;
  if (typeof truth === 'string') truthPath = truth;
  else {
    truthPath = join(dir, 'truth.json');
    writeFileSync(
      truthPath,
      JSON.stringify(
        Object.fromEntries([...truth].map(([id, body]) => [safeId(id), { articleBody: body }])),
      ),
    );
  }
  // One JSON object, not JSONL: the scorer reads a one-line JSONL file as a JSON object of the
  // wrong shape, so a set of one page (a language's pages of a set, --lang) scored 0.
  const predPath = join(dir, 'predictions.json');
  writeFileSync(
    predPath,
    JSON.stringify(
      Object.fromEntries([...predictions].map(([id, text]) => [safeId(id), { articleBody: text }])),
    ),
  );
  const out = execFileSync(process.execPath, [scorer, truthPath, predPath], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as BodyScore;
};

/** The scorer reduces ids to a basename, so country/page becomes country__page. */
const safeId = (id: string): string => basename(id.replace(/\//g, '__'));

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const normName = (s: string): string => norm(s).toLowerCase();

export const sameTitle = (a: string | undefined, b: string): boolean =>
  a !== undefined && norm(a) === norm(b);

export const sameAuthors = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a.map(normName));
  const y = new Set(b.map(normName));
  return x.size === y.size && [...x].every((n) => y.has(n));
};

/** Same calendar day, either as stated in the page's own offset or in UTC. */
export const sameDay = (ours: string | undefined, expected: string | undefined): boolean => {
  if (ours === undefined || expected === undefined) return ours === expected;
  const e = expected.replace(' ', 'T');
  if (ours.slice(0, 10) === e.slice(0, 10)) return true;
  const a = Date.parse(ours);
  const b = Date.parse(e);
  return (
    !Number.isNaN(a) &&
    !Number.isNaN(b) &&
    new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10)
  );
};
