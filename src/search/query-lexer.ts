import { KNOWN_FIELDS } from './query-ast.js';
import type { QuerySyntaxError } from './query-ast.js';
import { tokenTexts } from './tokenize.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';

/** A lexical unit of the query language; positions are 0-based indexes into the query. */
export type Lexeme =
  | { readonly type: '(' | ')' | 'AND' | 'OR' | 'NOT' | '-'; readonly position: number }
  | {
      readonly type: 'text';
      readonly raw: string;
      readonly tokens: readonly string[];
      readonly prefix: boolean;
      readonly quoted: boolean;
      readonly position: number;
    }
  | {
      readonly type: 'field';
      readonly name: string;
      readonly raw: string;
      readonly quoted: boolean;
      readonly prefix: boolean;
      readonly position: number;
      readonly valuePosition: number;
    };

// Only these characters end a bare word; everything else (F-35, U.S., 10:30) stays in it and
// the tokenizer splits it exactly as the index did.
const isSpace = (ch: string): boolean => /\s/u.test(ch);
const endsWord = (ch: string): boolean => isSpace(ch) || ch === '(' || ch === ')' || ch === '"';
const FIELD_PATTERN = /^([A-Za-z]+):/;
const fieldList = KNOWN_FIELDS.join(', ');

interface Cursor {
  readonly input: string;
  index: number;
}

const readQuoted = (cursor: Cursor): Result<{ raw: string; prefix: boolean }, QuerySyntaxError> => {
  const start = cursor.index;
  const close = cursor.input.indexOf('"', start + 1);
  if (close < 0) return err({ message: `unclosed quote starting at ${start}`, position: start });
  const raw = cursor.input.slice(start + 1, close);
  cursor.index = close + 1;
  let prefix = false;
  while (cursor.input[cursor.index] === '*') {
    prefix = true;
    cursor.index++;
  }
  return ok({ raw, prefix });
};

const readBare = (cursor: Cursor): string => {
  const start = cursor.index;
  while (cursor.index < cursor.input.length && !endsWord(cursor.input[cursor.index] ?? ' '))
    cursor.index++;
  return cursor.input.slice(start, cursor.index);
};

const splitPrefix = (word: string): { body: string; prefix: boolean } => {
  const body = word.replace(/\*+$/u, '');
  return { body, prefix: body.length < word.length };
};

const lexField = (cursor: Cursor, name: string): Result<Lexeme, QuerySyntaxError> => {
  const position = cursor.index;
  const field = name.toLowerCase();
  if (!(KNOWN_FIELDS as readonly string[]).includes(field)) {
    return err({
      message: `unknown field '${name}' at ${position}; known fields: ${fieldList} (put the word in "quotes" to search for it as text)`,
      position,
    });
  }
  cursor.index += name.length + 1;
  const valuePosition = cursor.index;
  const next = cursor.input[cursor.index];
  if (next === undefined || isSpace(next) || next === '(' || next === ')') {
    return err({ message: `expected a word or "phrase" after ${field}: at ${position}`, position });
  }
  if (next === '"') {
    const quoted = readQuoted(cursor);
    if (!quoted.ok) return quoted;
    const { raw, prefix } = quoted.value;
    return ok({ type: 'field', name: field, raw, quoted: true, prefix, position, valuePosition });
  }
  const { body, prefix } = splitPrefix(readBare(cursor));
  return ok({
    type: 'field',
    name: field,
    raw: body,
    quoted: false,
    prefix,
    position,
    valuePosition,
  });
};

/**
 * Splits a query into lexemes. Words and phrases with nothing searchable in them (a lone "&" or
 * "—") are dropped here, as the index drops them, so `Kyiv — Moscow` means `Kyiv Moscow`.
 */
export const lexQuery = (input: string): Result<Lexeme[], QuerySyntaxError> => {
  const cursor: Cursor = { input, index: 0 };
  const out: Lexeme[] = [];
  while (cursor.index < input.length) {
    const ch = input[cursor.index] ?? ' ';
    const position = cursor.index;
    if (isSpace(ch)) {
      cursor.index++;
    } else if (ch === '(' || ch === ')') {
      out.push({ type: ch, position });
      cursor.index++;
    } else if (ch === '"') {
      const quoted = readQuoted(cursor);
      if (!quoted.ok) return quoted;
      const tokens = tokenTexts(quoted.value.raw);
      if (tokens.length > 0)
        out.push({ type: 'text', ...quoted.value, tokens, quoted: true, position });
    } else if (ch === '-' && startsTerm(input[cursor.index + 1])) {
      out.push({ type: '-', position });
      cursor.index++;
    } else {
      const field = FIELD_PATTERN.exec(input.slice(position, position + 40));
      if (field?.[1] !== undefined) {
        const lexeme = lexField(cursor, field[1]);
        if (!lexeme.ok) return lexeme;
        out.push(lexeme.value);
        continue;
      }
      const word = readBare(cursor);
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        out.push({ type: word, position });
        continue;
      }
      const { body, prefix } = splitPrefix(word);
      const tokens = tokenTexts(body);
      if (tokens.length > 0)
        out.push({ type: 'text', raw: body, tokens, prefix, quoted: false, position });
    }
  }
  return ok(out);
};

/** A leading "-" negates only when a term follows at once: "-nato" but not "Kyiv - Moscow" or "--". */
const startsTerm = (next: string | undefined): boolean =>
  next !== undefined && !isSpace(next) && next !== '-' && next !== ')';
