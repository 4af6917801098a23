/**
 * Tokens and sentences with character offsets into the original text, so every later fact
 * can point back at the exact characters it came from.
 *
 * Tokenisation follows the CoNLL/GMB conventions the NER model was trained on: possessive "'s"
 * is its own token, hyphenated compounds ("F-35", "long-range") stay whole, abbreviations keep
 * their period ("U.S.", "Mr.").
 */

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index of the first token of the sentence and one past its last. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Index of the paragraph (blocks separated by a blank line or a newline) the sentence is in. */
  readonly paragraph: number;
}

const TITLE_ABBREVIATIONS =
  'Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Brig|Adm|Cmdr|Rep|Sen|Gov|Prof|Rev|St|Jr|Sr|Sgt|Cpl|Pvt|Spc|Gens|Hon|Inc|Corp|Co|Ltd|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ft|Mt|approx|est|etc';

// One sticky alternation, tried in order: dotted acronyms, known abbreviations, possessive,
// numbers (with thousands separators and decimals), words with inner hyphens/apostrophes/slashes,
// a run of dots, then any other single non-space character.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?:\p{Lu}\.){2,}`,
    String.raw`(?:${TITLE_ABBREVIATIONS})\.(?=\s)`,
    String.raw`['’]s\b`,
    String.raw`\d+(?:[.,:]\d+)*(?:-[\p{L}\d]+)*`,
    String.raw`[\p{L}\p{M}\d]+(?:[-/][\p{L}\p{M}\d]+|['’](?!s\b)\p{L}+)*`,
    String.raw`\.{2,}`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
};

const ENDS_SENTENCE = new Set(['.', '!', '?', '…', '...']);
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']', '»']);

const hasNewline = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
};

const startsLikeSentence = (t: Token): boolean => {
  const c = t.text.charAt(0);
  return c !== c.toLowerCase() || (c >= '0' && c <= '9') || CLOSERS.has(c) || '“"‘('.includes(c);
};

/**
 * Sentences end at . ! ? (plus any closing quote or bracket) before a token that can open a
 * sentence, and always at a line break: text dumps put one paragraph on a line.
 */
export const splitSentences = (text: string, tokens: readonly Token[]): Sentence[] => {
  const sentences: Sentence[] = [];
  let first = 0;
  let paragraph = 0;
  const close = (endIndex: number): void => {
    const a = tokens[first];
    const b = tokens[endIndex - 1];
    if (a !== undefined && b !== undefined) {
      sentences.push({
        start: a.start,
        end: b.end,
        tokenStart: first,
        tokenEnd: endIndex,
        paragraph,
      });
    }
    first = endIndex;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (hasNewline(text, tok.end, next.start)) {
      close(i + 1);
      paragraph++;
      continue;
    }
    if (!ENDS_SENTENCE.has(tok.text)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has((tokens[j] as Token).text)) {
      const closer = tokens[j] as Token;
      // A quote glued to the next word opens the next sentence rather than closing this one.
      const after = tokens[j + 1];
      if (after !== undefined && after.start === closer.end && !CLOSERS.has(after.text)) break;
      j++;
    }
    const opener = tokens[j];
    if (opener === undefined) break;
    if (
      startsLikeSentence(opener) ||
      hasNewline(text, (tokens[j - 1] as Token).end, opener.start)
    ) {
      i = j - 1;
      const paragraphBreak = hasNewline(text, (tokens[j - 1] as Token).end, opener.start);
      close(j);
      if (paragraphBreak) paragraph++;
    }
  }
  if (first < tokens.length) close(tokens.length);
  return sentences;
};
