import type { InputFormat } from '../core/raw-item.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { asciiPrefix, decodeBytes, detectSignature, isWideEncoding } from './decode-bytes.js';

/**
 * What a file is, decided from its first bytes; the file name is only a tie-breaker between
 * text and HTML. 'gzip' means "decompress and sniff again"; 'arc' is the pre-WARC web archive.
 */
export type SniffedFormat = InputFormat | 'gzip' | 'arc';

const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|script|link|style)\b/i;

/** Skips the XML declaration, comments, processing instructions and doctype to the first tag name. */
const firstElementName = (text: string): string | undefined => {
  const stripped = text.replace(
    /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i,
    '',
  );
  return /^<([A-Za-z_][\w.:-]*)/.exec(stripped)?.[1];
};

const prefixText = (bytes: Uint8Array): string => {
  const signature = detectSignature(bytes);
  if (isWideEncoding(signature?.encoding)) return decodeBytes(bytes.subarray(0, 8192)).text;
  return asciiPrefix(bytes.subarray(signature?.length ?? 0), 8192);
};

const isBinary = (bytes: Uint8Array): boolean => {
  const sample = bytes.subarray(0, 4096);
  if (isWideEncoding(detectSignature(sample)?.encoding)) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control > sample.length * 0.1;
};

const sniffJson = (text: string, nameHint: string): SniffedFormat => {
  if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text)) return 'jsonfeed';
  if (/\.json$/i.test(nameHint) && !/\.(jsonl|ndjson)$/i.test(nameHint) && /"items"\s*:/.test(text))
    return 'jsonfeed';
  return 'jsonl';
};

const XML_ROOTS: Readonly<Record<string, InputFormat>> = {
  rss: 'rss',
  rdf: 'rdf',
  feed: 'atom',
  opml: 'opml',
  html: 'html',
  channel: 'rss',
};

export const sniffFormat = (bytes: Uint8Array, nameHint = ''): Result<SniffedFormat, string> => {
  if (bytes.byteLength === 0) return err('empty file');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return ok('gzip');
  // Archives carry binary payloads, so they are recognised before the binary check.
  const head = asciiPrefix(bytes, 64).trimStart();
  if (head.startsWith('WARC/')) return ok('warc');
  if (head.startsWith('filedesc://')) return ok('arc');
  if (isBinary(bytes))
    return err('binary content (not text, HTML, a feed, JSONL or a web archive)');
  const text = prefixText(bytes);
  const start = text.trimStart();
  if (start === '') return err('empty file (only whitespace)');
  // A JSON document opens with `{"` or `[` + a JSON value; text such as "[FICTIONAL SAMPLE] ..." does not.
  if (/^\{\s*(?:"|\})/.test(start) || /^\[\s*(?:[{["\d\]-]|true\b|false\b|null\b)/.test(start)) {
    return ok(sniffJson(start, nameHint));
  }
  if (start.startsWith('<')) {
    const name = firstElementName(start);
    if (name !== undefined) {
      const local = (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name).toLowerCase();
      const known = XML_ROOTS[local];
      if (known) return ok(known);
      if (HTML_START.test(`<${local}`) || /^<!doctype\s+html/i.test(start)) return ok('html');
      if (/^\s*<\?xml/.test(start)) return err(`XML but not a feed (root element <${name}>)`);
    }
    if (/^<!doctype\s+html/i.test(start) || /<html[\s>]/i.test(start)) return ok('html');
    if (/\.(txt|md|text)$/i.test(nameHint)) return ok('text');
    return /<\/?[a-z][a-z0-9]*[\s>]/i.test(start) ? ok('html') : ok('text');
  }
  if (/\.html?$/i.test(nameHint) && /<html[\s>]|<body[\s>]/i.test(text)) return ok('html');
  return ok('text');
};
