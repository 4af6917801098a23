/**
 * Real copies under real furniture and truncation. L3S-GN1's 621 Google News pages (408 sites) are
 * hand-annotated block by block (headline, full text, supplemental, related links, comments, rest
 * of page), so the same real page can be read as a clean article or as what a weaker extractor
 * would keep. Each view is a dedup run over all 621 pages:
 *
 * - body:       the annotated full text only (a perfect extractor);
 * - page:       every visible text block of the page (navigation, related links, comments,
 *               rights lines): the hard negatives, where same-site pages share most of their words;
 * - furnished:  half the pages (by id hash) as `page`, half as `body`: one wire story on two sites
 *               arrives with different furniture;
 * - truncated:  half the pages cut to their leading paragraphs (about 40% of the body, at least
 *               100 words), half as `body`: a site that shows page 1 of 2;
 * - teaser:     half the pages as `page`, half as truncated: both at once;
 * - caption:    every page as `page` with its full text cut to the first paragraph: short pages
 *               made mostly of their site's furniture (a video page, a photo caption). Only its
 *               false pairs matter (two captions of one labelled story may or may not be copies).
 *
 * Labels are bench/real-copies-labels.ts (L3S groups, dev = first id 0-7, report = 8-f); every
 * other predicted pair is false unless listed as optional. Copies are only judged within a view.
 *
 * Usage: node --import tsx bench/dedup-l3s-views.ts [--baseline REV | --no-baseline] [--verbose]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import type { DedupInput } from '../src/dedup/article-fingerprint.js';
import { fingerprintArticle } from '../src/dedup/article-fingerprint.js';
import { compareFingerprints } from '../src/dedup/compare-fingerprints.js';
import { contentOverlap } from '../src/dedup/content-overlap.js';
import { containedPartContainment } from '../src/dedup/leading-part.js';
import { decideSyndication } from '../src/dedup/decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from '../src/dedup/dedup-options.js';
import { signatureAgreement } from '../src/dedup/minhash.js';
import { distinctContentWords } from '../src/dedup/site-boilerplate.js';
import { hashString32 } from '../src/dedup/hash32.js';
import { MemoryNearDuplicateIndex } from '../src/dedup/memory-near-duplicate-index.js';
import { decodeBytes } from '../src/ingest/decode-bytes.js';
import { SHARED_DIR } from '../test/shared-data.js';
import { scoreCopyGroups } from './copy-group-score.js';
import { REAL_COPY_GROUPS, roleOfGroup } from './real-copies-labels.js';
import { baselineRevision, revisionSourceDir } from './revision-source.js';

interface AnnotatedPage {
  readonly id: string;
  readonly url?: string;
  readonly title: string;
  /** Paragraphs of the annotated full text. */
  readonly body: string[];
  /** Paragraphs of every visible block, in page order. */
  readonly page: string[];
  /** `page` with the full text cut to its first paragraph: a video page's caption in its furniture. */
  readonly caption: string[];
}

const BLOCKS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol br tr td th table blockquote pre section article header footer nav form dd dt'.split(
    ' ',
  ),
);

/** Paragraphs of the page, split at block elements; `inBody` says whether each is full text. */
const readAnnotated = (
  html: string,
): { title: string; body: string[]; page: string[]; caption: string[] } => {
  const body: string[] = [];
  const page: string[] = [];
  const caption: string[] = [];
  let title = '';
  let current = '';
  let currentBody = false;
  const stack: { hidden: boolean; body: boolean; title: boolean }[] = [];
  let hidden = 0;
  let inBody = 0;
  let inTitle = 0;
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') {
      page.push(text);
      if (!currentBody || body.length === 0) caption.push(text);
      if (currentBody) body.push(text);
    }
    current = '';
    currentBody = false;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const classes = (attrs['class'] ?? '').split(/\s+/);
        const entry = {
          hidden: name === 'script' || name === 'style' || classes.includes('x-nc-invisible'),
          body: classes.includes('x-nc-sel2'),
          title: name === 'title',
        };
        stack.push(entry);
        if (entry.hidden) hidden++;
        if (entry.body) inBody++;
        if (entry.title) inTitle++;
        if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (inTitle > 0) title += text;
        else if (hidden === 0) {
          current += text;
          if (inBody > 0 && text.trim() !== '') currentBody = true;
        }
      },
      onclosetag(name) {
        const entry = stack.pop();
        if (entry?.hidden) hidden--;
        if (entry?.body) inBody--;
        if (entry?.title) inTitle--;
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { title: title.replace(/\s+/g, ' ').trim(), body, page, caption };
};

