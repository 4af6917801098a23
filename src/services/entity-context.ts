import type { EntityMention, FigureRecord, QuoteRecord } from '../core/enrichment.js';
import { splitSentences, tokenize } from '../enrich/tokenize.js';
import type { ArticleStore, Fact } from '../store/port.js';
import { parseEntityQuery } from './entity-query.js';

/**
 * What an entity's page says about it, read from the entity's OWN sentences rather than from
 * every article that mentions it: quotes it speaks or that name it, figures whose subject it is,
 * and the entities sharing a sentence or a paragraph with it.
 *
 * The entity's most recent articles are read (ENTITY_CONTEXT_ARTICLES of them), so an entity
 * mentioned a million times costs the same as one mentioned fifty times; the view says how many
 * articles it read.
 */
export const ENTITY_CONTEXT_ARTICLES = 30;

export interface NeighbourEntity {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Sentences (or paragraphs) holding both entities. */
  readonly together: number;
}

export interface EntityContext {
  /** Quotes whose speaker is the entity. */
  readonly quotesBy: Fact<QuoteRecord>[];
  /** Quotes by someone else whose words name the entity (a linked mention, or a name or alias). */
  readonly quotesMentioning: Fact<QuoteRecord>[];
  /** Figures linked to the entity, or whose subject is one of its names. */
  readonly figures: Fact<FigureRecord>[];
  /** Entities in the same sentence as one of its mentions, most shared sentences first. */
  readonly withinSentence: NeighbourEntity[];
  /** Entities in the same paragraph as one of its mentions, most shared paragraphs first. */
  readonly withinParagraph: NeighbourEntity[];
  /** Names it was written as in the articles read (surface forms of its linked mentions). */
  readonly writtenAs: string[];
  readonly articlesRead: number;
  readonly articlesTotal: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for every name, matched as whole words, case-sensitively (acronyms are names). */
export const namePattern = (names: readonly string[]): RegExp | undefined => {
  const usable = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
  if (usable.length === 0) return undefined;
  usable.sort((a, b) => b.length - a.length);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  );
};

const inside = (inner: Span, outer: Span): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

const tally = (
  counts: Map<string, NeighbourEntity>,
  mentions: readonly EntityMention[],
  selfId: string,
): void => {
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.id === selfId || seen.has(m.id)) continue;
    seen.add(m.id);
    const before = counts.get(m.id);
    counts.set(m.id, {
      id: m.id,
      name: before?.name ?? m.name,
      type: before?.type ?? m.type,
      together: (before?.together ?? 0) + 1,
    });
  }
};

const ranked = (counts: Map<string, NeighbourEntity>, limit: number): NeighbourEntity[] =>
  [...counts.values()]
    .sort((a, b) => b.together - a.together || a.name.localeCompare(b.name))
    .slice(0, limit);

export interface EntityContextOptions {
  /** Names the entity is known by besides those seen in text (its KB name and aliases). */
  readonly aliases?: readonly string[];
  readonly limit: number;
  readonly articles?: number;
  /** Articles mentioning it in all, when the caller knows (the entity summary). */
  readonly articlesTotal?: number;
}

/**
 * The entity's newest articles: from the store's mention index when it has one (cheap for any
 * entity), else through the search engine's `entity:` filter.
 */
export const newestArticlesOf = async (
  store: ArticleStore,
  entityId: string,
  limit: number,
): Promise<{ ids: string[]; total: number }> => {
  if (store.entityArticles) {
    const ids = await store.entityArticles.newestArticleIds(entityId, limit);
    return { ids, total: ids.length };
  }
  const found = await store.searchArticles({
    query: parseEntityQuery(entityId),
    limit,
    sort: 'newest',
  });
  return { ids: found.hits.map((h) => h.id), total: found.total };
};

export const entityContext = async (
  store: ArticleStore,
  entityId: string,
  options: EntityContextOptions,
): Promise<EntityContext> => {
  const wanted = options.articles ?? ENTITY_CONTEXT_ARTICLES;
  const found = await newestArticlesOf(store, entityId, wanted);
  const quotesBy: Fact<QuoteRecord>[] = [];
  const quotesMentioning: Fact<QuoteRecord>[] = [];
  const figures: Fact<FigureRecord>[] = [];
  const bySentence = new Map<string, NeighbourEntity>();
  const byParagraph = new Map<string, NeighbourEntity>();
  const writtenAs = new Set<string>();
  for (const id of found.ids) {
    const [article, enrichment] = await Promise.all([
      store.getArticle(id),
      store.getEnrichment(id),
    ]);
    if (!article || !enrichment) continue;
    const text = article.text;
    const own = enrichment.entities.filter((m) => m.id === entityId);
    if (own.length === 0) continue;
    for (const m of own) writtenAs.add(m.text);
    const names = namePattern([
      ...own.map((m) => m.name),
      ...own.map((m) => m.text),
      ...(options.aliases ?? []),
    ]);
    const where = {
      articleId: article.id,
      ...(article.title !== undefined ? { articleTitle: article.title } : {}),
      ...(article.published !== undefined ? { published: article.published } : {}),
      ...(article.source !== undefined ? { source: article.source } : {}),
    };
    for (const quote of enrichment.quotes) {
      if (quote.speakerId === entityId) quotesBy.push({ ...quote, ...where });
      else if (own.some((m) => inside(m, quote)) || (names && names.test(quote.text)))
        quotesMentioning.push({ ...quote, ...where });
    }
    for (const figure of enrichment.figures) {
      const subjectNamesIt = figure.subject !== undefined && names?.test(figure.subject) === true;
      if (figure.entityId === entityId || subjectNamesIt) figures.push({ ...figure, ...where });
    }
    const sentences = splitSentences(text, tokenize(text));
    const sentenceOf = (at: number): number =>
      sentences.findIndex((s) => at >= s.start && at < s.end);
    const ownSentences = new Set(own.map((m) => sentenceOf(m.start)).filter((i) => i >= 0));
    const ownParagraphs = new Set(
      [...ownSentences].map((i) => sentences[i]?.paragraph).filter((p) => p !== undefined),
    );
    const others = enrichment.entities.filter((m) => m.id !== entityId);
    for (const index of ownSentences) {
      const s = sentences[index];
      if (s)
        tally(
          bySentence,
          others.filter((m) => inside(m, s)),
          entityId,
        );
    }
    for (const paragraph of ownParagraphs) {
      const span = sentences.filter((s) => s.paragraph === paragraph);
      const first = span[0];
      const last = span[span.length - 1];
      if (first && last)
        tally(
          byParagraph,
          others.filter((m) => inside(m, { start: first.start, end: last.end })),
          entityId,
        );
    }
  }
  return {
    quotesBy: quotesBy.slice(0, options.limit),
    quotesMentioning: quotesMentioning.slice(0, options.limit),
    figures: figures.slice(0, options.limit),
    withinSentence: ranked(bySentence, options.limit),
    withinParagraph: ranked(byParagraph, options.limit),
    writtenAs: [...writtenAs].sort(),
    articlesRead: found.ids.length,
    articlesTotal: options.articlesTotal ?? found.total,
  };
};
