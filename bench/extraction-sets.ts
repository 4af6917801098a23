/**
 * Every main-text extraction set in ../shared/corpora, read as (page HTML, gold article text) pairs
 * so one scorer (../shared/tools/score-extraction.mjs) can compare extractors on all of them.
 * Each loader converts that set's own gold convention into plain text; the conventions differ
 * (CleanEval keeps all running text of a page, L3S labels blocks, Readability and newspaper4k gold
 * are those tools' reviewed outputs), so figures compare extractors per set, never across sets.
 *
 * `role` is the development protocol (docs/extraction-protocol.md): changes are chosen on "dev"
 * sets and confirmed on "report" sets, which nobody looks at page by page while tuning.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { decodeBytes } from '../src/ingest/decode-bytes.js';
import { loadBenchmarkPages, loadFundusPages } from './extraction-corpora.js';

export interface GoldPage {
  readonly id: string;
  readonly html: string;
  readonly gold: string;
}

export interface ExtractionSet {
  readonly name: string;
  readonly role: 'dev' | 'report';
  /** Licence note that matters for what we may do with it (evaluation-only sets never train). */
  readonly licence: string;
  readonly load: (shared: string) => GoldPage[];
}

/** Bytes as a browser would read them (BOM, declared charset, UTF-8, windows-1252). */
const decodeFile = (path: string): string => {
  let bytes: Uint8Array = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return decodeBytes(bytes).text;
};

const listFiles = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
    : [];

/** CleanEval gold: a URL line, then blocks opened by <h>, <p> or <l>; only the text counts. */
const cleanEvalText = (gold: string): string =>
  gold
    .replace(/^\uFEFF/, '')
    .replace(/^\s*URL:.*$/m, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(h|p|l)>/gi, '\n')
    .trim();

const cleanEvalPages = (dir: string): GoldPage[] =>
  listFiles(join(dir, 'GoldStandard'), '.txt').flatMap((f) => {
    const id = f.replace(/\.txt$/, '');
    const htmlPath = join(dir, 'input', `${id}.html.gz`);
    if (!existsSync(htmlPath)) return [];
    // The first line is CleanEval's <text id=... encoding=...> wrapper, not part of the page.
    const html = decodeFile(htmlPath).replace(/^\s*<text [^>]*>/i, '');
    return [{ id, html, gold: cleanEvalText(decodeFile(join(dir, 'GoldStandard', f))) }];
  });

/** Text of every element whose class names one of `classes`, in document order. */
const textOfClasses = (html: string, classes: ReadonlySet<string>): string => {
  const parts: string[] = [];
  const stack: boolean[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(_name, attrs) {
        const hit = (attrs['class'] ?? '').split(/\s+/).some((c) => classes.has(c));
        stack.push(hit);
        if (hit) depth++;
      },
      ontext(text) {
        if (depth > 0) parts.push(text);
      },
      onclosetag() {
        if (stack.pop()) depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' '));
  parser.end();
  return parts.join(' ');
};

const BLOCK_CLOSE =
  /<\/?(p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|blockquote|pre|section|figure|figcaption)\b[^>]*>/gi;

