import { compileQuery } from './compile-query.js';
import type { TextSyntax } from './compile-query.js';
import type { Filter } from './filter.js';
import type { QueryAst, TextNode } from './query-ast.js';

export interface PostgresQuery {
  /**
   * A tsquery in the text form `to_tsquery('simple', $1)` and `$1::tsquery` both accept: quoted
   * lexemes, `&`, `|`, `!`, `<->` for phrases, `:*` for prefixes, `:A` for title words (the
   * title is weighted A in the index, see postgres-tsvector.ts). Absent when the query has no
   * positive word.
   */
  readonly tsquery?: string;
  /** ANDed with `tsquery`; text filters hold tsqueries too. */
  readonly filters: Filter[];
}

// Lexemes come from our tokenizer and hold no quote or backslash, but escaping keeps this safe regardless.
const lexeme = (token: string): string =>
  `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

const POSTGRES_SYNTAX: TextSyntax = {
  leaf: (node: TextNode) => {
    const weight = node.field === 'title' ? 'A' : '';
    const last = node.tokens.length - 1;
    const parts = node.tokens.map((token, i) => {
      const label = `${i === last && node.prefix ? '*' : ''}${weight}`;
      return label === '' ? lexeme(token) : `${lexeme(token)}:${label}`;
    });
    return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' <-> ')})`;
  },
  and: (parts) => `(${parts.join(' & ')})`,
  or: (parts) => `(${parts.join(' | ')})`,
  andNot: (positive, negatives) =>
    `(${positive} & !${negatives.length === 1 ? negatives[0] : `(${negatives.join(' | ')})`})`,
};

/**
 * Compiles a parsed query for PostgreSQL full-text search. It splits text from filters exactly
 * as compileForFts5 does, so both stores run the same plan and return the same hits.
 */
export const compileForPostgres = (ast: QueryAst): PostgresQuery => {
  const { text, filters } = compileQuery(ast, POSTGRES_SYNTAX);
  return text === undefined ? { filters } : { tsquery: text, filters };
};
