/**
 * The last step of a search on either backend: hits built from the page's candidates and their
 * details, and the flags that say which bounds applied, so both stores report results alike.
 */
import type { HighlightTerm } from '../search/index.js';
import { encodeOffsetCursor } from './cursor.js';
import type { SearchFacets, SearchResult, TextHit } from './port.js';
import { RANK_WINDOW } from './search-bounds.js';
import type { CandidatePage } from './search-candidates.js';
import { snippetFor } from './search-snippet.js';

/** What a backend reads for each hit on the page. */
export interface HitDetails {
  readonly title: string | null;
  readonly source: string | null;
  readonly text: string;
}

export interface SearchResultParts {
  readonly cut: CandidatePage;
  /** By candidate seq. */
  readonly details: ReadonlyMap<number, HitDetails>;
  /** Words to mark in snippets; with no words in the query, snippets are the text's start. */
  readonly highlightTerms?: readonly HighlightTerm[];
  /** The query's words matched more than RANK_WINDOW articles. */
  readonly windowed: boolean;
  readonly facets?: SearchFacets;
  readonly offset: number;
  readonly limit: number;
}

export const searchResultOf = (parts: SearchResultParts): SearchResult => {
  const { cut, details, highlightTerms, windowed, facets } = parts;
  const hits = cut.page.map((candidate): TextHit => {
    const row = details.get(candidate.seq);
    const text = row?.text ?? '';
    return {
      id: candidate.id,
      ...(row?.title != null ? { title: row.title } : {}),
      ...(row?.source != null ? { source: row.source } : {}),
      ...(candidate.published !== null ? { published: candidate.published } : {}),
      snippet: highlightTerms ? snippetFor(text, highlightTerms) : text.slice(0, 160),
      // -0 (a negated zero rank) prints as 0.
      score: candidate.score === 0 ? 0 : candidate.score,
      ...(candidate.copies ? { copies: candidate.copies } : {}),
    };
  });
  return {
    total: cut.total,
    ...(cut.totalCapped || windowed ? { totalIsEstimate: true } : {}),
    hits,
    ...(facets ? { facets } : {}),
    ...(facets && cut.facetsSampled ? { facetsSampled: cut.facetSample.length } : {}),
    ...(windowed ? { matchesConsidered: RANK_WINDOW } : {}),
    ...(cut.hasMore ? { nextCursor: encodeOffsetCursor(parts.offset + parts.limit) } : {}),
  };
};
