/**
 * The articles the facts gold (eval/gold/facts-*.txt) is written against, rebuilt from ../shared by id
 * so no text is ever copied into the repo:
 *   ruwa:<row>        RUWA title + lead ("Unnamed: 0" column), date from its Date column
 *   seed:<file stem>  ../shared/seeds/<stem>.txt as stored
 *   bbc:<topic>/<nnn> ../shared/corpora/bbc-fulltext/bbc/<topic>/<nnn>.txt (latin-1)
 *   re3d:<source>/<_id> a document of ../shared/ner/re3d/original/<source>/documents.json
 *   reuters:<NEWID>   a Reuters-21578 story (../shared/corpora/reuters-21578/sgm-data), body as
 *                     bench/convert-reuters.ts decodes it, title and date from its SGML
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertSgml, type ReutersRecord } from '../convert-reuters.js';
import { parseCsv } from '../search-corpus.js';

export interface GoldArticle {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
}

const ruwaDate = (mdy: string): string | undefined => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(mdy.trim());
  return m ? `${m[3]}-${m[1]}-${m[2]}` : undefined;
};

let ruwaRows: Map<string, GoldArticle> | undefined;
const ruwa = (shared: string): Map<string, GoldArticle> => {
  if (ruwaRows) return ruwaRows;
  const path = join(shared, 'corpora', 'ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv');
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const col = (name: string): number => (header ?? []).indexOf(name);
  const [rowAt, titleAt, descAt, dateAt] = [
    col('Unnamed: 0'),
    col('title'),
    col('desc'),
    col('Date'),
  ];
  ruwaRows = new Map();
  for (const row of rows) {
    const key = `ruwa:${row[rowAt] ?? ''}`;
    const title = (row[titleAt] ?? '').trim();
    const desc = (row[descAt] ?? '').trim();
    const published = ruwaDate(row[dateAt] ?? '');
    ruwaRows.set(key, {
      id: key,
      text: [title, desc].filter((p) => p !== '').join('\n\n'),
      ...(title !== '' ? { title } : {}),
      ...(published !== undefined ? { published } : {}),
    });
  }
  return ruwaRows;
};

const re3dDocs = new Map<string, Map<string, { title?: string; text: string }>>();
const re3d = (shared: string, source: string, docId: string): GoldArticle | undefined => {
  let docs = re3dDocs.get(source);
  if (!docs) {
    const path = join(shared, 'ner', 're3d', 'original', source, 'documents.json');
    docs = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const d = JSON.parse(line) as { _id: string; title?: string; text: string };
      docs.set(d._id, { text: d.text, ...(d.title ? { title: d.title } : {}) });
    }
    re3dDocs.set(source, docs);
  }
  const d = docs.get(docId);
  return d
    ? { id: `re3d:${source}/${docId}`, text: d.text, ...(d.title ? { title: d.title } : {}) }
    : undefined;
};

let reutersDocs: Map<string, ReutersRecord> | undefined;
const reuters = (shared: string, newId: string): ReutersRecord | undefined => {
  if (!reutersDocs) {
    const docs = new Map<string, ReutersRecord>();
    const dir = join(shared, 'corpora', 'reuters-21578', 'sgm-data');
    const counts = { files: 0, documents: 0, written: 0, skippedNoBody: 0, undatable: 0 };
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.sgm'))) {
      // latin1 keeps every byte, as the converter does (reut2-017.sgm holds a stray 0xFC).
      convertSgml(readFileSync(join(dir, name), 'latin1'), counts, (r) => docs.set(r.id, r));
    }
    reutersDocs = docs;
  }
  return reutersDocs.get(newId);
};

/** Every RUWA row id ("ruwa:<row>"), for drawing gold rows by a fixed rule. */
export const ruwaArticleIds = (shared: string): string[] => [...ruwa(shared).keys()];

/** The article a gold id names, or an error saying why it cannot be rebuilt. */
export const loadGoldArticle = (shared: string, id: string): GoldArticle => {
  const [kind, rest = ''] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  let found: GoldArticle | undefined;
  if (kind === 'ruwa') found = ruwa(shared).get(id);
  else if (kind === 'seed') {
    const path = join(shared, 'seeds', `${rest}.txt`);
    if (existsSync(path)) found = { id, text: readFileSync(path, 'utf8') };
  } else if (kind === 'bbc') {
    const path = join(shared, 'corpora', 'bbc-fulltext', 'bbc', `${rest}.txt`);
    if (existsSync(path)) {
      const text = readFileSync(path, 'latin1');
      found = { id, text, title: text.split('\n')[0] ?? '', published: '2005-01-01' };
    }
  } else if (kind === 'reuters') {
    const r = reuters(shared, rest);
    if (r)
      found = {
        id,
        text: r.text,
        ...(r.title !== undefined ? { title: r.title } : {}),
        ...(r.published !== undefined ? { published: r.published.slice(0, 10) } : {}),
      };
  } else if (kind === 're3d') {
    const slash = rest.lastIndexOf('/');
    found = re3d(shared, rest.slice(0, slash), rest.slice(slash + 1));
    if (found) found = { ...found, id };
  }
  if (!found) throw new Error(`gold article ${id}: not found in ${shared}`);
  return found;
};
