import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, show, w } from './fixtures/word-spans.js';
import { isFixtureWord, splitFixtureSpans } from './fixture-sides.js';
import { isMatchReport, retypeMatchReport } from './sports-context.js';

test('"v" between two capitalised words is a fixture; elsewhere it is not', () => {
  assert.equal(isFixtureWord(w('Leeds v Hull'), 1), true);
  assert.equal(isFixtureWord(w('Leeds vs. Hull tonight'), 1), true);
  assert.equal(isFixtureWord(w('grade v of the scale'), 1), false);
  assert.equal(isFixtureWord(w('Leeds v the rest'), 1), false);
  assert.equal(isMatchReport(w('Preview : Leeds v Hull')), true);
  assert.equal(isMatchReport(w('The troops left Leeds on Sunday')), false);
});

test('a span run across a fixture is its two sides, each keeping the type', () => {
  const words = w('Live : Leeds v Hull City v Stoke');
  assert.deepEqual(show(words, splitFixtureSpans(words, [at(2, 8, 'GPE')])), [
    'GPE:Leeds',
    'GPE:Hull City',
    'GPE:Stoke',
  ]);
  // A span that only touches the word is left as it is.
  assert.deepEqual(show(words, splitFixtureSpans(words, [at(2, 3, 'GPE')])), ['GPE:Leeds']);
});

test('in a fixture a town in a side slot is the club, a country the national side', () => {
  const words = w('Leeds v Hull and Scotland v Wales tonight');
  const spans = [at(0, 1, 'GPE'), at(2, 3, 'GPE'), at(4, 5, 'GPE'), at(6, 7, 'GPE')];
  const noPlace = () => false;
  assert.deepEqual(show(words, retypeMatchReport(words, spans, { isKnownPlace: noPlace })), [
    'ORG:Leeds',
    'ORG:Hull',
    'GPE:Scotland',
    'GPE:Wales',
  ]);
});
