import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimsOfArticle } from './article-claims.js';
import { ledgerDocumentSchema, type LedgerArticle } from './ledger-input.js';

const PLACES: Record<string, string> = {
  Donetsk: 'gpe:donetsk',
  Russia: 'gpe:ru',
  Ukraine: 'gpe:ua',
  Zaporizhzhia: 'gpe:zaporizhzhia',
};

/** One article with its figure (a count of `unit`) and the places it names, found by their text. */
const article = (id: string, text: string, figure: string, unit: string): LedgerArticle => {
  const start = text.indexOf(figure);
  const value = Number(/\d+/.exec(figure)?.[0] ?? (/^(?:two|Seven)/i.test(figure) ? 2 : 1));
  const entities = Object.entries(PLACES).flatMap(([name, entityId]) =>
    [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + name.length,
      id: entityId,
      name,
      type: 'GPE',
    })),
  );
  return {
    id,
    text,
    published: '2022-07-09T00:00:00.000Z',
    source: 'example.net',
    syndicationGroup: id,
    enrichmentVersion: 'test',
    document: ledgerDocumentSchema.parse({
      entities,
      figures: [{ start, end: start + figure.length, text: figure, kind: 'count', value, unit }],
    }),
  };
};

const only = (a: LedgerArticle) => {
  const [claim] = claimsOfArticle(a);
  assert.ok(claim);
  return claim;
};

test('"in Donetsk region, 4 killed" and "5 killed in Donetsk region" measure one thing', () => {
  const a = only(
    article(
      'a',
      'In the Donetsk region, Russian troops killed 4 civilians.',
      '4 civilians',
      'civilians',
    ),
  );
  const b = only(
    article(
      'b',
      'Russian troops killed 5 civilians in the Donetsk region.',
      '5 civilians',
      'civilians',
    ),
  );
  assert.equal(a.measure, b.measure);
  assert.equal(a.measure, 'count:civilian|killed|gpe:donetsk|civilian');
});

test("who acted is not where: Russia's shelling of Donetsk region is placed in Donetsk only", () => {
  const c = only(
    article(
      'a',
      "Seven civilians have been killed in Russia's shelling of the Donetsk region over the past day.",
      'Seven civilians',
      'civilians',
    ),
  );
  assert.equal(c.measure, 'count:civilian|killed|gpe:donetsk|civilian');
  // "have been killed ... over the past day" is the day's count, not a tally since the war began.
  assert.equal(c.perDay, true);
  assert.equal(c.running, false);
  const since = only(
    article(
      'b',
      'Since the invasion began, 600 civilians have been killed in the Donetsk region.',
      '600 civilians',
      'civilians',
    ),
  );
  assert.equal(since.running, true);
});

test('a provisional toll is a floor; a dateline hour is kept as the report time', () => {
  const c = only(
    article(
      'a',
      '09.07.22 21:32 - Shelling: According to preliminary data, two people were killed in Zaporizhzhia.',
      'two people',
      'people',
    ),
  );
  assert.equal(c.qualifier, 'at least');
  assert.equal(c.reportedAt, '2022-07-09T21:32');
  const plain = only(
    article('b', 'Two people were killed in Zaporizhzhia.', 'Two people', 'people'),
  );
  assert.equal(plain.qualifier, 'exact');
  assert.equal(plain.reportedAt, undefined);
});

test("a count for the past day is the day before's, unless reported at noon or later", () => {
  const morning = only(
    article(
      'm',
      '09.07.22 08:14 - In Donetsk region last day, 5 civilians were killed.',
      '5 civilians',
      'civilians',
    ),
  );
  assert.equal(morning.asOf, '2022-07-08');
  assert.ok(morning.perDay);
  assert.ok(morning.reasons.some((r) => r.includes('the day before the report')));
  const yesterday = only(
    article('y', 'Yesterday, Russian troops killed 5 civilians.', '5 civilians', 'civilians'),
  );
  assert.equal(yesterday.asOf, '2022-07-08');
  const afternoon = only(
    article(
      'p',
      '09.07.22 16:40 - Over the past day, 5 civilians were killed.',
      '5 civilians',
      'civilians',
    ),
  );
  assert.equal(afternoon.asOf, '2022-07-09');
  const undated = only(
    article(
      'u',
      'Russian troops killed 4 civilians over the past day.',
      '4 civilians',
      'civilians',
    ),
  );
  assert.equal(undated.asOf, '2022-07-08');
});
