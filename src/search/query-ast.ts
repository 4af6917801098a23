/** The parsed form of a search query; plain data so every backend and the UI can walk it. */
export type QueryAst = MatchAllNode | QueryNode;

export type QueryNode = TextNode | FieldNode | DateNode | AndNode | OrNode | NotNode;

/** The empty query: every article (browsing with facets). */
export interface MatchAllNode {
  readonly kind: 'all';
}

/** A word, a prefix word or a "phrase", optionally restricted to the title. */
export interface TextNode {
  readonly kind: 'text';
  /** Tokens as the index stores them (see tokenize.ts); a word such as F-35 gives two and acts as a phrase. */
  readonly tokens: readonly string[];
  /** `word*`: the last token matches any indexed token it begins. */
  readonly prefix: boolean;
  /** Written between double quotes. */
  readonly quoted: boolean;
  readonly field?: 'title';
  /** The text as the user wrote it, for echoing back. */
  readonly raw: string;
  readonly position: number;
}

export const FILTER_FIELDS = ['source', 'entity', 'type', 'country', 'lang'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const DATE_FIELDS = ['after', 'before'] as const;
export type DateBound = (typeof DATE_FIELDS)[number];

/** Every `name:` the language knows, in the order error messages list them. */
export const KNOWN_FIELDS = ['title', ...FILTER_FIELDS, ...DATE_FIELDS] as const;

/** A structured condition on article metadata (not full text). */
export interface FieldNode {
  readonly kind: 'field';
  readonly field: FilterField;
  /** Lower-cased; matched case-insensitively and exactly. */
  readonly value: string;
  readonly position: number;
}

/**
 * `after:D` keeps articles published at or after the start of D; `before:D` those published
 * strictly before the start of D. D is a year, month or day, so `after:2025-01 before:2025-04`
 * is the first quarter of 2025.
 */
export interface DateNode {
  readonly kind: 'date';
  readonly bound: DateBound;
  /** Start of the period, YYYY-MM-DD (UTC). */
  readonly date: string;
  readonly precision: 'year' | 'month' | 'day';
  readonly raw: string;
  readonly position: number;
}

export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
  readonly position: number;
}

export interface QuerySyntaxError {
  readonly message: string;
  /** 0-based index into the query string (UTF-16 code units, as JavaScript strings count). */
  readonly position: number;
}
