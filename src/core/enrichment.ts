/**
 * What enrichment stores per article. Offsets are character offsets into the article's stored text,
 * so every fact points back to the characters it came from.
 */
export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'FACILITY'
  | 'WEAPON'
  | 'UNIT'
  | 'EVENT'
  | 'NORP';

export interface EntityMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType | string;
  /** A knowledge-base id, or a stable local id (`local:person:mark-carney`). */
  readonly id: string;
  /** The entity's preferred name (the KB name, or the longest form seen in the article). */
  readonly name: string;
}

/** A country an article concerns (through linked places, demonyms, capitals used as metonyms). */
export interface CountryRef {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly code: string;
  readonly name: string;
}

export interface ArticleEnrichment {
  /** Version of the enricher that produced this; `reprocess` re-enriches when it changes. */
  readonly version: string;
  readonly entities: readonly EntityMention[];
  readonly countries: readonly CountryRef[];
  /** The enricher's whole output (figures, dates, quotes, relations), kept as it was produced. */
  readonly document: unknown;
}
