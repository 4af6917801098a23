/**
 * What enrichment stores per article. Offsets are character offsets into the article's stored text,
 * so every fact points back to the characters it came from.
 */
export type EntityType =
  'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FACILITY' | 'WEAPON' | 'UNIT' | 'EVENT' | 'NORP';

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

/** A figure an article states: money, count, distance, percentage, multiplier. */
export interface FigureRecord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /** The first amount as written (150e9 for "150-billion-euro ($162.5 billion)"). */
  readonly value: number;
  readonly unit: string;
  /** What the figure measures, when the sentence says ("troops", "EU defense package"). */
  readonly subject?: string;
  /** The entity the figure is claimed about or by, when linked (for the claim ledger). */
  readonly entityId?: string;
}

/** A quote with its speaker (or an anonymous source's description). */
export interface QuoteRecord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly speaker?: string;
  readonly speakerId?: string;
  readonly anonymous: boolean;
}

/** subject -predicate-> object, with negation and the evidence span. */
export interface RelationRecord {
  readonly subjectId: string;
  readonly subjectName: string;
  readonly predicate: string;
  readonly objectId: string;
  readonly objectName: string;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

export interface ArticleEnrichment {
  /** Version of the enricher that produced this; `reprocess` re-enriches when it changes. */
  readonly version: string;
  readonly entities: readonly EntityMention[];
  readonly countries: readonly CountryRef[];
  readonly figures: readonly FigureRecord[];
  readonly quotes: readonly QuoteRecord[];
  readonly relations: readonly RelationRecord[];
  /** The enricher's whole output (figures, dates, quotes, relations), kept as it was produced. */
  readonly document: unknown;
}
