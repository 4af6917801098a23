import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { retypeUnlikelyPersons } from './unlikely-persons.js';

const GIVEN = new Set(['nick', 'james']);
const typesOf = (sentence: string, start: number, end: number): string => {
  const words = sentence.split(' ');
  const [s] = retypeUnlikelyPersons(
    words,
    [{ start, end, type: 'PERSON', ids: [], source: 'model' as const }],
    (w) => GIVEN.has(w.toLowerCase()),
  );
  return s?.type ?? '';
};

describe('unlikely persons', () => {
  test("a lone organisation keyword is the organisation ('Rovers did the double')", () => {
    assert.equal(typesOf('and Rovers did the double', 1, 2), 'ORG');
    assert.equal(typesOf('the Chinese Foreign Ministry said', 3, 4), 'PERSON');
  });

  test("a nationality noun after 'the' is no name; a surname after 'the' stays", () => {
    assert.equal(typesOf('The Scot initially defended Beattie', 1, 2), 'NORP');
    assert.equal(typesOf('to allow the Bulgarian to score', 3, 4), 'NORP');
    assert.equal(typesOf('the Reagan administration said', 1, 2), 'PERSON');
  });

  test('a waterway or ground head ends a place unless a given name opens it', () => {
    assert.equal(typesOf('The St Lawrence Seaway will open', 1, 4), 'LOC');
    assert.equal(typesOf("at St James ' Park", 1, 5), 'FACILITY');
    assert.equal(typesOf('director Nick Park said', 1, 3), 'PERSON');
  });
  test('a lone demonym is a nationality, unless it is a given name', () => {
    assert.equal(typesOf('But Welsh rugby fans remain', 1, 2), 'NORP');
    assert.equal(typesOf('the Filipino side', 1, 2), 'NORP');
    assert.equal(typesOf('Irvine Welsh wrote', 0, 2), 'PERSON');
    assert.equal(typesOf('James said', 0, 1), 'PERSON');
  });
});
