/**
 * Real copies across sites: every page of every extraction set in ../shared/corpora (about 2,500
 * real pages, 2006-2024, many sites) goes through src/clean's extraction and then dedup, as
 * `sitrep ingest` would take them. Hand-labelled groups (bench/real-copies-labels.ts) say which
 * pages carry one story; any other pair dedup groups is a false copy (the bench prints them, so a
 * new one gets read and labelled). Reported per split (dev / report) beside a baseline revision of
 * src/ measured in the same run (default: merge-base with main).
 *
 * Usage: node --import tsx bench/dedup-real-copies.ts [--baseline REV | --no-baseline] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/clean/extract-article.js';
import { decideSyndication } from '../src/dedup/decide-syndication.js';
import type { DedupInput } from '../src/dedup/article-fingerprint.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { EXTRACTION_SETS } from './extraction-sets.js';
import { scoreCopyGroups, type CopyGroupScore } from './copy-group-score.js';
import { REAL_COPY_GROUPS, roleOfGroup } from './real-copies-labels.js';
import { baselineRevision, revisionSourceDir } from './revision-source.js';

interface Page {
  readonly id: string;
  readonly html: string;
  readonly url?: string;
}

const l3sUrls = (): Map<string, string> => {
  const path = join(SHARED_DIR, 'corpora', 'l3s-gn1', 'url-mapping.txt');
  const urls = new Map<string, string>();
  if (!existsSync(path)) return urls;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^<urn:uuid:([^>]+)>\t(\S+)/.exec(line);
    if (m) urls.set(`l3s-gn1:${m[1]}`, m[2] as string);
  }
  return urls;
};

const hostOf = (url: string | undefined): string | undefined => {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

type Decide = (inputs: readonly DedupInput[]) => Promise<Map<string, string>>;
type Extract = (html: string) => { text: string; title?: string; canonicalUrl?: string };

/** src/ of a git revision, unpacked once under node_modules/.cache so its imports resolve. */
const revisionModules = async (rev: string): Promise<{ extract: Extract; decide: Decide }> => {
  const dir = revisionSourceDir(rev);
  const clean = (await import(join(dir, 'src', 'clean', 'extract-article.ts'))) as {
    extractArticle: Extract;
  };
  const dedup = (await import(join(dir, 'src', 'dedup', 'decide-syndication.ts'))) as {
    decideSyndication: typeof decideSyndication;
  };
  const index = (await import(join(dir, 'src', 'dedup', 'memory-near-duplicate-index.ts'))) as {
    MemoryNearDuplicateIndex: typeof MemoryNearDuplicateIndex;
  };
  return {
    extract: clean.extractArticle,
    decide: (inputs) =>
      canonicals(inputs, dedup.decideSyndication, new index.MemoryNearDuplicateIndex()),
  };
};

const canonicals = async (
  inputs: readonly DedupInput[],
  decide: typeof decideSyndication,
  index: MemoryNearDuplicateIndex,
): Promise<Map<string, string>> => {
  for (const input of inputs) await decide(input, index);
  const out = new Map<string, string>();
  for (const input of inputs)
    out.set(input.id, (await index.getDecision(input.id))?.of ?? input.id);
  return out;
};

const score = (canonical: ReadonlyMap<string, string>): CopyGroupScore =>
  scoreCopyGroups(canonical, REAL_COPY_GROUPS);

const main = async (): Promise<void> => {
  if (!existsSync(join(SHARED_DIR, 'corpora'))) {
    console.log(`skipped: ${SHARED_DIR}/corpora is absent`);
    return;
  }
  const urls = l3sUrls();
  const pages: Page[] = [];
  for (const set of EXTRACTION_SETS)
    for (const p of set.load(SHARED_DIR)) {
      const id = `${set.name}:${p.id}`;
      const url = urls.get(id);
      pages.push({ id, html: p.html, ...(url !== undefined ? { url } : {}) });
    }
  pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inputsOf = (extract: Extract): DedupInput[] =>
    pages.map((p) => {
      const a = extract(p.html);
      const url = p.url ?? a.canonicalUrl;
      const source = hostOf(url);
      return {
        id: p.id,
        text: a.text,
        ...(a.title !== undefined ? { title: a.title } : {}),
        ...(url !== undefined ? { url } : {}),
        ...(source !== undefined ? { source } : {}),
      };
    });
  const ours = inputsOf(extractArticle);
  const oursScore = score(
    await canonicals(ours, decideSyndication, new MemoryNearDuplicateIndex()),
  );
  const rev = baselineRevision();
  const baseScore =
    rev === undefined
      ? undefined
      : await (async () => {
          const mods = await revisionModules(rev);
          return score(await mods.decide(inputsOf(mods.extract)));
        })();
  const line = (name: string, s: CopyGroupScore): string => {
    const pairs = s.truePairs + s.falsePairs.length;
    return `${name.padEnd(22)} groups found dev ${s.found.dev[0]}/${s.found.dev[1]}  report ${s.found.report[0]}/${s.found.report[1]}   predicted pairs: ${s.truePairs} true, ${s.falsePairs.length} false, ${s.optionalPairs} optional   precision ${(pairs === 0 ? 1 : s.truePairs / pairs).toFixed(4)}`;
  };
  console.log(`pages: ${pages.length}`);
  console.log(line('ours', oursScore));
  if (baseScore) console.log(line(`baseline ${rev}`, baseScore));
  if (process.argv.includes('--verbose')) {
    const text = new Map(ours.map((i) => [i.id, i]));
    for (const key of oursScore.falsePairs) {
      const [a, b] = key.split('\t') as [string, string];
      const show = (id: string): string =>
        `${id} "${text.get(id)?.title?.slice(0, 60) ?? ''}" ${text.get(id)?.text.replace(/\s+/g, ' ').slice(0, 160)}`;
      console.log(`FALSE\n  ${show(a)}\n  ${show(b)}`);
    }
    for (const group of oursScore.missed)
      console.log(`MISSED (${roleOfGroup(group)}) ${group.what}`);
  }
};

await main();
