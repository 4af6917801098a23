/**
 * Facet tallies made in memory from one read of the sampled hits, shared by both stores so their
 * orders agree: most frequent first, ties by value in byte order (SQLite's BINARY collation and
 * PostgreSQL's "C"); months are the newest FACET_LIMIT, oldest first.
 */
import type { FacetCount, SearchFacets } from './port.js';

export const FACET_LIMIT = 20;

const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Counts values (null skipped), or distinct owners per value when owners are given. */
export class FacetTally {
  private readonly counts = new Map<string, number>();
  private readonly seen = new Set<string>();

  add(value: string | null | undefined, owner?: string): void {
    if (value === null || value === undefined) return;
    if (owner !== undefined) {
      const key = `${value}\u0000${owner}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  /** The FACET_LIMIT most frequent values. */
  top(): FacetCount[] {
    return [...this.counts.entries()]
      .sort(([av, ac], [bv, bc]) => bc - ac || byteOrder(av, bv))
      .slice(0, FACET_LIMIT)
      .map(([value, count]) => ({ value, count }));
  }

  /** The FACET_LIMIT greatest values (months: the newest), in ascending order. */
  latest(): FacetCount[] {
    return [...this.counts.entries()]
      .sort(([av], [bv]) => byteOrder(bv, av))
      .slice(0, FACET_LIMIT)
      .reverse()
      .map(([value, count]) => ({ value, count }));
  }
}

/** The three reads a backend makes for the facet sample: the articles, their mentions, their countries. */
export interface FacetRows {
  readonly articles: readonly {
    source: string | null;
    language_key: string | null;
    month: string | null;
  }[];
  readonly mentions: readonly { article_id: string; name: string | null; type: string | null }[];
  readonly countries: readonly { code: string }[];
}

/** Facets from those rows, tallied the same way for every backend so their orders agree. */
export const tallyFacets = ({ articles, mentions, countries }: FacetRows): SearchFacets => {
  const source = new FacetTally();
  const language = new FacetTally();
  const month = new FacetTally();
  for (const row of articles) {
    source.add(row.source);
    language.add(row.language_key);
    month.add(row.month);
  }
  const entity = new FacetTally();
  const entityType = new FacetTally();
  for (const row of mentions) {
    entity.add(row.name, row.article_id);
    entityType.add(row.type, row.article_id);
  }
  const country = new FacetTally();
  for (const row of countries) country.add(row.code);
  return {
    source: source.top(),
    language: language.top(),
    month: month.latest(),
    entity: entity.top(),
    entityType: entityType.top(),
    country: country.top(),
  };
};
