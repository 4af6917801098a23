import {
  brotliDecompressSync,
  constants,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

/** An HTTP response as archived in a WARC/ARC record: status line, headers, body as sent on the wire. */
export interface HttpResponse {
  readonly status: number | undefined;
  /** Header names lower-cased; repeated headers keep the first value. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

const headerEnd = (block: Buffer): { end: number; separator: number } | undefined => {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, separator: 4 };
  if (lf >= 0) return { end: lf, separator: 2 };
  return undefined;
};

export const parseHeaderLines = (text: string): Map<string, string> => {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
};

export const parseHttpResponse = (block: Buffer): Result<HttpResponse, string> => {
  if (!/^HTTP\/\d/i.test(block.subarray(0, 16).toString('latin1')))
    return err('no HTTP status line');
  const boundary = headerEnd(block);
  if (!boundary) return err('HTTP headers are truncated');
  const head = block.subarray(0, boundary.end).toString('latin1');
  const statusLine = head.split(/\r?\n/, 1)[0] ?? '';
  const status = Number(/^HTTP\/\S+\s+(\d{3})/i.exec(statusLine)?.[1]);
  return ok({
    status: Number.isFinite(status) ? status : undefined,
    headers: parseHeaderLines(head.slice(statusLine.length)),
    body: block.subarray(boundary.end + boundary.separator),
  });
};

/**
 * Undo chunked transfer coding. A body labelled chunked that does not start with a chunk size
 * was stored already de-chunked by the crawler (warcio's "bad non-chunked" case): use it as is.
 */
export const dechunk = (body: Buffer): Result<Buffer, string> => {
  const parts: Buffer[] = [];
  let position = 0;
  let first = true;
  while (position < body.length) {
    const lineEnd = body.indexOf('\n', position);
    const sizeText = body
      .subarray(position, lineEnd < 0 ? body.length : lineEnd)
      .toString('latin1')
      .split(';')[0]!
      .trim();
    if (lineEnd < 0 || !/^[0-9a-f]+$/i.test(sizeText)) {
      if (first) return ok(body);
      return err(`malformed chunk size at payload byte ${position}`);
    }
    first = false;
    const size = parseInt(sizeText, 16);
    if (size === 0) return ok(Buffer.concat(parts));
    const start = lineEnd + 1;
    if (start + size > body.length)
      return err(`chunk of ${size} bytes truncated at payload byte ${start}`);
    parts.push(body.subarray(start, start + size));
    position = start + size;
    while (body[position] === 0x0d || body[position] === 0x0a) position += 1;
  }
  // A missing terminating zero-size chunk loses nothing we need.
  return ok(Buffer.concat(parts));
};

/** Partial output from a truncated stream is more useful than none, so flush instead of failing. */
const TOLERANT = { finishFlush: constants.Z_SYNC_FLUSH } as const;

const GZIP_MAGIC = (body: Buffer): boolean => body[0] === 0x1f && body[1] === 0x8b;

export const decodeContentEncoding = (
  body: Buffer,
  encoding: string | undefined,
): Result<Buffer, string> => {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (body.length === 0 || coding === '' || coding === 'identity' || coding === 'none')
    return ok(body);
  try {
    if (coding === 'gzip' || coding === 'x-gzip') {
      // Crawlers sometimes store the body already decompressed but keep the header.
      return ok(GZIP_MAGIC(body) ? gunzipSync(body, TOLERANT) : body);
    }
    if (coding === 'deflate') {
      try {
        return ok(inflateSync(body, TOLERANT));
      } catch {
        return ok(inflateRawSync(body, TOLERANT));
      }
    }
    if (coding === 'br') {
      return ok(brotliDecompressSync(body));
    }
  } catch (error) {
    return err(`could not decode Content-Encoding ${coding} (${(error as Error).message})`);
  }
  return err(`unsupported Content-Encoding ${coding}`);
};

/** The payload as the server meant it: de-chunked, then decompressed. */
export const responsePayload = (response: HttpResponse): Result<Buffer, string> => {
  const transfer = (response.headers.get('transfer-encoding') ?? '').toLowerCase();
  const dechunked = transfer.includes('chunked') ? dechunk(response.body) : ok(response.body);
  if (!dechunked.ok) return dechunked;
  return decodeContentEncoding(dechunked.value, response.headers.get('content-encoding'));
};

export const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const charsetOf = (contentType: string | undefined): string | undefined =>
  /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(contentType ?? '')?.[1];
