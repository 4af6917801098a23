import { createHash } from 'node:crypto';
import type { ArticleDraft } from '../../src/core/article.js';
import type {
  ArticleEnrichment,
  EntityMention,
  FigureRecord,
  QuoteRecord,
  RelationRecord,
} from '../../src/core/enrichment.js';

/**
 * A small enriched archive for the entity and fact endpoints: offsets are found in the text, so
 * a change to a text moves its facts with it.
 */
export const IDS = {
  poland: 'kb:pl',
  estonia: 'kb:ee',
  himars: 'kb:himars',
  minister: 'local:person:wladyslaw-kosiniak-kamysz',
  // A slash and colons: ids must survive the path segment.
  lockheed: 'local:org:lockheed/martin',
};
const MINISTER = 'Wladyslaw Kosiniak-Kamysz';

interface FixtureArticle {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly published: string;
  readonly entities: readonly [word: string, type: string, id: string, name?: string][];
  readonly figures: readonly [word: string, kind: string, value: number, unit: string][];
  readonly quotes: readonly [words: string, speakerId?: string][];
  readonly relations: readonly [from: string, to: string, predicate: string, negated: boolean][];
}

export const FIXTURE_ARTICLES: readonly FixtureArticle[] = [
  {
    key: 'warsaw',
    title: 'Poland orders HIMARS',
    text:
      `WARSAW - Poland signed a contract for 48 HIMARS launchers worth $10 billion. ` +
      `"Poland will defend every inch," said ${MINISTER}. Poland did not buy from Lockheed.`,
    published: '2025-03-14T09:00:00Z',
    entities: [
      ['Poland', 'GPE', IDS.poland],
      ['HIMARS', 'WEAPON', IDS.himars],
      [MINISTER, 'PERSON', IDS.minister],
      ['Lockheed', 'ORG', IDS.lockheed, 'Lockheed Martin'],
    ],
    figures: [
      ['48', 'count', 48, 'launchers'],
      ['$10 billion', 'money', 10e9, 'USD'],
    ],
    quotes: [['Poland will defend every inch,', IDS.minister]],
    relations: [['Poland', 'Lockheed', 'buys_from', true]],
  },
  {
    key: 'apache',
    title: 'Minister on Apache deal',
    text:
      `${MINISTER} said Poland would buy 96 Apache helicopters. "Deliveries start next year," ` +
      `he added. Lockheed supplies HIMARS to Poland.`,
    published: '2025-04-02T09:00:00Z',
    entities: [
      [MINISTER, 'PERSON', IDS.minister],
      ['Poland', 'GPE', IDS.poland],
      ['HIMARS', 'WEAPON', IDS.himars],
      ['Lockheed', 'ORG', IDS.lockheed, 'Lockheed Martin'],
    ],
    figures: [['96', 'count', 96, 'helicopters']],
    quotes: [['Deliveries start next year,', IDS.minister]],
    relations: [['Lockheed', 'Poland', 'supplies', false]],
  },
  {
    key: 'tallinn',
    title: 'Estonia receives HIMARS',
    text: 'TALLINN - Estonia received its first 6 HIMARS launchers, "a new era", an official said.',
    published: '2025-04-20T09:00:00Z',
    entities: [
      ['Estonia', 'GPE', IDS.estonia],
      ['HIMARS', 'WEAPON', IDS.himars],
    ],
    figures: [['6', 'count', 6, 'launchers']],
    quotes: [['a new era']],
    relations: [],
  },
];

const spanOf = (text: string, words: string): { start: number; end: number; text: string } => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" not in "${text}"`);
  return { start, end: start + words.length, text: words };
};

const allSpans = (text: string, words: string): { start: number; end: number }[] => {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) {
    out.push({ start: at, end: at + words.length });
  }
  return out;
};

export const fixtureDraft = (a: FixtureArticle): ArticleDraft => ({
  identityKey: `test:${a.key}`,
  format: 'text',
  provenance: { path: `fixture/${a.key}.txt` },
  raw: a.text,
  rawMediaType: 'text/plain',
  itemRecord: '{}',
  title: a.title,
  text: a.text,
  source: 'Fixture Wire',
  language: 'en',
  published: a.published,
  authors: [],
  categories: [],
  contentHash: createHash('sha256')
    .update(a.title + a.text)
    .digest('hex'),
  stageVersions: {},
});

export const fixtureEnrichment = (a: FixtureArticle): ArticleEnrichment => {
  const nameOf = (id: string) => a.entities.find((e) => e[2] === id)?.[3];
  const entities: EntityMention[] = a.entities.flatMap(([word, type, id, name]) =>
    allSpans(a.text, word).map((s) => ({ ...s, text: word, type, id, name: name ?? word })),
  );
  const figures: FigureRecord[] = a.figures.map(([word, kind, value, unit]) => ({
    ...spanOf(a.text, word),
    kind,
    value,
    unit,
  }));
  const quotes: QuoteRecord[] = a.quotes.map(([words, speakerId]) => ({
    ...spanOf(a.text, words),
    kind: 'direct',
    anonymous: speakerId === undefined,
    speaker: speakerId === undefined ? 'an official' : MINISTER,
    ...(speakerId !== undefined ? { speakerId } : {}),
  }));
  const idOf = (word: string) => a.entities.find((e) => e[0] === word)?.[2] ?? word;
  const relations: RelationRecord[] = a.relations.map(([from, to, predicate, negated]) => {
    const first = spanOf(a.text, from);
    const last = spanOf(a.text.slice(first.start), to);
    return {
      subjectId: idOf(from),
      subjectName: nameOf(idOf(from)) ?? from,
      predicate,
      objectId: idOf(to),
      objectName: nameOf(idOf(to)) ?? to,
      negated,
      start: first.start,
      end: first.start + last.end,
    };
  });
  return {
    version: 'fixture-1',
    entities,
    countries: [],
    figures,
    quotes,
    relations,
    document: null,
  };
};
