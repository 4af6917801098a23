import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { joinCompanyNames } from './company-names.js';

test('a legal form after a name ends that name, as a span or as bare words', () => {
  const a = w('to buy Supermarkets General Corp for cash');
  assert.deepEqual(show(a, joinCompanyNames(a, [at(2, 4, 'ORG'), at(4, 5, 'PERSON')])), [
    'ORG:Supermarkets General Corp',
  ]);
  assert.deepEqual(show(a, joinCompanyNames(a, [at(2, 4, 'PERSON')])), [
    'ORG:Supermarkets General Corp',
  ]);
});

test("'and' then a legal form, or one word and a legal form, is one firm", () => {
  const a = w('lead manager Baring Brothers and Co Ltd said');
  assert.deepEqual(show(a, joinCompanyNames(a, [at(2, 4, 'PERSON'), at(5, 7, 'ORG')])), [
    'ORG:Baring Brothers and Co Ltd',
  ]);
  assert.deepEqual(show(a, joinCompanyNames(a, [at(2, 4, 'PERSON')])), [
    'ORG:Baring Brothers and Co Ltd',
  ]);
  const b = w('Goodyear Tire and Rubber Co said');
  assert.deepEqual(show(b, joinCompanyNames(b, [at(0, 2, 'ORG'), at(3, 5, 'ORG')])), [
    'ORG:Goodyear Tire and Rubber Co',
  ]);
});

test('two companies each with its own legal form stay two', () => {
  const a = w('Dana Corp and Chrysler Corp agreed');
  assert.deepEqual(show(a, joinCompanyNames(a, [at(0, 2, 'ORG'), at(3, 5, 'ORG')])), [
    'ORG:Dana Corp',
    'ORG:Chrysler Corp',
  ]);
  const b = w('Ford Motor Co and General Motors Corp');
  assert.deepEqual(show(b, joinCompanyNames(b, [at(0, 3, 'ORG'), at(4, 7, 'ORG')])), [
    'ORG:Ford Motor Co',
    'ORG:General Motors Corp',
  ]);
  // "Procter and Gamble Co": the second name and its legal form make the first part a firm's.
  const c = w('Procter and Gamble Co');
  assert.deepEqual(show(c, joinCompanyNames(c, [at(0, 1, 'PERSON'), at(2, 3, 'PERSON')])), [
    'ORG:Procter and Gamble Co',
  ]);
  // A lower-case "co" is no legal form the rule trusts.
  const d = w('Norton co said');
  assert.deepEqual(show(d, joinCompanyNames(d, [at(0, 1, 'PERSON')])), ['PERSON:Norton']);
});
