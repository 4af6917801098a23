import type { SupplyEdge } from '../core/supply-edge.js';
import type { DateMention } from './dates/find-dates.js';
import type { EntityMention } from './find-entities.js';
import type { Figure } from './figures/figure-types.js';
import type { Quote } from './quotes/find-quotes.js';
import type { Relation } from './relations/find-relations.js';

/** Everything enrichment derives from one article; every offset points into the article text. */
export interface Enrichment {
  readonly version: string;
  readonly entities: readonly EntityMention[];
  readonly figures: readonly Figure[];
  readonly dates: readonly DateMention[];
  readonly quotes: readonly Quote[];
  readonly relations: readonly Relation[];
  /** Supply and dependency edges (recipient, supplier, system, status) with evidence offsets. */
  readonly edges: readonly SupplyEdge[];
  /** Counts that make throughput measurable (tokens) and results checkable (sentences). */
  readonly stats: { readonly tokens: number; readonly sentences: number };
}
