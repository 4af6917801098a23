import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenTexts, tokenize } from './tokenize.js';
import { randomQueries } from './fixtures/random-queries.js';

test('splits on anything but letters and digits, folds case and Latin diacritics', () => {
  assert.deepEqual(tokenTexts("F-35A U.S. don't 4.7% £150bn Ministère ŠIAULIAI"), [
    'f',
    '35a',
    'u',
    's',
    'don',
    't',
    '4',
    '7',
    '150bn',
    'ministere',
    'siauliai',
  ]);
});

test('keeps letters FTS5 does not fold: ø, ł, ß, Cyrillic й', () => {
  assert.deepEqual(tokenTexts('Søren Łódź Straße Військовий'), [
    'søren',
    'łodz',
    'straße',
    'військовий',
  ]);
});

test('drops combining accents inside a word instead of splitting it', () => {
  assert.deepEqual(tokenTexts('nai\u0308ve cafe\u0301 \u0301abc'), ['naive', 'cafe', 'abc']);
});

test('offsets point at the original characters, surrogate pairs included', () => {
  // FTS5's tables are Unicode 6.1: ☺ is a symbol there, but 🙂 (Unicode 7) counts as a letter.
  const text = '☺ Kyiv—Mykolaïv, 𝐀b 🙂';
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((token) => text.slice(token.start, token.end)),
    ['Kyiv', 'Mykolaïv', '𝐀b', '🙂'],
  );
  assert.deepEqual(
    tokens.map((token) => token.text),
    ['kyiv', 'mykolaiv', '𝐀b', '🙂'],
  );
});

test('folding is idempotent, so compiled queries survive being tokenized again by the index', () => {
  for (const input of randomQueries(2000, 3)) {
    const once = tokenTexts(input);
    assert.deepEqual(tokenTexts(once.join(' ')), once, JSON.stringify(input));
  }
});
