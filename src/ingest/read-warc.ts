import type { Provenance, ReaderEvent } from '../core/raw-item.js';
import type { ArchiveEvent, ArchiveRecord } from './archive-record.js';
import { arcRecords } from './arc-framing.js';
import { warcRecords } from './warc-framing.js';
import { charsetOf, mediaType, parseHttpResponse, responsePayload } from './http-payload.js';
import { parseDate } from './parse-date.js';
import { decodeHtml, htmlItem } from './read-html.js';
import { compact, itemEvent, rejectedEvent, skippedEvent } from './reader-events.js';

/**
 * Web archives: every HTML response becomes an html item; everything else is counted as
 * skipped (by record type or media type) or rejected (malformed), with the record's offset
 * in the decompressed file so it can be found again.
 */

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const looksLikeHtmlPayload = (payload: Buffer): boolean =>
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(
    payload.toString('latin1', 0, 1024),
  );

const recordItem = (
  label: string,
  provenance: Provenance,
  record: ArchiveRecord,
  payload: Buffer,
  contentType: string | undefined,
): ReaderEvent => {
  const html = decodeHtml(payload, charsetOf(contentType));
  // WARC-Date is when the page was captured, not when it was published; it is only a fallback
  // for pages that state no date of their own, so a story is never dated after its capture.
  const captured = parseDate(record.headers.get('warc-date'));
  if (html.trim() === '') return skippedEvent(provenance, `${label}: empty HTML payload`);
  return itemEvent(htmlItem(provenance, html, { url: provenance.url, published: captured }));
};

const recordEvent = (
  label: string,
  path: string,
  index: number,
  record: ArchiveRecord,
): ReaderEvent => {
  const type = (record.headers.get('warc-type') ?? 'unknown').toLowerCase();
  const targetUri = record.headers
    .get('warc-target-uri')
    ?.replace(/^<(.*)>$/, '$1')
    .trim();
  const provenance: Provenance = compact({
    path,
    recordIndex: index,
    byteOffset: record.offset,
    url: targetUri || undefined,
  });
  if (type === 'resource') {
    const contentType = record.headers.get('content-type');
    if (!HTML_TYPES.has(mediaType(contentType))) {
      return skippedEvent(
        provenance,
        `${label}: non-HTML resource (${mediaType(contentType) || 'no type'})`,
      );
    }
    return recordItem(label, provenance, record, record.block, contentType);
  }
  if (type !== 'response') return skippedEvent(provenance, `${label}: ${type} record`);
  const response = parseHttpResponse(record.block);
  if (!response.ok) {
    const warcType = mediaType(record.headers.get('content-type'));
    return warcType.startsWith('application/http')
      ? rejectedEvent(
          provenance,
          `${label}: response record at offset ${record.offset}: ${response.error}`,
        )
      : skippedEvent(provenance, `${label}: non-HTTP response (${warcType || 'no type'})`);
  }
  const { status, headers } = response.value;
  if (status !== undefined && (status < 200 || status >= 300)) {
    return skippedEvent(provenance, `${label}: HTTP ${status} response`);
  }
  const contentType = headers.get('content-type');
  const type_ = mediaType(contentType);
  if (type_ !== '' && !HTML_TYPES.has(type_))
    return skippedEvent(provenance, `${label}: non-HTML response (${type_})`);
  const payload = responsePayload(response.value);
  if (!payload.ok) {
    return rejectedEvent(
      provenance,
      `${label}: response record at offset ${record.offset}: ${payload.error}`,
    );
  }
  if (type_ === '' && !looksLikeHtmlPayload(payload.value)) {
    return skippedEvent(provenance, `${label}: non-HTML response (no Content-Type)`);
  }
  return recordItem(label, provenance, record, payload.value, contentType);
};

/** Turns framing events into reader events, numbering records in file order. */
export const archiveEventMapper = (path: string, label: string) => {
  let index = 0;
  return (event: ArchiveEvent): ReaderEvent => {
    if (event.kind === 'error') {
      return rejectedEvent(
        { path, byteOffset: event.offset },
        `${label}: at offset ${event.offset}: ${event.reason}`,
      );
    }
    const mapped = recordEvent(label, path, index, event.record);
    index += 1;
    return mapped;
  };
};

const readArchive = (
  path: string,
  events: Iterable<ArchiveEvent>,
  label: string,
): ReaderEvent[] => {
  const toReaderEvent = archiveEventMapper(path, label);
  const out = [...events].map(toReaderEvent);
  if (out.length === 0) out.push(rejectedEvent({ path }, `${label}: no records found`));
  return out;
};

/** `bytes` is the decompressed archive: callers gunzip multi-member .warc.gz first. */
export const readWarc = (path: string, bytes: Uint8Array): ReaderEvent[] =>
  readArchive(
    path,
    warcRecords(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    'warc',
  );

export const readArc = (path: string, bytes: Uint8Array): ReaderEvent[] =>
  readArchive(
    path,
    arcRecords(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    'arc',
  );
