import type { KnowledgeBase } from '../kb/kb-types.js';
import { DATES_VERSION, findDates } from './dates/find-dates.js';
import type { Enrichment } from './enrichment.js';
import { FIGURES_VERSION, findFigures } from './figures/find-figures.js';
import { EDGES_VERSION, findEdges } from './edges/find-edges.js';
import { findEntities } from './find-entities.js';
import { LINK_VERSION } from './link/link-mentions.js';
import type { NerModel } from './ner/perceptron-model.js';
import { findQuotes, QUOTES_VERSION } from './quotes/find-quotes.js';
import { findRelations, RELATIONS_VERSION } from './relations/find-relations.js';
import { splitSentences, tokenize } from './tokenize.js';

export type { Enrichment } from './enrichment.js';

/** The version of everything enrichment derives; saved with each result so reprocessing can target it. */
export const ENRICH_VERSION = `enrich-1+${LINK_VERSION}+${FIGURES_VERSION}+${DATES_VERSION}+${QUOTES_VERSION}+${RELATIONS_VERSION}+${EDGES_VERSION}`;

export interface EnrichInput {
  readonly id?: string;
  readonly text: string;
  readonly title?: string;
  /** ISO 8601; relative dates and office titles resolve against it. */
  readonly published?: string;
}

export interface EnrichDeps {
  readonly kb: KnowledgeBase;
  readonly model: NerModel;
}

/** Entities, figures, dates, quotes and relations of one article, all with offsets into `text`. */
export const enrichArticle = (input: EnrichInput, deps: EnrichDeps): Enrichment => {
  const { text, published } = input;
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const entities = findEntities(text, tokens, sentences, {
    kb: deps.kb,
    model: deps.model,
    ...(published !== undefined ? { published } : {}),
  });
  const relations = findRelations(text, sentences, entities, {
    kb: deps.kb,
    ...(published !== undefined ? { published } : {}),
  });
  const figures = findFigures(text);
  return {
    version: `${ENRICH_VERSION}+${deps.model.version}+${deps.kb.version}`,
    entities,
    figures,
    dates: findDates(text, published),
    quotes: findQuotes(text, sentences, entities),
    relations,
    edges: findEdges(text, sentences, entities, figures, {
      kb: deps.kb,
      ...(published !== undefined ? { published } : {}),
    }),
    stats: { tokens: tokens.length, sentences: sentences.length },
  };
};
