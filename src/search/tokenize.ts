import {
  FOLDS,
  FTS5_TABLE_SQLITE_VERSION,
  IGNORABLE_MARKS,
  SEPARATOR_RANGES,
} from './fts5-unicode61-table.js';

/**
 * One tokenizer for search everywhere: it reproduces SQLite FTS5's `unicode61 remove_diacritics 2`
 * (checked code point by code point in fts5-unicode61.test.ts), so the reference evaluator, the
 * PostgreSQL index and highlighting all see the same words as the SQLite store.
 */
export const TOKENIZER_VERSION = `fts5-unicode61-rd2@sqlite-${FTS5_TABLE_SQLITE_VERSION}`;

export interface Token {
  /** Folded form: lower case, Latin diacritics removed. */
  readonly text: string;
  /** UTF-16 offsets into the input, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export type CodePointClass =
  | { readonly kind: 'separator' }
  | { readonly kind: 'ignorable' }
  | { readonly kind: 'token'; readonly fold: number };

const SEPARATOR = 1;
const IGNORABLE = 2;

const parseHex = (value: string): number => Number.parseInt(value, 16);
const words = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => line.split(' ')).filter(Boolean);

// Separators and marks all lie in the BMP except for a few ranges, so a byte per BMP code point
// plus a short list for the astral planes keeps classification to one array read.
const bmpClass = new Uint8Array(0x10000);
const astralSeparators: [number, number][] = [];
for (const range of words(SEPARATOR_RANGES)) {
  const [from = '', to = from] = range.split('-');
  const start = parseHex(from);
  const end = parseHex(to);
  for (let cp = start; cp <= Math.min(end, 0xffff); cp++) bmpClass[cp] = SEPARATOR;
  if (end > 0xffff) astralSeparators.push([Math.max(start, 0x10000), end]);
}
for (const mark of words(IGNORABLE_MARKS)) bmpClass[parseHex(mark)] = IGNORABLE;
const folds = new Map<number, number>();
for (const pair of words(FOLDS)) {
  const [from = '', to = ''] = pair.split(':');
  folds.set(parseHex(from), parseHex(to));
}

const isAstralSeparator = (cp: number): boolean =>
  astralSeparators.some(([start, end]) => cp >= start && cp <= end);

export const classifyCodePoint = (cp: number): CodePointClass => {
  const cls = cp <= 0xffff ? (bmpClass[cp] ?? 0) : isAstralSeparator(cp) ? SEPARATOR : 0;
  if (cls === SEPARATOR) return { kind: 'separator' };
  if (cls === IGNORABLE) return { kind: 'ignorable' };
  return { kind: 'token', fold: folds.get(cp) ?? cp };
};

export const tokenize = (input: string): Token[] => {
  const tokens: Token[] = [];
  let text = '';
  let start = -1;
  let end = -1;
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const cls = cp <= 0xffff ? (bmpClass[cp] ?? 0) : isAstralSeparator(cp) ? SEPARATOR : 0;
    if (cls === SEPARATOR || (cls === IGNORABLE && start < 0)) {
      if (start >= 0) tokens.push({ text, start, end });
      start = -1;
      text = '';
    } else {
      if (start < 0) start = i;
      if (cls !== IGNORABLE) text += String.fromCodePoint(folds.get(cp) ?? cp);
      end = i + width;
    }
    i += width;
  }
  if (start >= 0) tokens.push({ text, start, end });
  return tokens;
};

export const tokenTexts = (input: string): string[] => tokenize(input).map((token) => token.text);
