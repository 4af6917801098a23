import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPossessivePlaces } from './possessive-names.js';
import { repairSpans } from './span-repair.js';
import { splitCoordinated } from './name-kind-rules.js';

const PLACES = new Set(['sweden', 'slovenia', 'syria', 'iraq', 'bosnia and herzegovina']);
const ctxOf = (words: string[]) => ({
  words,
  isKnownPlace: (start: number, end: number) =>
    PLACES.has(words.slice(start, end).join(' ').toLowerCase()),
});
const text = (words: string[], spans: { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`);

test("a country's possessive is split off a run, and an unknown name after it is a person", () => {
  const words = "Sweden 's Carolina Kluft and Slovenia 's Jolanda Ceplak won".split(' ');
  const spans = splitPossessivePlaces(
    [
      { start: 0, end: 4, type: 'ORG' },
      { start: 5, end: 6, type: 'GPE' },
      { start: 7, end: 9, type: 'GPE' },
    ],
    ctxOf(words),
  );
  assert.deepEqual(text(words, spans), [
    'Sweden/GPE',
    'Carolina Kluft/PERSON',
    'Slovenia/GPE',
    'Jolanda Ceplak/PERSON',
  ]);
  // A keyword says what it is ("Sweden 's Foreign Ministry"), and a role noun makes a person.
  const w2 = "Sweden 's Foreign Ministry thanked Olympic champion Hicham Guerrouj".split(' ');
  assert.deepEqual(
    text(
      w2,
      splitPossessivePlaces(
        [
          { start: 2, end: 4, type: 'ORG' },
          { start: 7, end: 9, type: 'ORG' },
        ],
        ctxOf(w2),
      ),
    ),
    ['Foreign Ministry/ORG', 'Hicham Guerrouj/PERSON'],
  );
});

test('two known places joined by "and" are two names, a known pair stays one', () => {
  const words = 'in Syria and Iraq and Bosnia and Herzegovina'.split(' ');
  const isKnownPlace = ctxOf(words).isKnownPlace;
  const spans = splitCoordinated(
    words,
    [
      { start: 1, end: 4, type: 'GPE' },
      { start: 5, end: 8, type: 'GPE' },
    ],
    undefined,
    isKnownPlace,
  );
  assert.deepEqual(text(words, spans), ['Syria/GPE', 'Iraq/GPE', 'Bosnia and Herzegovina/GPE']);
});

test('repairs: Arabic particles, titles run into an organisation, a sentence-opening "A"', () => {
  const common = new Set(['al-qaida', 'a']);
  const w1 = 'Nouri al - Maliki met al-Qaida envoys'.split(' ');
  assert.deepEqual(
    text(
      w1,
      repairSpans(
        [
          { start: 0, end: 1, type: 'PERSON' },
          { start: 3, end: 4, type: 'PERSON' },
          { start: 5, end: 6, type: 'ORG' },
        ],
        { words: w1, commonWords: common },
      ),
    ),
    ['Nouri al - Maliki/PERSON', 'al-Qaida/ORG'],
  );
  const w2 = 'A NATO official met U.N. Secretary-General Kofi Annan'.split(' ');
  assert.deepEqual(
    text(
      w2,
      repairSpans(
        [
          { start: 0, end: 2, type: 'ORG' },
          { start: 4, end: 8, type: 'ORG' },
        ],
        { words: w2, commonWords: common },
      ),
    ),
    ['NATO/ORG', 'U.N./ORG', 'Kofi Annan/PERSON'],
  );
  const w3 = 'Christine Arron of France won'.split(' ');
  assert.deepEqual(
    text(
      w3,
      repairSpans(
        [
          { start: 0, end: 2, type: 'PERSON' },
          { start: 3, end: 4, type: 'GPE' },
        ],
        { words: w3, commonWords: common },
      ),
    ),
    ['Christine Arron/PERSON', 'France/GPE'],
  );
});

test('repairs: a title with "of" ends before the name; spans grown over one word keep it once', () => {
  const common = new Set(['state']);
  const w1 = 'Secretary of State Condoleezza Rice arrived'.split(' ');
  assert.deepEqual(
    text(
      w1,
      repairSpans([{ start: 0, end: 5, type: 'PERSON' }], { words: w1, commonWords: common }),
    ),
    ['Condoleezza Rice/PERSON'],
  );
  // The tagger's "U.S. Secretary of Defense" and "Carter" both grow over "Ash".
  const w2 = 'U.S. Secretary of Defense Ash Carter will host'.split(' ');
  assert.deepEqual(
    text(
      w2,
      repairSpans(
        [
          { start: 0, end: 4, type: 'ORG' },
          { start: 5, end: 6, type: 'PERSON' },
        ],
        { words: w2, commonWords: common },
      ),
    ),
    ['U.S./ORG', 'Ash Carter/PERSON'],
  );
});

test("a club's possessive before a given name and a surname is split off: the rest is a person", () => {
  const words = "Arsenal 's Patrick Vieira and Moody 's Investors Service said".split(' ');
  const given = new Set(['patrick']);
  const spans = splitPossessivePlaces(
    [
      { start: 0, end: 4, type: 'ORG' },
      { start: 5, end: 9, type: 'ORG' },
    ],
    { ...ctxOf(words), isGivenName: (w: string) => given.has(w.toLowerCase()) },
  );
  assert.deepEqual(text(words, spans), [
    'Arsenal/ORG',
    'Patrick Vieira/PERSON',
    "Moody 's Investors Service/ORG",
  ]);
});
