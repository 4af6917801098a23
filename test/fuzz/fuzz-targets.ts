import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { findDates } from '../../src/enrich/dates/find-dates.js';
import { findFigures } from '../../src/enrich/figures/find-figures.js';
import { parseNumber } from '../../src/enrich/figures/parse-number.js';
import { gunzipAll } from '../../src/ingest/gunzip-all.js';
import { parseDate } from '../../src/ingest/parse-date.js';
import { readAtom } from '../../src/ingest/read-atom.js';
import { readFileBytes } from '../../src/ingest/read-file.js';
import { readHtml } from '../../src/ingest/read-html.js';
import { readJsonFeed } from '../../src/ingest/read-json-feed.js';
import { readJsonl } from '../../src/ingest/read-jsonl.js';
import { readOpml } from '../../src/ingest/read-opml.js';
import { readRss } from '../../src/ingest/read-rss.js';
import { readText } from '../../src/ingest/read-text.js';
import { readArc, readWarc } from '../../src/ingest/read-warc.js';
import { parseUserRecords } from '../../src/kb/user-records.js';
import {
  compileForFts5,
  compileForPostgres,
  evaluateAst,
  parseQuery,
} from '../../src/search/index.js';
import { sharedPath } from '../shared-data.js';

/**
 * Every reader and parser that takes user input, with seeds to mutate. Each target must return
 * (never throw) on any bytes, within the per-case time. Seeds: small inputs written here, plus
 * fixtures from ../shared when present (read at run time, never copied into the repo).
 */
export interface FuzzTarget {
  readonly name: string;
  readonly seeds: readonly Buffer[];
  readonly run: (input: Buffer) => void;
}

const text = (bytes: Buffer): string => bytes.toString('utf8');

const sharedFiles = (folder: string, extensions: readonly string[], limit = 24): Buffer[] => {
  const root = sharedPath(folder);
  if (!root) return [];
  const found: Buffer[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) return;
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (extensions.includes(extname(name).toLowerCase()) && info.size < 256 * 1024)
        found.push(readFileSync(path));
    }
  };
  walk(root);
  return found;
};

const b = (value: string): Buffer => Buffer.from(value, 'utf8');

const RSS = b(
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://w.example/</link>' +
    '<item><title>Frigate sails</title><link>https://w.example/1</link><guid>1</guid><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate>' +
    '<description><![CDATA[<p>The <b>navy</b> said 3 frigates left Kiel.</p>]]></description></item></channel></rss>',
);
const RDF = b(
  '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    '<channel rdf:about="https://w.example/"><title>Wire</title></channel><item rdf:about="https://w.example/1"><title>Drill</title><link>https://w.example/1</link><dc:date>2025-12-01</dc:date><description>Baltic drill.</description></item></rdf:RDF>',
);
const ATOM = b(
  '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id>' +
    '<entry><title type="html">Tanks &amp; drones</title><id>urn:w:1</id><link href="https://w.example/1"/><updated>2025-12-01T10:00:00Z</updated>' +
    '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Leopard 2 tanks arrived.</p></div></content></entry></feed>',
);
const JSON_FEED = b(
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Wire',
    items: [
      {
        id: '1',
        url: 'https://w.example/1',
        content_html: '<p>HIMARS delivered.</p>',
        date_published: '2025-12-01T10:00:00Z',
      },
    ],
  }),
);
const OPML = b(
  '<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body><outline text="Defence"><outline type="rss" text="Wire" xmlUrl="https://w.example/feed.xml" htmlUrl="https://w.example/"/></outline></body></opml>',
);
const HTML = b(
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Patriot batteries</title><meta property="og:url" content="https://w.example/p"></head>' +
    '<body><article><h1>Patriot batteries</h1><p>Germany will send two Patriot batteries, the ministry said on Friday.</p></article></body></html>',
);
const TEXT = b(
  'Poland orders 48 HIMARS launchers\n\nWARSAW - Poland signed a $10bn contract on 14 March 2025.\n',
);
const JSONL = b(
  `${JSON.stringify({ id: 1, title: 'A', text: 'Storm Shadow missiles were used.', published: '2025-06-01' })}\n` +
    `${JSON.stringify({ id: 2, html: '<p>Rheinmetall opens a plant.</p>', source: 'Wire', authors: ['A. Writer'] })}\n`,
);
const warcRecord = (type: string, block: string): string =>
  `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: https://w.example/1\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n` +
  `Content-Type: application/http; msgtype=${type}\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n${block}\r\n\r\n`;