/** Text of an HTML fragment, blocks on lines of their own, tags gone, entities decoded. */
const fragmentText = (html: string): string =>
  decodeHTML(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(BLOCK_CLOSE, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .trim();

const L3S_BODY = new Set(['x-nc-sel2']);

/** One L3S-GN1 page with its body gold (also for tests that read single pages). */
export const loadL3sPage = (shared: string, id: string): GoldPage => {
  const dir = join(shared, 'corpora', 'l3s-gn1');
  return {
    id,
    html: decodeFile(join(dir, 'original', `${id}.html.gz`)),
    gold: textOfClasses(decodeFile(join(dir, 'annotated', `${id}.html.gz`)), L3S_BODY),
  };
};

export const EXTRACTION_SETS: readonly ExtractionSet[] = [
  {
    name: 'aeb',
    role: 'dev',
    licence: 'MIT repo (pages the publishers’)',
    load: (shared) => {
      const dir = join(shared, 'corpora', 'article-extraction-benchmark');
      const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
        string,
        { articleBody?: string }
      >;
      return loadBenchmarkPages(dir).map((p) => ({
        ...p,
        gold: truth[p.id]?.articleBody ?? '',
      }));
    },
  },
  {
    name: 'fundus',
    role: 'dev',
    licence: 'MIT repo (pages the publishers’)',
    load: (shared) =>
      loadFundusPages(join(shared, 'corpora', 'fundus-news-html', 'test_data')).map((p) => ({
        id: p.id,
        html: p.html,
        gold: p.expected.body,
      })),
  },
  {
    name: 'l3s-gn1',
    role: 'dev',
    licence: 'research use only (L3S)',
    // Body only (.x-nc-sel2): headline, captions, related links and comments are not article body.
    load: (shared) =>
      listFiles(join(shared, 'corpora', 'l3s-gn1', 'original'), '.html.gz').map((f) =>
        loadL3sPage(shared, f.replace(/\.html\.gz$/, '')),
      ),
  },
  {
    name: 'readability',
    role: 'dev',
    licence: 'Apache-2.0 repo; gold is Readability’s own output',
    // Real pages only: the synthetic unit cases (< 8 KB) and pages Readability calls unreadable
    // test Readability's own code paths, not articles.
    load: (shared) => {
      const dir = join(shared, 'corpora', 'readability-test-pages', 'test-pages');
      return readdirSync(dir)
        .sort()
        .flatMap((name) => {
          const source = join(dir, name, 'source.html.gz');
          const expected = join(dir, name, 'expected.html');
          if (!existsSync(source) || !existsSync(expected)) return [];
          const html = decodeFile(source);
          if (html.length < 8192) return [];
          const meta = JSON.parse(
            readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'),
          ) as { readerable?: boolean };
          if (meta.readerable === false) return [];
          return [{ id: name, html, gold: fragmentText(readFileSync(expected, 'utf8')) }];
        });
    },
  },
  {
    name: 'newspaper4k',
    role: 'dev',
    licence: 'MIT repo; gold is newspaper4k’s own output',
    load: (shared) => {
      const dir = join(shared, 'corpora', 'newspaper4k-fixtures');
      return listFiles(join(dir, 'txt'), '.txt').flatMap((f) => {
        const id = f.replace(/\.txt$/, '');
        const html = join(dir, 'html', `${id}.html.gz`);
        if (!existsSync(html)) return [];
        return [{ id, html: decodeFile(html), gold: readFileSync(join(dir, 'txt', f), 'utf8') }];
      });
    },
  },
  {
    name: 'cleaneval-dev',
    role: 'dev',
    licence: 'none stated, research/evaluation only',
    load: (shared) => cleanEvalPages(join(shared, 'corpora', 'cleaneval', 'dev')),
  },
  {
    name: 'cleaneval-final',
    role: 'report',
    licence: 'none stated, research/evaluation only',
    load: (shared) => cleanEvalPages(join(shared, 'corpora', 'cleaneval', 'final')),
  },
  {
    name: 'cleanportaleval',
    role: 'report',
    licence: 'none stated, research/evaluation only',
    load: (shared) => cleanEvalPages(join(shared, 'corpora', 'cleanportaleval')),
  },
  {
    name: 'htmltotext',
    role: 'report',
    licence: 'none stated, evaluation only; gold keeps comments and forum metadata',
    load: (shared) => {
      const dir = join(shared, 'corpora', 'htmltotext-benchmark');
      return ['de', 'en', 'hr', 'zh'].flatMap((lang) =>
        listFiles(join(dir, lang, 'html'), '.html.gz').flatMap((f) => {
          const id = f.replace(/\.html\.gz$/, '');
          const text = join(dir, lang, 'text', `${id}.txt`);
          if (!existsSync(text)) return [];
          return [
            {
              id: `${lang}/${id}`,
              html: decodeFile(join(dir, lang, 'html', f)),
              gold: readFileSync(text, 'utf8'),
            },
          ];
        }),
      );
    },
  },
  {
    name: 'dragnet',
    role: 'report',
    licence: 'AGPL-3.0, evaluation only: never train anything shipped on it',
    // Gold is the text before the comments marker: comments are not article body.
    load: (shared) => {
      const dir = join(shared, 'corpora', 'dragnet');
      return listFiles(join(dir, 'Corrected'), '.html.corrected.txt').flatMap((f) => {
        const id = f.replace(/\.html\.corrected\.txt$/, '');
        const html = join(dir, 'HTML', `${id}.html.gz`);
        if (!existsSync(html) || statSync(html).size === 0) return [];
        const gold = decodeFile(join(dir, 'Corrected', f)).split('!@#$%^&*()  COMMENTS')[0] ?? '';
        return [{ id, html: decodeFile(html), gold }];
      });
    },
  },
];
