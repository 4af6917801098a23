import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { extendCompanyNames } from './company-extent.js';

const make = (start: number, end: number) => at(start, end, 'PERSON');
const run = (words: string[], spans: ReturnType<typeof at>[], caseless = false) =>
  show(words, extendCompanyNames(words, spans, make, caseless));

test('a company name runs back from its legal form over the capitalised words', () => {
  const a = w('Packaging Systems Corp said it agreed to buy Walter-Richter Labels Inc , a maker');
  assert.deepEqual(run(a, [at(1, 3, 'ORG'), at(8, 9, 'PERSON')]), [
    'ORG:Packaging Systems Corp',
    'ORG:Walter-Richter Labels Inc',
  ]);
  const b = w('a pact with Hemdale Releasing Corp. to make films');
  assert.deepEqual(run(b, [at(3, 4, 'ORG')]), ['ORG:Hemdale Releasing Corp.']);
});

test('the run stops at sentence openers, days, "of" without a bank before it, and people', () => {
  const a = w('The Acme Widget Co said on Tuesday Dana Corp rose');
  assert.deepEqual(run(a, []), ['ORG:Acme Widget Co', 'ORG:Dana Corp']);
  const b = w('the chairman of Dana Corp and the Bank of Tokyo Ltd');
  assert.deepEqual(run(b, []), ['ORG:Dana Corp', 'ORG:Bank of Tokyo Ltd']);
  const c = w('photo : Lee Iacocca Chrysler Corp');
  assert.deepEqual(run(c, [at(2, 4, 'PERSON')]), ['PERSON:Lee Iacocca', 'ORG:Chrysler Corp']);
});

test('"and" joins one firm unless its first part is a name of its own', () => {
  const a = w('Firestone Tire and Rubber Co closed plants');
  assert.deepEqual(run(a, [at(0, 1, 'ORG'), at(3, 5, 'ORG')]), [
    'ORG:Firestone Tire and Rubber Co',
  ]);
  const b = w("said Standard and Poor 's Corp today");
  assert.deepEqual(run(b, [at(5, 6, 'ORG')]), ["ORG:Standard and Poor 's Corp"]);
  const c = w('IBM and Dana Corp agreed');
  assert.deepEqual(run(c, [at(0, 1, 'ORG'), at(2, 4, 'ORG')]), ['ORG:IBM', 'ORG:Dana Corp']);
  const d = w("Japan 's Mitsubishi Corp said");
  assert.deepEqual(run(d, [at(0, 1, 'GPE')]), ['GPE:Japan', 'ORG:Mitsubishi Corp']);
});

test('company head words end a name too ("Suburban Bancorp")', () => {
  const a = w('Suburban Bancorp said a court ruled');
  assert.deepEqual(run(a, [at(1, 2, 'PERSON')]), ['ORG:Suburban Bancorp']);
});

test('in a line of capitals the name must open the line or follow punctuation', () => {
  const a = w('WICKES COS INC < WIX > 4TH QTR LOSS');
  assert.deepEqual(run(a, [], true), ['ORG:WICKES COS INC']);
  const b = w('< FOUR SEASONS HOTELS INC > YEAR NET');
  assert.deepEqual(run(b, [], true), ['ORG:FOUR SEASONS HOTELS INC']);
  const c = w('FED SAYS DANA CORP OUTLOOK WEAK');
  assert.deepEqual(run(c, [], true), []);
});
