import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, show, w } from './fixtures/word-spans.js';
import { personsJoinedToPersons } from './coordinated-persons.js';

const placeIs =
  (words: string[], places: string[]) =>
  (start: number, end: number): boolean =>
    places.includes(words.slice(start, end).join(' '));

test('a one-word name joined by "and" to a one-word person is a person', () => {
  const words = w('The letter was signed by Amira and Tarek .');
  const spans = [at(5, 6, 'PERSON'), at(7, 8, 'GPE')];
  assert.deepEqual(show(words, personsJoinedToPersons(words, spans, placeIs(words, []))), [
    'PERSON:Amira',
    'PERSON:Tarek',
  ]);
  // Either side may be the one typed a place.
  const first = [at(5, 6, 'LOC'), at(7, 8, 'PERSON')];
  assert.deepEqual(show(words, personsJoinedToPersons(words, first, placeIs(words, []))), [
    'PERSON:Amira',
    'PERSON:Tarek',
  ]);
});

test('a known place, a longer name or another joining word keeps its type', () => {
  const words = w('Amira and Cairo , Amira or Tarek , Amira and New Tarek');
  const spans = [
    at(0, 1, 'PERSON'),
    at(2, 3, 'GPE'),
    at(4, 5, 'PERSON'),
    at(6, 7, 'GPE'),
    at(8, 9, 'PERSON'),
    at(10, 12, 'GPE'),
  ];
  assert.deepEqual(show(words, personsJoinedToPersons(words, spans, placeIs(words, ['Cairo']))), [
    'PERSON:Amira',
    'GPE:Cairo',
    'PERSON:Amira',
    'GPE:Tarek',
    'PERSON:Amira',
    'GPE:New Tarek',
  ]);
});