const WARC = b(
  warcRecord('request', 'GET /1 HTTP/1.1\r\nHost: w.example\r\n\r\n') +
    warcRecord(
      'response',
      `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${HTML.toString()}`,
    ),
);
const arcBody = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${HTML.toString()}`;
const ARC = b(
  `filedesc://x.arc 0.0.0.0 20250101000000 text/plain 9\n1 0 Wire\n\nhttps://w.example/1 10.0.0.1 20250101000000 text/html ${Buffer.byteLength(arcBody)}\n${arcBody}\n`,
);

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'text',
    seeds: [TEXT, ...sharedFiles('seeds', ['.txt'], 4)],
    run: (x) => void readText('f.txt', x),
  },
  {
    name: 'html',
    seeds: [HTML, ...sharedFiles('corpora/readability-test-pages', ['.html'], 12)],
    run: (x) => void readHtml('f.html', x),
  },
  {
    name: 'rss',
    seeds: [RSS, ...sharedFiles('corpora/feed-fixtures/rss-parser', ['.rss', '.xml'])],
    run: (x) => void readRss('f.xml', x, 'rss'),
  },
  { name: 'rdf', seeds: [RDF], run: (x) => void readRss('f.rdf', x, 'rdf') },
  {
    name: 'atom',
    seeds: [ATOM, ...sharedFiles('corpora/feed-fixtures/node-feedparser', ['.atom', '.xml'], 12)],
    run: (x) => void readAtom('f.atom', x),
  },
  {
    name: 'jsonfeed',
    seeds: [JSON_FEED, ...sharedFiles('corpora/feed-fixtures', ['.json'], 12)],
    run: (x) => void readJsonFeed('f.json', x),
  },
  { name: 'opml', seeds: [OPML], run: (x) => void readOpml('f.opml', x) },
  {
    name: 'warc',
    seeds: [WARC, ...sharedFiles('corpora/warc-fixtures', ['.warc'], 6)],
    run: (x) => void readWarc('f.warc', x),
  },
  {
    name: 'arc',
    seeds: [ARC, ...sharedFiles('corpora/warc-fixtures', ['.arc'], 4)],
    run: (x) => void readArc('f.arc', x),
  },
  { name: 'jsonl', seeds: [JSONL], run: (x) => void readJsonl('f.jsonl', x) },
  {
    name: 'gzip',
    seeds: [gzipSync(TEXT), gzipSync(WARC), Buffer.concat([gzipSync(HTML), gzipSync(HTML)])],
    run: (x) => {
      gunzipAll(x);
      readFileBytes('f.txt.gz', x);
    },
  },
  {
    name: 'sniff',
    seeds: [TEXT, HTML, RSS, RDF, ATOM, JSON_FEED, OPML, WARC, ARC, JSONL],
    run: (x) => void readFileBytes('input', x),
  },
  {
    name: 'dates',
    seeds: [
      b('Mon, 01 Dec 2025 10:00:00 GMT'),
      b('2025-06-01T10:00:00+02:00'),
      b('on 14 March 2025, last Friday and next week'),
    ],
    run: (x) => {
      parseDate(text(x));
      findDates(text(x), '2025-06-01T00:00:00Z');
    },
  },
  {
    name: 'figures',
    seeds: [b('$10bn for 48 HIMARS, 4.7% of GDP, 1,200 km, three thousand troops, twice as many')],
    run: (x) => {
      findFigures(text(x));
      parseNumber(text(x));
    },
  },
  {
    name: 'query',
    seeds: [
      b('HIMARS OR "Storm Shadow" after:2025-06'),
      b('(nato OR source:tass) -title:drone* lang:en'),
      b('entity:"Lockheed Martin" type:weapon country:ua before:2025'),
    ],
    run: (x) => {
      const parsed = parseQuery(text(x));
      if (!parsed.ok) return;
      compileForFts5(parsed.value);
      compileForPostgres(parsed.value);
      evaluateAst(parsed.value, {
        title: 'NATO drills',
        text: 'Storm Shadow and HIMARS',
        entities: [],
        countries: [],
      });
    },
  },
  {
    name: 'kb',
    seeds: [
      b(JSON.stringify([{ name: 'Northern Flank Monitor', type: 'ORG', aliases: ['NFM'] }])),
      b('name\ttype\taliases\nBaltic Sentry\tEVENT\tBS\n'),
    ],
    run: (x) => void parseUserRecords(text(x), 'fuzz'),
  },
];

