/** The search stage's public face: the query language, its compilers and the shared tokenizer. */
export { parseQuery, MAX_QUERY_LENGTH, MAX_NESTING } from './parse-query.js';
export type {
  QueryAst,
  QueryNode,
  MatchAllNode,
  TextNode,
  FieldNode,
  DateNode,
  AndNode,
  OrNode,
  NotNode,
  QuerySyntaxError,
  FilterField,
  DateBound,
} from './query-ast.js';
export { FILTER_FIELDS, DATE_FIELDS, KNOWN_FIELDS } from './query-ast.js';
export type { Filter, FieldFilter, DateFilter, TextFilter } from './filter.js';
export { compileForFts5 } from './compile-fts5.js';
export type { Fts5Query } from './compile-fts5.js';
export { compileForPostgres } from './compile-postgres.js';
export type { PostgresQuery } from './compile-postgres.js';
export { buildPostgresTsvector, POSTGRES_MAX_POSITION } from './postgres-tsvector.js';
export type { IndexedFields } from './postgres-tsvector.js';
export { evaluateAst } from './evaluate-ast.js';
export type { SearchDocument } from './evaluate-ast.js';
export { describeQuery } from './describe-query.js';
export { extractHighlightTerms, findHighlightRanges } from './highlight-terms.js';
export type { HighlightTerm, HighlightRange } from './highlight-terms.js';
export { tokenize, tokenTexts, TOKENIZER_VERSION } from './tokenize.js';
export type { Token } from './tokenize.js';

/** Bumped when the meaning of a query changes (grammar, precedence, field semantics). */
export const QUERY_LANGUAGE_VERSION = '2';
