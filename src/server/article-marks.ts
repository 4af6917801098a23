import type {
  ArticleEnrichment,
  FigureRecord,
  QuoteRecord,
  RelationRecord,
} from '../core/enrichment.js';
import type { QueryAst } from '../search/index.js';
import { extractHighlightTerms, findHighlightRanges } from '../search/index.js';

/**
 * A span of an article's stored text to mark, as UTF-16 [start, end) offsets into `article.text`
 * (the same offsets enrichment stores, so a mark always points at its evidence). Kinds: 'match'
 * (query words), 'entity', 'figure' and 'quote'; a quote's marks may hold the others.
 */
export interface TextMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'match' | 'entity' | 'figure' | 'quote';
  /** Entity type, figure kind (money, count...) or quote kind (direct, partial...). */
  readonly type?: string;
  /** Entity name, or the quote's speaker as written. */
  readonly name?: string;
  /** The entity it links to: the mention's entity, the figure's entity, the quote's speaker. */
  readonly entityId?: string;
  readonly value?: number;
  readonly unit?: string;
  readonly subject?: string;
  readonly anonymous?: boolean;
}

/** Whether stored offsets still point at the stored words (an older text revision would not). */
const pointsAt = (text: string, span: { start: number; end: number; text: string }): boolean =>
  span.start >= 0 && span.end <= text.length && text.slice(span.start, span.end) === span.text;

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
    .filter((m) => pointsAt(text, m))
    .map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'entity',
      type: m.type,
      name: m.name,
      entityId: m.id,
    }));
  const figures: TextMark[] = validFigures(text, enrichment).map((f) => ({
    start: f.start,
    end: f.end,
    kind: 'figure',
    type: f.kind,
    value: f.value,
    unit: f.unit,
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
    ...(f.entityId !== undefined ? { entityId: f.entityId } : {}),
  }));
  const quotes: TextMark[] = validQuotes(text, enrichment).map((q) => ({
    start: q.start,
    end: q.end,
    kind: 'quote',
    type: q.kind,
    anonymous: q.anonymous,
    ...(q.speaker !== undefined ? { name: q.speaker } : {}),
    ...(q.speakerId !== undefined ? { entityId: q.speakerId } : {}),
  }));
  // Outer spans first at the same start, so a client can nest entities inside quotes.
  return [...matches, ...entities, ...figures, ...quotes].sort(
    (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
};

const KIND_ORDER: Record<TextMark['kind'], number> = { quote: 0, figure: 1, entity: 2, match: 3 };

export const validFigures = (
  text: string,
  enrichment: ArticleEnrichment | undefined,
): FigureRecord[] => (enrichment?.figures ?? []).filter((f) => pointsAt(text, f));

export const validQuotes = (
  text: string,
  enrichment: ArticleEnrichment | undefined,
): QuoteRecord[] => (enrichment?.quotes ?? []).filter((q) => pointsAt(text, q));

/** Relations carry no text of their own; only their evidence span is checked against the text. */
export const validRelations = (
  text: string,
  enrichment: ArticleEnrichment | undefined,
): RelationRecord[] =>
  (enrichment?.relations ?? []).filter(
    (r) => r.start >= 0 && r.end <= text.length && r.start <= r.end,
  );

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
