import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Turning bytes into text the way browsers and feed readers do: a byte-order mark wins,
 * then the encoding the document declares, then UTF-8, then windows-1252 (what "latin-1"
 * means in practice on the web) when the bytes are not valid UTF-8.
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  // UTF-32LE's mark starts with UTF-16LE's, so it is tested first.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Without a mark, "<" (or "<?") in a wide encoding still gives the encoding away (XML 1.0 appendix F). */
const WIDE_STARTS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], encoding: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00], encoding: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], encoding: 'utf-16le' },
  { bytes: [0x3c, 0x00], encoding: 'utf-16le' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.byteLength >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

export const detectBom = (bytes: Uint8Array): { encoding: string; length: number } | undefined => {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return undefined;
};

/** A byte-order mark, or a wide encoding recognised from how the first "<" is laid out. */
export const detectSignature = (
  bytes: Uint8Array,
): { encoding: string; length: number } | undefined => {
  const bom = detectBom(bytes);
  if (bom) return bom;
  const wide = WIDE_STARTS.find((start) => startsWith(bytes, start.bytes));
  return wide ? { encoding: wide.encoding, length: 0 } : undefined;
};

/** True for UTF-16/32, which look like binary to a byte-oriented sniffer. */
export const isWideEncoding = (encoding: string | undefined): boolean =>
  /^utf-(16|32)/.test(encoding ?? '');

/** The first bytes as latin1: enough to read an ASCII declaration whatever the real encoding. */
export const asciiPrefix = (bytes: Uint8Array, length = 4096): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(length, bytes.byteLength)).toString(
    'latin1',
  );

export const declaredXmlEncoding = (bytes: Uint8Array): string | undefined => {
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
    asciiPrefix(bytes, 512).replace(/^\u00ef\u00bb\u00bf/, ''),
  );
  return match?.[1];
};

export const declaredHtmlCharset = (bytes: Uint8Array): string | undefined => {
  const head = asciiPrefix(bytes, 8192);
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return direct?.[1] ?? declaredXmlEncoding(bytes);
};

// Native validation: a fatal TextDecoder would decode the whole file just to throw it away.
const isValidUtf8 = (bytes: Uint8Array): boolean => isUtf8(bytes);

const normaliseLabel = (label: string | undefined): string | undefined => {
  if (label === undefined) return undefined;
  const lower = label.trim().toLowerCase();
  // Feeds declare "utf-16" while already being 8-bit once read without a BOM: trust the bytes.
  if (lower === 'utf-16' || lower === 'utf16') return undefined;
  return iconv.encodingExists(lower) ? lower : undefined;
};

/**
 * Valid UTF-8 with non-ASCII bytes is almost never another encoding by accident, while a wrong
 * declaration is common (miniflux's "incorrect prolog" cases), so valid UTF-8 wins over the
 * declaration; invalid UTF-8 declared as UTF-8 (or undeclared) is read as windows-1252.
 */
export const decodeBytes = (bytes: Uint8Array, declared?: string): DecodedText => {
  const bom = detectSignature(bytes);
  if (bom) {
    const body = Buffer.from(
      bytes.buffer,
      bytes.byteOffset + bom.length,
      bytes.byteLength - bom.length,
    );
    return { text: iconv.decode(body, bom.encoding), encoding: bom.encoding };
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isValidUtf8(bytes)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  const label = normaliseLabel(declared);
  if (label !== undefined && !/^utf-?8$/.test(label)) {
    return { text: iconv.decode(buffer, label), encoding: label };
  }
  return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
};
