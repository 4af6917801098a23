import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from './canonical-url.js';
import { foldText } from './text-folding.js';

test('canonical URL drops scheme, www., tracking parameters, fragment and trailing slash', () => {
  const expected = 'example.com/world/story-1?id=7&page=2';
  assert.equal(
    canonicalUrl('https://www.example.com/world/story-1/?utm_source=x&page=2&id=7#comments'),
    expected,
  );
  assert.equal(
    canonicalUrl('http://EXAMPLE.com:80/world/story-1?id=7&fbclid=abc&page=2'),
    expected,
  );
  assert.notEqual(canonicalUrl('https://example.com/world/story-2?id=7&page=2'), expected);
  assert.equal(canonicalUrl('mailto:desk@example.com'), undefined);
  assert.equal(canonicalUrl('not a url'), undefined);
});

test('text folding ignores case, spacing, quotes, apostrophes and punctuation, but not words', () => {
  assert.equal(
    foldText('“NATO’s  forces,” he said —  ‘today’.'),
    foldText('"Natos forces" he said: \'today\''),
  );
  assert.notEqual(foldText('NATO forces left'), foldText('NATO forces stayed'));
});
