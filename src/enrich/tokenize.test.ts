import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSentences, tokenize } from './tokenize.js';

describe('tokenize', () => {
  test('keeps offsets, splits possessives, keeps abbreviations and hyphenated names whole', () => {
    const text = "Mr. Biden's F-35 jets cost $162.5 billion in the U.S. today.";
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => t.text),
      [
        'Mr.',
        'Biden',
        "'s",
        'F-35',
        'jets',
        'cost',
        '$',
        '162.5',
        'billion',
        'in',
        'the',
        'U.S.',
        'today',
        '.',
      ],
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });

  test('a closing quote glued to the speaker ("”Biden said") separates the two', () => {
    const tokens = tokenize('“We will respond”Biden said.');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['“', 'We', 'will', 'respond', '”', 'Biden', 'said', '.'],
    );
  });
});

describe('splitSentences', () => {
  test('splits on end punctuation before a capital and on line breaks, not after Mr.', () => {
    const text = 'Mr. Stoltenberg spoke. He left.\nA new paragraph starts here';
    const sentences = splitSentences(text, tokenize(text));
    assert.deepEqual(
      sentences.map((s) => text.slice(s.start, s.end)),
      ['Mr. Stoltenberg spoke.', 'He left.', 'A new paragraph starts here'],
    );
    assert.deepEqual(
      sentences.map((s) => s.paragraph),
      [0, 0, 1],
    );
  });

  test('a quote closing after the period stays with its sentence', () => {
    const text = '“He wanted less NATO.” Then he left.';
    const sentences = splitSentences(text, tokenize(text));
    assert.deepEqual(
      sentences.map((s) => text.slice(s.start, s.end)),
      ['“He wanted less NATO.”', 'Then he left.'],
    );
  });
});
