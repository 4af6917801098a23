import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, show, w } from './fixtures/word-spans.js';
import { isMatchReport, retypeMatchReport, retypeNationalSides } from './sports-context.js';

test('a score or a match word makes a match report; a date range does not', () => {
  assert.equal(isMatchReport(w('Chelsea beat Bolton 2-1 on Sunday')), true);
  assert.equal(isMatchReport(w('the striker was injured')), true);
  assert.equal(isMatchReport(w('The talks take place on 5-6 March in Madrid')), false);
  assert.equal(isMatchReport(w('The troops left Bolton on Sunday')), false);
  assert.equal(isMatchReport(w('a 2-1 Uefa Cup win')), true);
  assert.equal(isMatchReport(w('at 2-0 they were dead and buried')), true);
  // Ranges and tallies are no scores.
  assert.equal(isMatchReport(w('missiles with a range of 10-15 km hit Kharkiv')), false);
  assert.equal(isMatchReport(w('Texas senators backed it in a 52-48 vote')), false);
  assert.equal(isMatchReport(w('men aged 18-25 , from Texas')), false);
});

test('in a match report a town is its club, a country its national side, a ground a place', () => {
  const words = w('England beat Nottingham Forest 2-1 at Ewood Park in Blackburn');
  const spans = [at(0, 1, 'ORG'), at(2, 4, 'GPE'), at(6, 8, 'ORG'), at(9, 10, 'GPE')];
  const noPlace = () => false;
  assert.deepEqual(show(words, retypeMatchReport(words, spans, { isKnownPlace: noPlace })), [
    'GPE:England',
    'ORG:Nottingham Forest',
    'FACILITY:Ewood Park',
    'GPE:Blackburn',
  ]);
});

test('outside match reports nothing changes', () => {
  const words = w('The troops left Bolton on Sunday');
  const spans = [at(3, 4, 'GPE')];
  assert.deepEqual(retypeMatchReport(words, spans, { isKnownPlace: () => true }), spans);
});

test('a club named word and town is no person, and "in X \'s defeat" is the club', () => {
  const words = w(
    "Liverpool beat Bayer Leverkusen 3-1 , a week after the goal in Liverpool 's 3-2 defeat",
  );
  const spans = [at(2, 4, 'PERSON'), at(12, 13, 'GPE')];
  const out = retypeMatchReport(words, spans, {
    isKnownPlace: (start, end) =>
      end - start === 1 && ['Leverkusen', 'Liverpool'].includes(words[start] ?? ''),
    isGivenName: () => false,
  });
  assert.deepEqual(show(words, out), ['ORG:Bayer Leverkusen', 'ORG:Liverpool']);
});

test('a national side is never a person, and a place before a team noun', () => {
  const given = (x: string): boolean => x === 'Jordan';
  const a = w('Wales hails new superstar');
  assert.deepEqual(show(a, retypeNationalSides(a, [at(0, 1, 'PERSON')], given)), ['GPE:Wales']);
  const b = w('the reaction from the England camp');
  assert.deepEqual(show(b, retypeNationalSides(b, [at(4, 5, 'ORG')], given)), ['GPE:England']);
  const c = w("England 's coach Andy Robinson");
  assert.deepEqual(show(c, retypeNationalSides(c, [at(0, 1, 'ORG')], given)), ['GPE:England']);
  // An acting country without a team noun keeps the tagger's reading, as does a given name.
  const d = w('England signed the treaty');
  assert.deepEqual(show(d, retypeNationalSides(d, [at(0, 1, 'ORG')], given)), ['ORG:England']);
  const e = w('Jordan scored twice');
  assert.deepEqual(show(e, retypeNationalSides(e, [at(0, 1, 'PERSON')], given)), ['PERSON:Jordan']);
});