const loadPages = (): AnnotatedPage[] => {
  const dir = join(SHARED_DIR, 'corpora', 'l3s-gn1');
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'url-mapping.txt'), 'utf8').split('\n')) {
    const m = /^<urn:uuid:([^>]+)>\t(\S+)/.exec(line);
    if (m) urls.set(m[1] as string, m[2] as string);
  }
  return readdirSync(join(dir, 'annotated'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const uuid = f.replace(/\.html\.gz$/, '');
      const html = decodeBytes(gunzipSync(readFileSync(join(dir, 'annotated', f)))).text;
      const url = urls.get(uuid);
      return {
        id: `l3s-gn1:${uuid}`,
        ...(url !== undefined ? { url } : {}),
        ...readAnnotated(html),
      };
    });
};

/** The leading paragraphs holding about 40% of the body's words, at least 100. */
const leading = (paragraphs: readonly string[]): string[] => {
  const total = paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
  const want = Math.max(100, Math.ceil(total * 0.4));
  const out: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    if (words >= want) break;
    out.push(p);
    words += p.split(/\s+/).length;
  }
  return out;
};

type View = 'body' | 'page' | 'furnished' | 'truncated' | 'teaser' | 'caption';
const VIEWS: readonly View[] = ['body', 'page', 'furnished', 'truncated', 'teaser', 'caption'];

const textOf = (page: AnnotatedPage, view: View): string[] => {
  const odd = (hashString32(page.id) & 1) === 1;
  switch (view) {
    case 'body':
      return page.body;
    case 'page':
      return page.page;
    case 'caption':
      return page.caption;
    case 'furnished':
      return odd ? page.page : page.body;
    case 'truncated':
      return odd ? leading(page.body) : page.body;
    case 'teaser':
      return odd ? page.page : leading(page.body);
  }
};

