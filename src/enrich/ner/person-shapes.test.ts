import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { initialledPersons, splitScorecardNames } from './person-shapes.js';

test("a scorecard's fielder and bowler marks split the names around them", () => {
  const a = w('N. Hussain c Ijaz Ahmed b Saqlain Mushtaq 12');
  assert.deepEqual(show(a, splitScorecardNames(a, [at(0, 2, 'PERSON'), at(3, 8, 'PERSON')])), [
    'PERSON:N. Hussain',
    'PERSON:Ijaz Ahmed',
    'PERSON:Saqlain Mushtaq',
  ]);
  const b = w('the Bank of England said');
  assert.deepEqual(show(b, splitScorecardNames(b, [at(1, 4, 'ORG')])), ['ORG:Bank of England']);
});

test('an initial and a surname typed as a place is a person, unless it is a known place', () => {
  const a = w('G. Thorpe run out 4 , N. Ireland beat Wales');
  const known = (s: number, e: number) => a.slice(s, e).join(' ') === 'N. Ireland';
  assert.deepEqual(
    show(a, initialledPersons(a, [at(0, 2, 'GPE'), at(6, 8, 'GPE'), at(9, 10, 'GPE')], known)),
    ['PERSON:G. Thorpe', 'GPE:N. Ireland', 'GPE:Wales'],
  );
});
