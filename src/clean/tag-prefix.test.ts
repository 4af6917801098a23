import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitTagPrefix } from './tag-prefix.js';

describe('splitTagPrefix', () => {
  test('splits a lower-case tag list glued to the first paragraph', () => {
    const split = splitTagPrefix(
      'us, ukraine, russia, germany - Recently, the US has expanded NATO.',
    );
    assert.deepEqual(split?.tags, ['us', 'ukraine', 'russia', 'germany']);
    assert.equal(split?.rest, 'Recently, the US has expanded NATO.');
  });

  test('leaves datelines and ordinary sentences alone', () => {
    assert.equal(splitTagPrefix('WASHINGTON (Reuters) - The Pentagon said on Monday.'), undefined);
    assert.equal(splitTagPrefix('Kyiv, Ukraine - Air raid sirens sounded.'), undefined);
    assert.equal(splitTagPrefix('apples, pears - and other fruit were on sale.'), undefined);
  });
});
