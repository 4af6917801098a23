/**
 * One record of a web archive as framed by warc-framing.ts / arc-framing.ts. We frame records
 * ourselves rather than through warcio: warcio reports length mismatches with console.warn and
 * nothing to act on, cannot decode brotli, and gives no offset for a truncated record, while we
 * need each problem as a rejection with its byte offset, and to carry on with the next record.
 */
export interface ArchiveRecord {
  /** Byte offset of the record in the decompressed archive. */
  readonly offset: number;
  /** WARC headers (lower-cased names); for ARC, the header line mapped to WARC names. */
  readonly headers: ReadonlyMap<string, string>;
  readonly block: Buffer;
}

export type ArchiveEvent =
  | { readonly kind: 'record'; readonly record: ArchiveRecord }
  | { readonly kind: 'error'; readonly offset: number; readonly reason: string };

const isBlank = (byte: number | undefined): boolean =>
  byte === 0x0d || byte === 0x0a || byte === 0x20 || byte === 0x09;

/** Records are separated by blank lines, and writers disagree on how many. */
export const skipBlank = (data: Buffer, position: number): number => {
  let cursor = position;
  while (cursor < data.length && isBlank(data[cursor])) cursor += 1;
  return cursor;
};
