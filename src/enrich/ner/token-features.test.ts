import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildLexicon } from './lexicon.js';
import { contextFeatures } from './token-features.js';

const lexicon = buildLexicon({ firstNames: [], surnames: [], places: [] });
const ctx = {
  commonWords: new Set(['the', 'eastern', 'rubber', 'and', 'said', 'of']),
  lexicon,
  midSentenceRuns: true,
};
/** The run-length feature ("rl=3B") of each token, or '-' outside a run. */
const runs = (words: string[], context = ctx): string[] =>
  contextFeatures(words, context).map((f) => f?.find((x) => x.startsWith('rl=')) ?? '-');

describe('capitalised runs', () => {
  test('a capitalised common word opens a run inside a sentence, not at its start', () => {
    assert.deepEqual(runs(['Eastern', 'Utilities', 'said']), ['-', 'rl=1S', '-']);
    assert.deepEqual(runs(['Shares', 'in', 'Eastern', 'Utilities', 'rose']), [
      'rl=1S',
      '-',
      'rl=2B',
      'rl=2E',
      '-',
    ]);
  });

  test('models trained without the option keep runs to words that are not common', () => {
    const old = { ...ctx, midSentenceRuns: false };
    assert.deepEqual(runs(['Shares', 'in', 'Eastern', 'Utilities', 'rose'], old), [
      'rl=1S',
      '-',
      '-',
      'rl=1S',
      '-',
    ]);
  });

  test('nor after an opening quotation mark', () => {
    assert.deepEqual(runs(['he', 'said', ':', '"', 'The', 'end']), ['-', '-', '-', '-', '-', '-']);
  });

  test('a connector joins a capitalised common word to the run', () => {
    assert.deepEqual(runs(['by', 'Firestone', 'Tire', 'and', 'Rubber', 'Co']), [
      '-',
      'rl=4B',
      'rl=4I',
      'rl=4I',
      'rl=4I',
      'rl=4E',
    ]);
  });
});
