import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repairPunctuationSpacing } from './punctuation-spacing.js';

const fix = (s: string): string => repairPunctuationSpacing(s).text;

describe('repairPunctuationSpacing', () => {
  test('closes gaps before commas and full stops', () => {
    assert.equal(fix('NATO Investing More , in Europe'), 'NATO Investing More, in Europe');
    assert.equal(fix('dependence on the U.S. .'), 'dependence on the U.S.');
    assert.equal(fix('the end of it .'), 'the end of it.');
    assert.equal(fix('really ? yes !'), 'really? yes!');
  });

  test('restores the space after a closing quote glued to the next word', () => {
    assert.equal(fix('“He wanted less NATO”he added.'), '“He wanted less NATO” he added.');
  });

  test('leaves correct text, decimals and ellipses alone', () => {
    for (const s of [
      'Rates rose to .5 percent, he said.',
      'Wait ... what?',
      'Note: a, b and c.',
      'Read more (here).',
    ]) {
      assert.equal(fix(s), s);
      assert.equal(repairPunctuationSpacing(s).changed, false);
    }
  });
});
