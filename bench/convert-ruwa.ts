/**
 * bench/convert-ruwa: RUWA (Russia-Ukraine war news, titles and leads) as JSON lines sitrep ingests,
 * one record per row with its URL, date (MM/DD/YYYY -> ISO), site, and headline plus lead as text.
 *
 *   npx tsx bench/convert-ruwa.ts          # writes bench/out/ruwa.jsonl
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './search-corpus.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const source = join(shared, 'corpora', 'ruwa-russia-ukraine-war-news', 'RUWA_04.08.23.csv');

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const ruwaRecords = (path: string = source): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const at = (name: string): number => header.indexOf(name);
  const [url, desc, title, date, site] = ['src', 'desc', 'title', 'Date', 'Site'].map(at);
  return rows.flatMap((row) => {
    const lead = squash(row[desc!] ?? '');
    const head = squash(row[title!] ?? '');
    const link = squash(row[url!] ?? '');
    if ((lead === '' && head === '') || link === '') return [];
    const [m, d, y] = (row[date!] ?? '').split('/');
    const published = y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : undefined;
    return [
      {
        url: link,
        ...(head !== '' ? { title: head } : {}),
        // The headline leads the text: many supply statements are only in the headline.
        text: lead !== '' && head !== '' ? `${head}\n\n${lead}` : lead !== '' ? lead : head,
        ...(published ? { published } : {}),
        source: squash(row[site!] ?? '') || 'ruwa',
      },
    ];
  });
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(here, 'out');
  mkdirSync(out, { recursive: true });
  const records = ruwaRecords();
  writeFileSync(join(out, 'ruwa.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  console.log(`wrote ${records.length} records to bench/out/ruwa.jsonl`);
}
