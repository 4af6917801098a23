import { roundNumber } from '../core/display-format.js';
import type { FigureRecord, QuoteRecord, RelationRecord } from '../core/enrichment.js';
import type { EntitySummary, Fact } from '../store/port.js';

/**
 * One human-readable line per entity or fact. Every fact line starts with the article id and the
 * character offsets it came from, so an analyst can check it with `sitrep show <id>`.
 */
const provenance = (fact: Fact<{ start: number; end: number }>): string =>
  `${fact.articleId} [${fact.start}-${fact.end}]`;

const day = (iso: string | undefined): string => (iso ?? '').slice(0, 10);

/** One line with a newline-free copy of text (quotes can span paragraphs). */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const entityLine = (entity: EntitySummary): string =>
  [
    entity.id,
    entity.type.padEnd(8),
    entity.name,
    `${entity.articles} article${entity.articles === 1 ? '' : 's'}`,
    `${entity.mentions} mention${entity.mentions === 1 ? '' : 's'}`,
    entity.firstSeen ? `${day(entity.firstSeen)}..${day(entity.lastSeen)}` : '',
  ]
    .filter((part) => part !== '')
    .join('  ');

export const figureLine = (figure: Fact<FigureRecord>): string =>
  [
    provenance(figure),
    figure.kind.padEnd(10),
    `${roundNumber(figure.value, 2, false)} ${figure.unit}`,
    `"${flat(figure.text)}"`,
    figure.subject ? `of: ${figure.subject}` : '',
    figure.entityId ? `entity: ${figure.entityId}` : '',
  ]
    .filter((part) => part !== '')
    .join('  ');

export const quoteLine = (quote: Fact<QuoteRecord>): string => {
  const speaker = quote.anonymous
    ? `${quote.speaker ?? 'unnamed source'} (anonymous)`
    : (quote.speaker ?? 'unknown speaker');
  const id = quote.speakerId ? ` <${quote.speakerId}>` : '';
  return `${provenance(quote)}  ${speaker}${id}: ${flat(quote.text)}`;
};

export const relationLine = (relation: Fact<RelationRecord>): string =>
  [
    provenance(relation),
    `${relation.subjectName} <${relation.subjectId}>`,
    relation.negated ? `NOT ${relation.predicate}` : relation.predicate,
    `${relation.objectName} <${relation.objectId}>`,
  ].join('  ');
