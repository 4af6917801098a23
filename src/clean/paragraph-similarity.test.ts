import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isNearRepeat, paragraphKey } from './paragraph-similarity.js';

describe('paragraph similarity', () => {
  test('case, spacing and punctuation do not make paragraphs different', () => {
    assert.equal(
      paragraphKey('NATO Investing More , in European Defense.'),
      paragraphKey('nato investing more in european defense'),
    );
  });

  test('one changed word in a long paragraph is a near repeat; different paragraphs are not', () => {
    const a = paragraphKey(
      'The minister said the troops would stay in the region until the end of the year at least.',
    );
    const b = paragraphKey(
      'The minister said the troops would stay in the region until the end of the year at the least.',
    );
    const c = paragraphKey(
      'The opposition said the troops should leave the region before the end of the summer.',
    );
    assert.equal(isNearRepeat(a, b), true);
    assert.equal(isNearRepeat(a, c), false);
  });

  test('short lines must repeat exactly', () => {
    assert.equal(
      isNearRepeat(paragraphKey('Talks resume Monday'), paragraphKey('Talks resume Tuesday')),
      false,
    );
  });
});