/** How a seed is damaged: the mutations issue 16 names (truncation, flips, nesting, repeats, bad encodings). */
type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'nest'; at: number; open: string; depth: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'encoding'; at: number; bytes: readonly number[] };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 24 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    open: fc.constantFrom(
      '<div>',
      '<item>',
      '<entry>',
      '<span><b>',
      '[',
      '{"a":',
      '(',
      '<![CDATA[',
      '<!--',
    ),
    depth: fc.integer({ min: 1, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
    times: fc.integer({ min: 2, max: 5_000 }),
  }),
  fc.record({
    kind: fc.constant('encoding' as const),
    at: fc.nat(),
    bytes: fc.constantFrom(
      [0xff],
      [0xc3],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xfe, 0xff],
      [0xef, 0xbb, 0xbf],
      [0],
    ),
  }),
);

const mutate = (seed: Buffer, mutation: Mutation): Buffer => {
  const at = seed.length === 0 ? 0 : mutation.at % (seed.length + 1);
  switch (mutation.kind) {
    case 'truncate':
      return seed.subarray(0, at);
    case 'flip': {
      if (seed.length === 0) return seed;
      const copy = Buffer.from(seed);
      const index = at % copy.length;
      copy[index] = (copy[index] ?? 0) ^ (1 << mutation.bit);
      return copy;
    }
    case 'insert':
      return Buffer.concat([seed.subarray(0, at), mutation.bytes, seed.subarray(at)]);
    case 'nest':
      return Buffer.concat([
        seed.subarray(0, at),
        Buffer.from(mutation.open.repeat(mutation.depth)),
        seed.subarray(at),
      ]);
    case 'repeat': {
      const piece = seed.subarray(at, at + mutation.length);
      return Buffer.concat([
        seed.subarray(0, at),
        Buffer.alloc(piece.length * mutation.times, piece),
        seed.subarray(at),
      ]);
    }
    case 'encoding':
      return Buffer.concat([seed.subarray(0, at), Buffer.from(mutation.bytes), seed.subarray(at)]);
  }
};

/** Inputs for a target: a seed (or random bytes) with up to four mutations applied in turn. */
export const inputsFor = (target: FuzzTarget): fc.Arbitrary<Buffer> =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(
          fc.nat({ max: target.seeds.length - 1 }),
          fc.array(mutationArbitrary, { maxLength: 4 }),
        )
        .map(([index, mutations]) =>
          mutations.reduce(mutate, target.seeds[index] ?? Buffer.alloc(0)),
        ),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
  );

/**
 * A case slower than this counts as a hang. Inputs are at most about 1.5 MB, which every reader
 * handles in well under a second; the margin absorbs a machine shared with other jobs.
 */
export const CASE_TIMEOUT_MS = 5_000;

/** A clock in milliseconds: wall time by default; bench/fuzz passes its thread's CPU time. */
export interface CaseClock {
  readonly now: () => number;
  readonly unit: string;
}

const WALL_CLOCK: CaseClock = { now: () => performance.now(), unit: 'ms' };

/** Runs one case: an exception or a case over CASE_TIMEOUT_MS is a failure, returned as a message. */
export const runCase = (
  target: FuzzTarget,
  input: Buffer,
  clock: CaseClock = WALL_CLOCK,
): string | undefined => {
  const started = clock.now();
  try {
    target.run(input);
  } catch (error) {
    return `${target.name} threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const elapsed = clock.now() - started;
  return elapsed > CASE_TIMEOUT_MS
    ? `${target.name} took ${elapsed.toFixed(0)} ${clock.unit} (hang)`
    : undefined;
};
