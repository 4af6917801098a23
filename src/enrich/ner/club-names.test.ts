import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { retypeClubNames } from './club-names.js';

const PLACES = new Set(['Madrid', 'Dortmund', 'Mexico']);
const run = (words: string[], spans: ReturnType<typeof at>[], sports: boolean) =>
  show(
    words,
    retypeClubNames(
      words,
      spans,
      {
        isKnownPlace: (start, end) => end === start + 1 && PLACES.has(words[start] as string),
        sports,
      },
      (start, end) => at(start, end, 'PERSON'),
    ),
  );

test('a club word before a town is one club anywhere, before any name in sports only', () => {
  const a = w('his return to the Real Madrid starting line-up');
  assert.deepEqual(run(a, [at(4, 5, 'PERSON'), at(5, 6, 'GPE')], false), ['ORG:Real Madrid']);
  const b = w('Borussia Dortmund signed him');
  assert.deepEqual(run(b, [at(0, 2, 'GPE')], false), ['ORG:Borussia Dortmund']);
  const c = w('a 3-1 win over Real Betis on Wednesday');
  assert.deepEqual(run(c, [at(4, 5, 'PERSON')], true), ['ORG:Real Betis']);
  assert.deepEqual(run(c, [at(4, 5, 'PERSON')], false), ['PERSON:Real']);
  // Lower-case words after the club word are no club ("Real wages").
  const d = w('Real wages fell in Madrid');
  assert.deepEqual(run(d, [at(4, 5, 'GPE')], true), ['GPE:Madrid']);
});

test("in a sports report a club's last word makes a club, elsewhere a place stays", () => {
  const a = w('a scrappy victory over Manchester City');
  assert.deepEqual(run(a, [at(4, 6, 'GPE')], true), ['ORG:Manchester City']);
  const b = w('flights to Mexico City');
  assert.deepEqual(run(b, [at(2, 4, 'GPE')], false), ['GPE:Mexico City']);
});
