import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  datelineSpans,
  isTicker,
  resultsLineSpans,
  sportLabelLength,
  trimTrailingFigure,
} from './wire-lines.js';

const w = (s: string): string[] => s.split(' ');
const show = (words: string[], spans: { start: number; end: number; type: string }[] | undefined) =>
  spans?.map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);

test('datelines: the names before the date are places', () => {
  const a = w('SALVADOR , Feb 26');
  assert.deepEqual(show(a, datelineSpans(a)), ['GPE:SALVADOR']);
  const b = w('SOUTH ST . PAUL , MINN . , March 31');
  assert.deepEqual(show(b, datelineSpans(b)), ['GPE:SOUTH ST . PAUL', 'GPE:MINN']);
  const c = w('LONDON 1996-08-30');
  assert.deepEqual(show(c, datelineSpans(c)), ['GPE:LONDON']);
});

test('datelines: a headline in capitals that ends in a date is not one', () => {
  const common = new Set(['talks', 'end']);
  assert.equal(
    datelineSpans(w('TALKS END MARCH 2'), (x) => common.has(x)),
    undefined,
  );
});

test('datelines: sentences that end in a date are not datelines', () => {
  for (const s of [
    'The talks ended on March 2',
    'Oper shr 99 cts',
    'Payable April 15',
    'London , March 30 x',
  ]) {
    assert.equal(datelineSpans(w(s)), undefined, s);
  }
});

test('results lines: teams are organisations, national teams places', () => {
  const none = () => false;
  const a = w('Bayern Munich 3 Werder Bremen 0');
  assert.deepEqual(show(a, resultsLineSpans(a, [], none)), [
    'ORG:Bayern Munich',
    'ORG:Werder Bremen',
  ]);
  const b = w('Japan 2 Syria 1');
  assert.deepEqual(show(b, resultsLineSpans(b, [], none)), ['GPE:Japan', 'GPE:Syria']);
  // A national side written as a country that is no country today is a place too.
  const england = w('England 2 Poland 1');
  assert.deepEqual(show(england, resultsLineSpans(england, [], none)), [
    'GPE:England',
    'GPE:Poland',
  ]);
  const c = w('1 . Feyenoord 5 4 1 0 11 4 13');
  assert.deepEqual(show(c, resultsLineSpans(c, [], none)), ['ORG:Feyenoord']);
  const d = w('NEW YORK 52 30 .634 -');
  assert.deepEqual(show(d, resultsLineSpans(d, [], none)), ['ORG:NEW YORK']);
  // Scorers in brackets keep the tagger's reading.
  const e = w('Feyenoord 2 ( Van Gastel 33 ) Ajax 1');
  const scorer = { start: 3, end: 5, type: 'PERSON' as const, ids: [], source: 'model' as const };
  assert.deepEqual(show(e, resultsLineSpans(e, [scorer], none)), [
    'ORG:Feyenoord',
    'PERSON:Van Gastel',
    'ORG:Ajax',
  ]);
});

test('results lines: players keep the tagger reading when isPerson agrees; prose is left alone', () => {
  const a = w('Colin Montgomerie 69 70 71');
  const person = { start: 0, end: 2, type: 'PERSON' as const, ids: [], source: 'model' as const };
  assert.deepEqual(
    show(
      a,
      resultsLineSpans(a, [person], () => true),
    ),
    ['PERSON:Colin Montgomerie'],
  );
  for (const s of [
    'Japan beat Syria 2-1 in the Asian Cup',
    'Oper net 9,515,000 vs 3,449,000',
    'Nikkei 225 20,123.45',
    'SOCCER - JAPAN 2 SYRIA 1',
    'March 20 April 21',
  ]) {
    assert.equal(
      resultsLineSpans(w(s), [], () => false),
      undefined,
      s,
    );
  }
});

test('a place or person does not end in a figure; an organisation may', () => {
  const words = w('Essex 345 and Channel 4');
  const at = (start: number, end: number, type: 'GPE' | 'ORG') =>
    trimTrailingFigure(words, { start, end, type, ids: [], source: 'model' as const });
  assert.equal(at(0, 2, 'GPE').end, 1);
  assert.equal(at(3, 5, 'ORG').end, 5);
  const headline = w('JAPAN FEBRUARY RESERVES');
  assert.equal(
    trimTrailingFigure(headline, { start: 0, end: 2, type: 'GPE', ids: [], source: 'model' }).end,
    1,
  );
});

test('a ticker in angle brackets is no name', () => {
  const words = w('FIRESTONE < FIR > TO CLOSE < Groupe Cantrex Inc >');
  assert.equal(isTicker(words, { start: 2, end: 3 }), true);
  assert.equal(isTicker(words, { start: 0, end: 1 }), false);
  assert.equal(isTicker(words, { start: 7, end: 10 }), false);
});

test("a sports desk's label before the dash is no name", () => {
  assert.equal(sportLabelLength('RUGBY UNION - WALES BEAT ITALY IN CARDIFF .'.split(' ')), 2);
  assert.equal(sportLabelLength('SOCCER - JAPAN GET LUCKY WIN .'.split(' ')), 1);
  assert.equal(sportLabelLength('NATIONAL UNION - MEMBERS VOTE .'.split(' ')), 0);
  assert.equal(sportLabelLength('Soccer - a report'.split(' ')), 0);
});

test('the places of a dateline are fixed: document consistency leaves them alone', () => {
  const spans = datelineSpans('NEW YORK 1996-08-22'.split(' ')) ?? [];
  assert.deepEqual(
    spans.map((s) => [s.start, s.end, s.type, s.fixed]),
    [[0, 2, 'GPE', true]],
  );
});
