import type { ArchiveEvent } from './archive-record.js';
import { skipBlank } from './archive-record.js';
import { parseHeaderLines } from './http-payload.js';
import { formatBytes, ingestLimits, LIMIT_ENV } from './ingest-limits.js';

/**
 * WARC (ISO 28500) record framing: "WARC/1.x", header lines, a blank line, Content-Length bytes
 * of block, two CRLFs. One step function serves both the whole-buffer reader (small files)
 * and the streaming reader (archives too big to hold in memory), so they cannot drift apart.
 */

/** Headers longer than this are not a WARC record; looking further would scan whole payloads. */
const MAX_HEADER_BYTES = 1 << 20;

type Step =
  | { readonly kind: 'event'; readonly event: ArchiveEvent; readonly next: number }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'end' };

const nextWarcStart = (data: Buffer, from: number): number => {
  const found = data.indexOf('\nWARC/', from);
  return found < 0 ? -1 : found + 1;
};

const headerEndOf = (
  data: Buffer,
  position: number,
): { end: number; separator: number } | undefined => {
  const window = data.subarray(position, position + MAX_HEADER_BYTES);
  const crlf = window.indexOf('\r\n\r\n');
  const lf = window.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { end: position + crlf, separator: 4 };
  if (lf >= 0) return { end: position + lf, separator: 2 };
  return undefined;
};

/**
 * Frames the record at `start`. With `final` false (more bytes may come), any answer that
 * depends on bytes not yet seen is 'need-more' and the caller retries with a longer buffer.
 */
const warcStep = (data: Buffer, start: number, final: boolean): Step => {
  const position = skipBlank(data, start);
  if (position >= data.length) return final ? { kind: 'end' } : { kind: 'need-more' };
  if (data.length - position < 5 && !final) return { kind: 'need-more' };
  const resumeOrEnd = (from: number): number | undefined => {
    const resume = nextWarcStart(data, from);
    if (resume >= 0) return resume;
    return final ? data.length : undefined;
  };
  const error = (reason: string, next: number): Step => ({
    kind: 'event',
    event: { kind: 'error', offset: position, reason },
    next,
  });
  if (data.subarray(position, position + 5).toString('latin1') !== 'WARC/') {
    const next = resumeOrEnd(position);
    if (next === undefined) return { kind: 'need-more' };
    return error(
      `${next - position} unexpected bytes where a WARC record should start (wrong Content-Length in the previous record?)`,
      next,
    );
  }
  const header = headerEndOf(data, position);
  if (!header) {
    if (!final && data.length - position < MAX_HEADER_BYTES) return { kind: 'need-more' };
    const next = resumeOrEnd(position + 5);
    if (next === undefined) return { kind: 'need-more' };
    return error('truncated record: WARC headers never end', next);
  }
  const headers = parseHeaderLines(data.subarray(position, header.end).toString('utf8'));
  const blockStart = header.end + header.separator;
  const lengthText = headers.get('content-length');
  const length = lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : NaN;
  if (Number.isNaN(length)) {
    const next = resumeOrEnd(blockStart);
    if (next === undefined) return { kind: 'need-more' };
    return error('record has no valid Content-Length', next);
  }
  const { maxRecordBytes } = ingestLimits();
  if (length > maxRecordBytes) {
    // Skipped without being read: `next` may lie past the buffer, and the stream drops the rest.
    return error(
      `record of ${formatBytes(length)} is more than the ${formatBytes(maxRecordBytes)} limit (${LIMIT_ENV.maxRecordBytes})`,
      blockStart + length,
    );
  }
  if (blockStart + length > data.length) {
    if (!final) return { kind: 'need-more' };
    // An overstated length swallows the records after it; pick them up if there are any.
    const next = resumeOrEnd(blockStart) ?? data.length;
    return error(
      `truncated record: Content-Length ${length} but only ${data.length - blockStart} bytes remain`,
      next,
    );
  }
  return {
    kind: 'event',
    event: {
      kind: 'record',
      record: { offset: position, headers, block: data.subarray(blockStart, blockStart + length) },
    },
    next: blockStart + length,
  };
};

/** Records of a WARC file held whole in memory (already decompressed). */
export function* warcRecords(data: Buffer): Generator<ArchiveEvent> {
  let position = 0;
  while (position <= data.length) {
    const step = warcStep(data, position, true);
    if (step.kind !== 'event') return;
    yield step.event;
    position = step.next;
  }
}

/**
 * Records of a WARC arriving in chunks (decompressed). Only the unread tail is kept; pending
 * chunks are joined when they at least double the buffer, so a large record costs linear time.
 */
export async function* warcRecordsFromChunks(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<ArchiveEvent> {
  let buffer = Buffer.alloc(0);
  let base = 0;
  let position = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Bytes of an oversized record still to come, dropped as they arrive instead of buffered.
  let toSkip = 0;
  const advance = (next: number) => {
    position = next;
    if (position <= buffer.length) return;
    toSkip = position - buffer.length;
    base += toSkip;
    position = buffer.length;
  };
  const shift = (event: ArchiveEvent): ArchiveEvent =>
    event.kind === 'error'
      ? { ...event, offset: event.offset + base }
      : { kind: 'record', record: { ...event.record, offset: event.record.offset + base } };
  const absorb = () => {
    buffer = Buffer.concat([buffer.subarray(position), ...pending]);
    base += position;
    position = 0;
    pending = [];
    pendingBytes = 0;
  };
  for await (const whole of chunks) {
    let chunk = whole;
    if (toSkip > 0) {
      const dropped = Math.min(toSkip, chunk.byteLength);
      toSkip -= dropped;
      if (dropped === chunk.byteLength) continue;
      chunk = chunk.subarray(dropped);
    }
    pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    pendingBytes += chunk.byteLength;
    if (pendingBytes < Math.max(buffer.length - position, 1 << 16)) continue;
    absorb();
    for (;;) {
      const step = warcStep(buffer, position, false);
      if (step.kind !== 'event') break;
      yield shift(step.event);
      advance(step.next);
    }
  }
  absorb();
  for (;;) {
    const step = warcStep(buffer, position, true);
    if (step.kind !== 'event') return;
    yield shift(step.event);
    advance(step.next);
    if (toSkip > 0) return;
  }
}