const hostOf = (url: string | undefined): string | undefined => {
  try {
    return url === undefined ? undefined : new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};

const inputsOf = (pages: readonly AnnotatedPage[], view: View): DedupInput[] =>
  pages.map((p) => {
    const source = hostOf(p.url);
    return {
      id: p.id,
      text: textOf(p, view).join('\n\n'),
      ...(p.title !== '' ? { title: p.title } : {}),
      ...(p.url !== undefined ? { url: p.url } : {}),
      ...(source !== undefined ? { source } : {}),
    };
  });

type Decide = typeof decideSyndication;
type IndexClass = typeof MemoryNearDuplicateIndex;

const canonicals = async (
  inputs: readonly DedupInput[],
  decide: Decide,
  Index: IndexClass,
): Promise<Map<string, string>> => {
  const index = new Index();
  for (const input of inputs) await decide(input, index);
  const out = new Map<string, string>();
  for (const input of inputs)
    out.set(input.id, (await index.getDecision(input.id))?.of ?? input.id);
  return out;
};

const GROUPS = REAL_COPY_GROUPS.filter((g) => g.pages.every((p) => p.startsWith('l3s-gn1:')));

/** Why a labelled pair is or is not a copy: lengths, overlap, MinHash agreement, content words. */
const pairFeatures = (a: DedupInput | undefined, b: DedupInput | undefined): string => {
  if (!a || !b) return 'missing';
  const x = fingerprintArticle(a, DEFAULT_DEDUP_OPTIONS).fingerprint;
  const y = fingerprintArticle(b, DEFAULT_DEDUP_OPTIONS).fingerprint;
  const o = contentOverlap(x, y, DEFAULT_DEDUP_OPTIONS.threshold);
  const [shorter, longer] = x.words.length <= y.words.length ? [x, y] : [y, x];
  const copy = compareFingerprints(x, y, DEFAULT_DEDUP_OPTIONS).isCopy ? 'copy' : 'not a copy';
  return `words ${x.words.length}/${y.words.length} ratio ${o.lengthRatio.toFixed(2)} contained ${o.containment.toFixed(2)} as part ${containedPartContainment(shorter, longer).toFixed(2)} minhash ${signatureAgreement(x.signature, y.signature).toFixed(2)} content words ${distinctContentWords(x)}/${distinctContentWords(y)}: ${copy}`;
};

const main = async (): Promise<void> => {
  if (!existsSync(join(SHARED_DIR, 'corpora', 'l3s-gn1'))) {
    console.log(`skipped: ${SHARED_DIR}/corpora/l3s-gn1 is absent`);
    return;
  }
  const pages = loadPages();
  const rev = baselineRevision();
  const runs: { name: string; decide: Decide; Index: IndexClass }[] = [
    { name: 'ours', decide: decideSyndication, Index: MemoryNearDuplicateIndex },
  ];
  if (rev !== undefined) {
    const dir = revisionSourceDir(rev);
    const dedup = (await import(join(dir, 'src', 'dedup', 'decide-syndication.ts'))) as {
      decideSyndication: Decide;
    };
    const index = (await import(join(dir, 'src', 'dedup', 'memory-near-duplicate-index.ts'))) as {
      MemoryNearDuplicateIndex: IndexClass;
    };
    runs.push({
      name: `baseline ${rev}`,
      decide: dedup.decideSyndication,
      Index: index.MemoryNearDuplicateIndex,
    });
  }
  console.log(`pages: ${pages.length}, labelled L3S groups: ${GROUPS.length}`);
  const verbose = process.argv.includes('--verbose');
  const byId = new Map(pages.map((p) => [p.id, p]));
  for (const view of VIEWS)
    for (const run of runs) {
      const s = scoreCopyGroups(
        await canonicals(inputsOf(pages, view), run.decide, run.Index),
        GROUPS,
      );
      const pairs = s.truePairs + s.falsePairs.length;
      console.log(
        `${view.padEnd(10)} ${run.name.padEnd(22)} found dev ${s.found.dev[0]}/${s.found.dev[1]}  report ${s.found.report[0]}/${s.found.report[1]}   pairs ${s.truePairs} true, ${s.falsePairs.length} false   precision ${(pairs === 0 ? 1 : s.truePairs / pairs).toFixed(4)}`,
      );
      if (verbose && run.name === 'ours') {
        for (const m of s.missed) console.log(`  MISSED ${roleOfGroup(m)} ${m.what}`);
        const inputs = new Map(inputsOf(pages, view).map((i) => [i.id, i]));
        for (const group of GROUPS)
          for (const a of group.pages)
            for (const b of group.pages)
              if (a < b)
                console.log(
                  `  pair ${pairFeatures(inputs.get(a), inputs.get(b))}  ${group.what.slice(0, 40)}`,
                );
        for (const key of s.falsePairs) {
          const show = (id: string): string => {
            const p = byId.get(id);
            const text = p ? textOf(p, view).join(' ') : '';
            return `${id} "${p?.title.slice(0, 60) ?? ''}" (${text.split(/\s+/).length} words) ${text.slice(0, 140)}`;
          };
          const [a, b] = key.split('\t') as [string, string];
          console.log(`  FALSE\n    ${show(a)}\n    ${show(b)}`);
        }
      }
    }
};

await main();
