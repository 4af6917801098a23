import type { DateBound, FilterField } from './query-ast.js';

/**
 * A condition the store turns into SQL. A compiled query is `match` (the full-text part, used
 * for ranking and snippets) AND every filter in its list.
 *
 * Conditions on a missing value are false and their NOT is true (an undated article is not
 * `after:2025` and is `NOT after:2025`), so a store must not let SQL's NULL logic drop rows under
 * NOT: compile `field` as `coalesce(lower(col), '') = ?` or an EXISTS, and `date` as
 * `(published IS NOT NULL AND published >= ?)`.
 */
export type Filter =
  /** Metadata equals `value` (already lower-cased; compare case-insensitively). */
  | { readonly kind: 'field'; readonly field: FilterField; readonly value: string }
  /** after: `published >= date`; before: `published < date`; date is YYYY-MM-DD, compared in UTC. */
  | { readonly kind: 'date'; readonly bound: DateBound; readonly date: string }
  /**
   * Full-text condition in the backend's own syntax (an FTS5 MATCH expression or a tsquery), used
   * where text is mixed with metadata under OR/NOT, or where a query has only negative words:
   * SQLite `id IN (SELECT rowid FROM fts WHERE fts MATCH ?)`, PostgreSQL `tsv @@ ?::tsquery`.
   */
  | { readonly kind: 'text'; readonly query: string }
  | { readonly kind: 'and'; readonly filters: readonly Filter[] }
  | { readonly kind: 'or'; readonly filters: readonly Filter[] }
  | { readonly kind: 'not'; readonly filter: Filter };

export type FieldFilter = Extract<Filter, { kind: 'field' }>;
export type DateFilter = Extract<Filter, { kind: 'date' }>;
export type TextFilter = Extract<Filter, { kind: 'text' }>;
