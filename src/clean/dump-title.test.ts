import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inferTitle, looksLikeTitle } from './dump-title.js';

describe('dump titles', () => {
  test('headline-shaped first lines are titles; sentences are not', () => {
    assert.equal(looksLikeTitle('US Sees Opportunity in War: NATO Expands Its Reach'), true);
    assert.equal(looksLikeTitle('Rivals of the £400 Apple...'), true);
    assert.equal(looksLikeTitle('The talks ended without agreement on Tuesday.'), false);
  });

  test('an inferred title is the first sentence, cut at a word when long, and not fooled by U.S.', () => {
    assert.equal(
      inferTitle('Talks collapsed in Geneva. Both sides blamed the other.'),
      'Talks collapsed in Geneva',
    );
    const long = inferTitle(
      'As the U.S. election neared, troops from Estonia and Taiwan trained together at Fort Sill in Oklahoma on rocket systems.',
    );
    assert.ok(long.startsWith('As the U.S. election neared, troops'));
    assert.ok(long.endsWith('\u2026'));
    assert.ok(long.split(' ').length <= 14);
  });
});
