import type { ReaderEvent } from '../core/raw-item.js';
import { guardEvents } from './guard-record.js';
import { gunzipAll } from './gunzip-all.js';
import { readAtom } from './read-atom.js';
import { readHtml } from './read-html.js';
import { readJsonFeed } from './read-json-feed.js';
import { readJsonl } from './read-jsonl.js';
import { readOpml } from './read-opml.js';
import { readRss } from './read-rss.js';
import { readText } from './read-text.js';
import { readArc, readWarc } from './read-warc.js';
import { rejectedEvent } from './reader-events.js';
import { sniffFormat } from './sniff-format.js';

/** Saved with what readers produce, so `sitrep reprocess` can tell which items an ingest change touches. */
export const VERSION = 'ingest-readers-1';

/** A .gz inside a .gz is plausible; deeper nesting is a zip bomb or a mistake. */
const MAX_GZIP_DEPTH = 2;

/**
 * The bytes of one file to reader events: sniff the format from content (the name is only a hint),
 * gunzip when needed, dispatch to the reader. Never throws on bad input: problems are `rejected`.
 */
export const readFileBytes = (
  path: string,
  bytes: Uint8Array,
  nameHint: string = path,
  depth = 0,
): ReaderEvent[] => guardEvents(readUnguarded(path, bytes, nameHint, depth));

const readUnguarded = (
  path: string,
  bytes: Uint8Array,
  nameHint: string,
  depth: number,
): ReaderEvent[] => {
  const sniffed = sniffFormat(bytes, nameHint);
  if (!sniffed.ok) return [rejectedEvent({ path }, sniffed.error)];
  switch (sniffed.value) {
    case 'gzip': {
      if (depth >= MAX_GZIP_DEPTH) return [rejectedEvent({ path }, 'gzip nested too deeply')];
      const inflated = gunzipAll(bytes);
      if (!inflated.ok) return [rejectedEvent({ path }, inflated.error)];
      return readUnguarded(path, inflated.value, nameHint.replace(/\.gz$/i, ''), depth + 1);
    }
    case 'text':
      return readText(path, bytes);
    case 'html':
      return readHtml(path, bytes);
    case 'rss':
    case 'rdf':
      return readRss(path, bytes, sniffed.value);
    case 'atom':
      return readAtom(path, bytes);
    case 'jsonfeed':
      return readJsonFeed(path, bytes);
    case 'opml':
      return readOpml(path, bytes);
    case 'jsonl':
      return readJsonl(path, bytes);
    case 'warc':
      return readWarc(path, bytes);
    case 'arc':
      return readArc(path, bytes);
  }
};
