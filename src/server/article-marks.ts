import type { ArticleEnrichment } from '../core/enrichment.js';
import type { QueryAst } from '../search/index.js';
import { extractHighlightTerms, findHighlightRanges } from '../search/index.js';

/**
 * A span of an article's stored text to mark, as UTF-16 [start, end) offsets into `article.text`
 * (the same offsets enrichment stores, so a mark always points at its evidence). Kinds: 'match'
 * (query words) and 'entity'; figures and quotes join as new kinds when enrichment stores them.
 */
export interface TextMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'match' | 'entity';
  readonly type?: string;
  readonly name?: string;
  readonly entityId?: string;
}

export interface EntitySummary {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly mentions: number;
}

export const articleMarks = (
  text: string,
  query: QueryAst | undefined,
  enrichment: ArticleEnrichment | undefined,
): TextMark[] => {
  const matches: TextMark[] = query
    ? findHighlightRanges(text, extractHighlightTerms(query)).map((r) => ({ ...r, kind: 'match' }))
    : [];
  const entities: TextMark[] = (enrichment?.entities ?? [])
    // Offsets from an older text revision would mark the wrong characters; drop them.
    .filter((m) => m.start >= 0 && m.end <= text.length && text.slice(m.start, m.end) === m.text)
    .map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'entity',
      type: m.type,
      name: m.name,
      entityId: m.id,
    }));
  return [...matches, ...entities].sort((a, b) => a.start - b.start || b.end - a.end);
};

/** Entities of an article by mention count, for the article page's side list. */
export const summariseEntities = (enrichment: ArticleEnrichment | undefined): EntitySummary[] => {
  const byId = new Map<string, EntitySummary>();
  for (const m of enrichment?.entities ?? []) {
    const seen = byId.get(m.id);
    byId.set(m.id, {
      id: m.id,
      name: m.name,
      type: m.type,
      mentions: (seen?.mentions ?? 0) + 1,
    });
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
};
