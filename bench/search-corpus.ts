/**
 * Loads the real corpora bench/search recombines: BBC full texts, Reuters-21578 (through
 * bench/out/reuters.jsonl, written by bench/convert-reuters.ts), RUWA titles+leads, AG News and the
 * fwd headlines. Each document becomes a title, its paragraphs and its outlet; nothing is copied
 * into the repo, the texts are read from ../shared/corpora at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceDocument {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly source: string;
  readonly corpus: 'bbc' | 'reuters' | 'ruwa' | 'ag' | 'fwd';
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

const loadBbc = (dir: string): SourceDocument[] => {
  const docs: SourceDocument[] = [];
  const root = join(dir, 'bbc');
  for (const category of readdirSync(root, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(join(root, category.name)).sort()) {
      const lines = readFileSync(join(root, category.name, file), 'latin1').split(/\n\s*\n|\n/);
      const [title, ...rest] = lines.map(squash).filter((l) => l !== '');
      if (title && rest.length > 0)
        docs.push({ title, paragraphs: rest, source: 'BBC News', corpus: 'bbc' });
    }
  }
  return docs;
};

const loadReuters = (path: string): SourceDocument[] => {
  if (!existsSync(path)) return [];
  const docs: SourceDocument[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; text?: string };
    const paragraphs = (record.text ?? '')
      .split(/\n\s{2,}|\n(?=\s)/)
      .map(squash)
      .filter((p) => p.length > 20 && !/^reuter$/i.test(p));
    if (record.title && paragraphs.length > 0)
      docs.push({ title: squash(record.title), paragraphs, source: 'Reuters', corpus: 'reuters' });
  }
  return docs;
};

const loadRuwa = (path: string): SourceDocument[] => {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const col = (name: string): number => header.indexOf(name);
  const [titleAt, descAt, siteAt] = [col('title'), col('desc'), col('Site')];
  return rows.flatMap((row) => {
    const title = squash(row[titleAt] ?? '');
    const desc = squash(row[descAt] ?? '');
    if (title === '') return [];
    return [
      {
        title,
        paragraphs: desc !== '' ? [desc] : [],
        source: squash(row[siteAt] ?? '') || 'ruwa',
        corpus: 'ruwa' as const,
      },
    ];
  });
};

const loadAgNews = (path: string): SourceDocument[] =>
  parseCsv(readFileSync(path, 'utf8')).flatMap((row) => {
    const title = squash(row[1] ?? '');
    const desc = squash((row[2] ?? '').replace(/\\/g, ' '));
    return title && desc
      ? [{ title, paragraphs: [desc], source: 'AG News', corpus: 'ag' as const }]
      : [];
  });

const loadFwd = (path: string): SourceDocument[] =>
  (JSON.parse(readFileSync(path, 'utf8')) as { title?: string; domain?: string }[]).flatMap((h) =>
    h.title
      ? [
          {
            title: squash(h.title),
            paragraphs: [],
            source: h.domain ?? 'fwd',
            corpus: 'fwd' as const,
          },
        ]
      : [],
  );

/** Every document of the five corpora, in a fixed order (so a seeded generator is reproducible). */
export const loadSourceDocuments = (shared: string, reutersJsonl: string): SourceDocument[] => {
  const corpora = join(shared, 'corpora');
  return [
    ...loadBbc(join(corpora, 'bbc-fulltext')),
    ...loadReuters(reutersJsonl),
    ...loadRuwa(join(corpora, 'ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv')),
    ...loadAgNews(join(corpora, 'ag-news-test', 'test.csv')),
    ...loadFwd(join(corpora, 'fwd-news-headlines', 'headlines_2022-07-11.json')),
  ];
};
