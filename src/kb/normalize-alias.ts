/**
 * One normalisation shared by aliases and text, so "U.S." in a record and "U.S." in an article
 * produce the same tokens. Tokens are runs of letters/digits (and "&"): dots, hyphens, slashes and
 * apostrophes separate them, which makes "SAMP/T" = "SAMP-T" and "F-35" = "F 35".
 */

export interface AliasToken {
  /** Lowercased, diacritics removed, British spellings folded to American ones. */
  readonly norm: string;
  /** As written (for case rules). */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN_RE = /[\p{L}\p{N}&]+/gu;
const COMBINING_MARKS_RE = /\p{M}+/gu;

/** Spelling variants that would otherwise split one name into two keys. */
const SPELLING_FOLDS: ReadonlyMap<string, string> = new Map([
  ['defence', 'defense'],
  ['armoured', 'armored'],
  ['mechanised', 'mechanized'],
  ['organisation', 'organization'],
  ['centre', 'center'],
  ['programme', 'program'],
]);

const NON_ASCII_RE = /[^\p{ASCII}]/u;

const foldToken = (raw: string): string => {
  if (!NON_ASCII_RE.test(raw)) {
    const lower = raw.toLowerCase();
    return SPELLING_FOLDS.get(lower) ?? lower;
  }
  const lower = raw.normalize('NFKD').replace(COMBINING_MARKS_RE, '').toLowerCase();
  // "ß", "ø", "ł" do not decompose; fold the ones seen in European names.
  const ascii = lower.replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/ı/g, 'i');
  return SPELLING_FOLDS.get(ascii) ?? ascii;
};

/** ASCII letters, digits and "&": the fast path of the scanner (most text is ASCII). */
const isAsciiWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38;

export const tokenizeForMatch = (text: string): AliasToken[] => {
  if (NON_ASCII_RE.test(text)) {
    const tokens: AliasToken[] = [];
    for (const m of text.matchAll(TOKEN_RE)) {
      const raw = m[0];
      const start = m.index;
      tokens.push({ norm: foldToken(raw), raw, start, end: start + raw.length });
    }
    return tokens;
  }
  const tokens: AliasToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(text.charCodeAt(i))) i++;
    const raw = text.slice(start, i);
    const lower = raw.toLowerCase();
    tokens.push({ norm: SPELLING_FOLDS.get(lower) ?? lower, raw, start, end: i });
  }
  return tokens;
};

/** The lookup key of a name: its normalised tokens joined by single spaces. */
export const normalizeAlias = (text: string): string =>
  tokenizeForMatch(text)
    .map((t) => t.norm)
    .join(' ');

/** Key without a leading "the", for lookups such as "the Kremlin" -> "Kremlin". */
export const stripLeadingThe = (key: string): string =>
  key.startsWith('the ') ? key.slice(4) : key;
