/**
 * Three enriched articles for the facts contract and the entity/fact CLI tests: Rutte and NATO in
 * January; HIMARS in Estonia in March; Serbia's Rafale late March. Offsets are found in the text.
 */
import type { ArticleEnrichment, EntityMention } from '../core/enrichment.js';
import type { ArticleStore } from './port.js';
import { draftFor } from './store-contract.suite.js';

export interface FixtureArticle {
  readonly key: string;
  readonly published: string;
  readonly text: string;
  readonly enrich: (
    at: (phrase: string, from?: number) => Span,
  ) => Omit<ArticleEnrichment, 'version' | 'document'>;
}

interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const spanIn =
  (text: string) =>
  (phrase: string, from = 0): Span => {
    const start = text.indexOf(phrase, from);
    if (start < 0) throw new Error(`fixture: "${phrase}" not in "${text}"`);
    return { text: phrase, start, end: start + phrase.length };
  };

/** Relations carry the evidence span's offsets, not its text. */
const offsets = (span: Span): { start: number; end: number } => ({
  start: span.start,
  end: span.end,
});

const mention = (span: Span, type: string, id: string, name: string): EntityMention => ({
  ...span,
  type,
  id,
  name,
});

export const FACT_FIXTURE: readonly FixtureArticle[] = [
  {
    key: 'nato',
    published: '2025-01-15T08:00:00.000Z',
    text: 'NATO chief Mark Rutte wants 300,000 troops on high readiness and HIMARS in every brigade. "We must spend 5%," Rutte said.',
    enrich: (at) => ({
      entities: [
        mention(at('NATO'), 'ORG', 'kb:nato', 'NATO'),
        mention(at('Mark Rutte'), 'PERSON', 'kb:rutte', 'Mark Rutte'),
        mention(at('HIMARS'), 'WEAPON', 'kb:himars', 'HIMARS'),
      ],
      countries: [],
      figures: [
        {
          ...at('300,000 troops'),
          kind: 'count',
          value: 300000,
          unit: 'troops',
          subject: 'high readiness',
          entityId: 'kb:nato',
        },
        { ...at('5%'), kind: 'percent', value: 5, unit: '%' },
      ],
      quotes: [
        {
          ...at('"We must spend 5%,"'),
          kind: 'direct',
          speaker: 'Rutte',
          speakerId: 'kb:rutte',
          anonymous: false,
        },
      ],
      relations: [
        {
          subjectId: 'kb:rutte',
          subjectName: 'Mark Rutte',
          predicate: 'holds_office',
          objectId: 'kb:nato',
          objectName: 'NATO',
          negated: false,
          ...offsets(at('NATO chief Mark Rutte')),
        },
      ],
    }),
  },
  {
    key: 'himars',
    published: '2025-03-04T10:00:00.000Z',
    text: 'Estonia received six HIMARS launchers worth €200 million, Hanno Pevkur said. More HIMARS will follow, NATO said. "It is on schedule," an official said. "Delivered," said Pevkur.',
    enrich: (at) => ({
      entities: [
        mention(at('Estonia'), 'GPE', 'kb:ee', 'Estonia'),
        mention(at('HIMARS'), 'WEAPON', 'kb:himars', 'HIMARS'),
        mention(at('Hanno Pevkur'), 'PERSON', 'kb:pevkur', 'Hanno Pevkur'),
        mention(at('HIMARS', 60), 'WEAPON', 'kb:himars', 'HIMARS'),
        mention(at('NATO'), 'ORG', 'kb:nato', 'NATO'),
      ],
      countries: [{ code: 'EE', name: 'Estonia' }],
      figures: [
        { ...at('six HIMARS launchers'), kind: 'count', value: 6, unit: 'launchers' },
        {
          ...at('€200 million'),
          kind: 'money',
          value: 200e6,
          unit: 'EUR',
          subject: 'HIMARS launchers',
        },
      ],
      quotes: [
        { ...at('"It is on schedule,"'), kind: 'direct', speaker: 'an official', anonymous: true },
        {
          ...at('"Delivered,"'),
          kind: 'direct',
          speaker: 'Pevkur',
          speakerId: 'kb:pevkur',
          anonymous: false,
        },
      ],
      relations: [
        {
          subjectId: 'kb:ee',
          subjectName: 'Estonia',
          predicate: 'operates',
          objectId: 'kb:himars',
          objectName: 'HIMARS',
          negated: false,
          ...offsets(at('Estonia received six HIMARS launchers')),
        },
      ],
    }),
  },
  {
    key: 'rafale',
    published: '2025-03-20T10:00:00.000Z',
    text: 'Serbia ordered 12 Rafale jets; unlike Estonia, it is not a NATO member. "A historic day," Aleksandar Vucic said.',
    enrich: (at) => ({
      entities: [
        mention(at('Serbia'), 'GPE', 'kb:rs', 'Serbia'),
        mention(at('Rafale'), 'WEAPON', 'kb:rafale', 'Rafale'),
        mention(at('Estonia'), 'GPE', 'kb:ee', 'Estonia'),
        mention(at('Aleksandar Vucic'), 'PERSON', 'kb:vucic', 'Aleksandar Vucic'),
      ],
      countries: [
        { code: 'EE', name: 'Estonia' },
        { code: 'RS', name: 'Serbia' },
      ],
      figures: [{ ...at('12 Rafale jets'), kind: 'count', value: 12, unit: 'jets' }],
      quotes: [
        {
          ...at('"A historic day,"'),
          kind: 'direct',
          speaker: 'Aleksandar Vucic',
          speakerId: 'kb:vucic',
          anonymous: false,
        },
      ],
      relations: [
        {
          subjectId: 'kb:rs',
          subjectName: 'Serbia',
          predicate: 'acquires',
          objectId: 'kb:rafale',
          objectName: 'Rafale',
          negated: false,
          ...offsets(at('Serbia ordered 12 Rafale jets')),
        },
        {
          subjectId: 'kb:rs',
          subjectName: 'Serbia',
          predicate: 'member_of',
          objectId: 'kb:nato',
          objectName: 'NATO',
          negated: true,
          ...offsets(at('it is not a NATO member')),
        },
      ],
    }),
  },
];

export const enrichmentFor = (article: FixtureArticle): ArticleEnrichment => ({
  version: 'facts-fixture-1',
  ...article.enrich(spanIn(article.text)),
  document: { fixture: article.key },
});

/** Saves the fixture articles with their enrichment; returns fixture key -> article id. */
export const loadFactFixture = async (store: ArticleStore): Promise<Map<string, string>> => {
  const outcomes = await store.saveArticles(
    FACT_FIXTURE.map((a) =>
      draftFor(a.key, { text: a.text, title: `About ${a.key}`, published: a.published }),
    ),
  );
  const ids = new Map<string, string>();
  for (const [index, article] of FACT_FIXTURE.entries()) {
    const id = outcomes[index]!.id;
    ids.set(article.key, id);
    await store.saveEnrichment(id, enrichmentFor(article));
  }
  return ids;
};
