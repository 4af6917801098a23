import type { ArchiveEvent } from './archive-record.js';
import { skipBlank } from './archive-record.js';

/**
 * ARC v1 header line: "URL IP-address Archive-date Content-type Archive-length"; v2 adds five
 * fields before the length. URLs with spaces exist in the wild, so fields are counted from the end.
 */
export function* arcRecords(data: Buffer): Generator<ArchiveEvent> {
  let position = skipBlank(data, 0);
  let version = 1;
  while (position < data.length) {
    const lineEnd = data.indexOf('\n', position);
    if (lineEnd < 0) {
      yield {
        kind: 'error',
        offset: position,
        reason: 'truncated record: ARC header line never ends',
      };
      return;
    }
    const fields = data.subarray(position, lineEnd).toString('utf8').trim().split(/\s+/);
    const lengthText = fields[fields.length - 1] ?? '';
    const trailing = version === 2 ? 9 : 4;
    if (!/^\d+$/.test(lengthText) || fields.length < trailing + 1) {
      yield { kind: 'error', offset: position, reason: 'malformed ARC header line' };
      const next = data.indexOf('\n\n', lineEnd);
      if (next < 0) return;
      position = skipBlank(data, next);
      continue;
    }
    const length = Number(lengthText);
    const blockStart = lineEnd + 1;
    const url = fields.slice(0, fields.length - trailing).join(' ');
    if (blockStart + length > data.length) {
      yield {
        kind: 'error',
        offset: position,
        reason: `truncated record: length ${length} but only ${data.length - blockStart} bytes remain`,
      };
      return;
    }
    const block = data.subarray(blockStart, blockStart + length);
    const isFileHeader = url.startsWith('filedesc://');
    if (isFileHeader && /^\s*2\s/.test(block.toString('latin1', 0, 8))) version = 2;
    const date = fields[fields.length - trailing + 1] ?? '';
    const headers = new Map<string, string>([
      ['warc-type', isFileHeader ? 'warcinfo' : 'response'],
      ['warc-target-uri', url],
      ['warc-date', arcDateToIso(date) ?? ''],
      // Only http(s) captures hold an HTTP response; dns: and filedesc blocks are other data.
      [
        'content-type',
        /^https?:/i.test(url)
          ? 'application/http; msgtype=response'
          : (fields[fields.length - trailing + 2] ?? ''),
      ],
      ['content-length', lengthText],
    ]);
    yield { kind: 'record', record: { offset: position, headers, block } };
    position = skipBlank(data, blockStart + length);
  }
}

/** ARC dates are 14 digits, YYYYMMDDhhmmss, in UTC. */
const arcDateToIso = (value: string): string | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(value);
  return match
    ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`
    : undefined;
};
