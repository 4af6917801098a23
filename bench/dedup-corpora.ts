/**
 * Benchmark-only readers for the third-party corpora in ../shared (never copied into the repo).
 * Reuters SGML is not well-formed XML, so it is cut with regular expressions, minimally.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../test/shared-data.js';

export interface CorpusArticle {
  readonly id: string;
  readonly title: string;
  /** Paragraphs in reading order. */
  readonly paragraphs: string[];
  /** BBC category or first Reuters topic ('' when none). */
  readonly topic: string;
  readonly published?: string;
}

export const corpusDir = (...parts: string[]): string => join(SHARED_DIR, 'corpora', ...parts);

export const readBbc = (): CorpusArticle[] => {
  const root = corpusDir('bbc-fulltext', 'bbc');
  const articles: CorpusArticle[] = [];
  for (const topic of readdirSync(root)
    .filter((name) => !name.includes('.'))
    .sort()) {
    for (const file of readdirSync(join(root, topic)).sort()) {
      const lines = readFileSync(join(root, topic, file), 'latin1').split(/\n\s*\n/);
      const title = (lines.shift() ?? '').trim();
      const paragraphs = lines
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 0);
      articles.push({ id: `bbc-${topic}-${file.replace('.txt', '')}`, title, paragraphs, topic });
    }
  }
  return articles;
};

const ENTITY = /&#(\d+);|&lt;|&gt;|&amp;/g;
const decode = (text: string): string =>
  text.replace(ENTITY, (match, code: string | undefined) => {
    if (code !== undefined) return Number(code) < 32 ? ' ' : String.fromCharCode(Number(code));
    return match === '&lt;' ? '<' : match === '&gt;' ? '>' : '&';
  });

const element = (doc: string, name: string): string | undefined =>
  new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(doc)?.[1];

const MONTHS: Record<string, string> = {
  JAN: '01',
  FEB: '02',
  MAR: '03',
  APR: '04',
  MAY: '05',
  JUN: '06',
  JUL: '07',
  AUG: '08',
  SEP: '09',
  OCT: '10',
  NOV: '11',
  DEC: '12',
};

const reutersDate = (raw: string | undefined): string | undefined => {
  const match = /(\d{1,2})-([A-Z]{3})-(\d{4}) (\d\d:\d\d:\d\d)/.exec(raw ?? '');
  if (!match) return undefined;
  const [, day, month, year, time] = match;
  return `${year}-${MONTHS[month ?? ''] ?? '01'}-${(day ?? '1').padStart(2, '0')}T${time}Z`;
};

export interface ReutersDoc extends CorpusArticle {
  /** BODY exactly as in the file (entities decoded), for exact-duplicate ground truth. */
  readonly body: string;
}

/** Every Reuters document that has a BODY. */
export const readReuters = (): ReutersDoc[] => {
  const root = corpusDir('reuters-21578', 'sgm-data');
  const docs: ReutersDoc[] = [];
  for (const file of readdirSync(root)
    .filter((name) => name.endsWith('.sgm'))
    .sort()) {
    const text = readFileSync(join(root, file), 'latin1');
    for (const doc of text.split('</REUTERS>')) {
      const id = /NEWID="(\d+)"/.exec(doc)?.[1];
      const rawBody = element(doc, 'BODY');
      if (id === undefined || rawBody === undefined) continue;
      const body = decode(rawBody).replace(/\s*Reuter\s*$/, '');
      const paragraphs = body
        .split(/\n {2,}/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 0);
      const topic = /<TOPICS><D>([^<]*)<\/D>/.exec(doc)?.[1] ?? '';
      const published = reutersDate(element(doc, 'DATE'));
      docs.push({
        id: `reuters-${id}`,
        title: decode(element(doc, 'TITLE') ?? '').trim(),
        paragraphs,
        topic,
        body: decode(rawBody),
        ...(published === undefined ? {} : { published }),
      });
    }
  }
  return docs;
};
