/**
 * Benchmark-only converter: Reuters-21578 SGML -> JSONL in the shape `sitrep ingest` reads.
 * The corpus is third-party data and stays in ../shared; only the generated JSONL (in bench/out,
 * git-ignored) is read by benchmarks. Never imported by product code.
 *
 * Usage: npx tsx bench/convert-reuters.ts [out.jsonl] [--src DIR]
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { sharedPath } from '../test/shared-data.js';

export interface ReutersRecord {
  readonly id: string;
  readonly title?: string;
  readonly text: string;
  readonly published?: string;
  readonly source: 'Reuters';
}

export interface ConversionCounts {
  files: number;
  documents: number;
  written: number;
  skippedNoBody: number;
  undatable: number;
}

const MONTHS: Readonly<Record<string, string>> = {
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

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * Decodes the entities the corpus uses. Numeric references to control characters (&#2; &#3; &#5;
 * &#22; ... are wire-service framing bytes, about 194k of them) are dropped, not decoded.
 */
export function decodeSgmlText(raw: string): string {
  const decoded = raw.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || isControl(code)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
  // eslint-disable-next-line no-control-regex -- raw framing bytes also occur unescaped
  return decoded.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function isControl(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/**
 * "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01.790Z". The corpus gives no zone; we read it as
 * UTC so the benchmark is deterministic. Some dates carry leading spaces, a doubled space or
 * trailing framing junk ("...00:02:59.13&#5;&#5;&#5;RM"), hence the loose pattern.
 */
export function parseReutersDate(raw: string): string | undefined {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/i.exec(raw);
  if (!m) return undefined;
  const [, day, mon, year, hh, mm, ss, frac] = m;
  const month = MONTHS[(mon ?? '').toUpperCase()];
  if (!month || !day || !year || !hh || !mm || !ss) return undefined;
  const millis = (frac ?? '0').padEnd(3, '0');
  const iso = `${year}-${month}-${day.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}:${ss}.${millis}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function element(doc: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(doc);
  return m?.[1];
}

/** Converts one SGML file's text; documents without BODY are counted, not emitted. */
export function convertSgml(
  sgml: string,
  counts: ConversionCounts,
  emit: (record: ReutersRecord) => void,
): void {
  const docPattern = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
  for (const match of sgml.matchAll(docPattern)) {
    counts.documents += 1;
    const attrs = match[1] ?? '';
    const doc = match[2] ?? '';
    const id = /NEWID="(\d+)"/.exec(attrs)?.[1];
    const body = element(doc, 'BODY');
    if (id === undefined || body === undefined) {
      counts.skippedNoBody += 1;
      continue;
    }
    const text = decodeSgmlText(body).trim();
    if (text === '') {
      counts.skippedNoBody += 1;
      continue;
    }
    const rawTitle = element(doc, 'TITLE');
    const title = rawTitle === undefined ? undefined : decodeSgmlText(rawTitle).trim();
    const rawDate = element(doc, 'DATE');
    const published = rawDate === undefined ? undefined : parseReutersDate(rawDate);
    if (published === undefined) counts.undatable += 1;
    emit({
      id,
      ...(title ? { title } : {}),
      text,
      ...(published ? { published } : {}),
      source: 'Reuters',
    });
    counts.written += 1;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const srcFlag = args.indexOf('--src');
  const srcArg = srcFlag >= 0 ? args.splice(srcFlag, 2)[1] : undefined;
  const srcDir = srcArg ?? sharedPath('corpora', 'reuters-21578', 'sgm-data');
  const outPath = args[0] ?? join('bench', 'out', 'reuters.jsonl');
  if (!srcDir) {
    console.error('../shared/corpora/reuters-21578/sgm-data is absent; pass --src DIR.');
    process.exitCode = 1;
    return;
  }

  let names: string[];
  try {
    names = (await readdir(srcDir)).filter((n) => n.endsWith('.sgm')).sort();
  } catch {
    console.error(`Reuters SGML not found at ${srcDir}; nothing converted.`);
    process.exitCode = 1;
    return;
  }

  await mkdir(dirname(outPath), { recursive: true });
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const counts: ConversionCounts = {
    files: 0,
    documents: 0,
    written: 0,
    skippedNoBody: 0,
    undatable: 0,
  };
  const started = performance.now();
  for (const name of names) {
    // latin1 keeps every byte: reut2-017.sgm holds a stray 0xFC that is not valid UTF-8.
    const sgml = await readFile(join(srcDir, name), 'latin1');
    const lines: string[] = [];
    convertSgml(sgml, counts, (record) => lines.push(JSON.stringify(record)));
    counts.files += 1;
    if (lines.length > 0 && !out.write(lines.join('\n') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `reuters: ${counts.files} files, ${counts.documents} documents, ${counts.written} written, ` +
      `${counts.skippedNoBody} skipped (no BODY), ${counts.undatable} without a parsable DATE, ` +
      `${seconds.toFixed(2)} s -> ${outPath}`,
  );
}

const invokedDirectly = process.argv[1]?.endsWith('convert-reuters.ts') ?? false;
if (invokedDirectly) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
