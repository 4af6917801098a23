import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimsOfArticle, dayPartOf } from './article-claims.js';
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

test('a part of the day the sentence states: "as of the morning of", "in the evening of", "as of 10:00"', () => {
  assert.equal(
    dayPartOf(
      'As of the morning of October 9, 12 people were killed and 49 injured in Zaporizhia.',
    ),
    'morning',
  );
  assert.equal(
    dayPartOf(
      'In the evening of April 16, 2022, Russian troops again shelled the city of Kharkiv.',
    ),
    'evening',
  );
  assert.equal(dayPartOf('As of 10:00, the toll stood at 14.'), 'morning');
  assert.equal(dayPartOf('As of 19:30, ten people were killed.'), 'evening');
  // An event, not a window; and no stated part at all.
  assert.equal(
    dayPartOf('Eighty-seven people were injured in the night attack on the city.'),
    undefined,
  );
  assert.equal(dayPartOf('Two people were killed in Zaporizhzhia.'), undefined);
  const c = only(
    article(
      'a',
      'As of the morning of July 9, 49 people were injured in Zaporizhzhia.',
      '49 people',
      'people',
    ),
  );
  assert.equal(c.dayPart, 'morning');
});

test("a killed or wounded count carries the article's killed and wounded in all", () => {
  const text = 'In Ukraine, 323 children were killed and 586 were injured.';
  const figure = (f: string, value: number) => {
    const start = text.indexOf(f);
    return { start, end: start + f.length, text: f, kind: 'count', value, unit: 'children' };
  };
  const claims = claimsOfArticle({
    ...article('a', text, '323 children', 'children'),
    document: ledgerDocumentSchema.parse({
      figures: [figure('323 children', 323), figure('586', 586)],
    }),
  });
  assert.deepEqual(
    claims.map((c) => [c.value, c.predicate, c.articleTotal]),
    [
      [323, 'killed', 909],
      [586, 'wounded', 909],
    ],
  );
});

test('the floor of a killed count covers the wounded count joined to it', () => {
  const text =
    'At least 25 people have been killed and about 50 wounded in a strike on Zaporizhzhia.';
  const figure = (f: string, value: number) => {
    const start = text.indexOf(f);
    return { start, end: start + f.length, text: f, kind: 'count', value, unit: 'people' };
  };
  const claims = claimsOfArticle({
    ...article('a', text, '25 people', 'people'),
    document: ledgerDocumentSchema.parse({
      figures: [figure('25 people', 25), figure('50', 50)],
    }),
  });
  assert.deepEqual(
    claims.map((c) => [c.value, c.predicate, c.qualifier]),
    [
      [25, 'killed', 'at least'],
      [50, 'wounded', 'at least'],
    ],
  );
  // Without a floor the wounded count keeps its own qualifier.
  const plain = 'Russian troops killed 3 people and injured 8 others in Donetsk.';
  const at = (f: string, value: number, unit: string) => {
    const start = plain.indexOf(f);
    return { start, end: start + f.length, text: f, kind: 'count', value, unit };
  };
  const exact = claimsOfArticle({
    ...article('b', plain, '3 people', 'people'),
    document: ledgerDocumentSchema.parse({
      figures: [at('3 people', 3, 'people'), at('8 others', 8, 'others')],
    }),
  });
  assert.deepEqual(
    exact.map((c) => c.qualifier),
    ['exact', 'exact'],
  );
});
