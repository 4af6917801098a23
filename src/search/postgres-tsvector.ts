import { tokenTexts } from './tokenize.js';

/** PostgreSQL clamps larger positions to this one; phrases beyond it cannot be told apart. */
export const POSTGRES_MAX_POSITION = 16383;
/** PostgreSQL refuses longer lexemes (bytes, UTF-8); FTS5 keeps them, so such freak tokens differ. */
export const POSTGRES_MAX_LEXEME_BYTES = 2046;

export interface IndexedFields {
  readonly title?: string;
  readonly text: string;
}

const utf8 = new TextEncoder();
// A UTF-16 unit is at most 3 UTF-8 bytes, so only long tokens need measuring.
const tooLong = (token: string): boolean =>
  token.length * 3 > POSTGRES_MAX_LEXEME_BYTES &&
  utf8.encode(token).length > POSTGRES_MAX_LEXEME_BYTES;

const literalLexeme = (token: string): string =>
  `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * The tsvector of an article as a literal for `$1::tsvector`, built with our tokenizer so
 * PostgreSQL indexes exactly the words FTS5 indexes (its own parser would split "F-35", e-mail
 * addresses and decimals differently). Title words carry weight A (matched by `title:` and ranked
 * higher); text words follow after a one-position gap so a phrase never spans title and text,
 * as it cannot in FTS5's separate columns.
 */
export const buildPostgresTsvector = (fields: IndexedFields): string => {
  const positions = new Map<string, string[]>();
  const add = (token: string, position: number, weight: string): void => {
    if (tooLong(token)) return;
    const label = `${Math.min(position, POSTGRES_MAX_POSITION)}${weight}`;
    const list = positions.get(token);
    if (list === undefined) positions.set(token, [label]);
    else list.push(label);
  };
  const titleTokens = tokenTexts(fields.title ?? '');
  titleTokens.forEach((token, i) => add(token, i + 1, 'A'));
  const offset = titleTokens.length === 0 ? 1 : titleTokens.length + 2;
  tokenTexts(fields.text).forEach((token, i) => add(token, offset + i, ''));
  return [...positions]
    .map(([token, list]) => `${literalLexeme(token)}:${list.join(',')}`)
    .join(' ');
};
