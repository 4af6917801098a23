import { compileQuery } from './compile-query.js';
import type { TextSyntax } from './compile-query.js';
import type { Filter } from './filter.js';
import type { QueryAst, TextNode } from './query-ast.js';

export interface Fts5Query {
  /**
   * For `fts MATCH ?` on an FTS5 table with columns `title` and `text` and the tokenizer
   * `unicode61 remove_diacritics 2`. Every word is a quoted string, so nothing the user types
   * can reach FTS5's own syntax. Absent when the query has no positive word.
   */
  readonly match?: string;
  /** ANDed with `match`; text filters hold FTS5 MATCH expressions too. */
  readonly filters: Filter[];
}

// Tokens never hold a double quote (it is a separator), but doubling keeps the quoting safe regardless.
const quote = (tokens: readonly string[]): string => `"${tokens.join(' ').replaceAll('"', '""')}"`;

const FTS5_SYNTAX: TextSyntax = {
  leaf: (node: TextNode) => {
    const phrase = `${quote(node.tokens)}${node.prefix ? '*' : ''}`;
    return node.field === 'title' ? `title : ${phrase}` : phrase;
  },
  and: (parts) => `(${parts.join(' AND ')})`,
  or: (parts) => `(${parts.join(' OR ')})`,
  // FTS5's NOT is binary ("a NOT b"), which is why a lone negative word becomes a filter instead.
  andNot: (positive, negatives) =>
    `(${positive} NOT ${negatives.length === 1 ? negatives[0] : `(${negatives.join(' OR ')})`})`,
};

/**
 * Compiles a parsed query for SQLite FTS5. A query with only negative words (`-nato`) has no
 * `match`; its words come back as `{kind:'not', filter:{kind:'text'}}`, which the store writes as
 * `id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`.
 */
export const compileForFts5 = (ast: QueryAst): Fts5Query => {
  const { text, filters } = compileQuery(ast, FTS5_SYNTAX);
  return text === undefined ? { filters } : { match: text, filters };
};
