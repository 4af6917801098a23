import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predicateNear } from './claim-predicate.js';

const at = (sentence: string, figure: string): string | undefined => {
  const start = sentence.indexOf(figure);
  return predicateNear(sentence, start, start + figure.length);
};

test('a cue right after the figure is its own, not the one before it', () => {
  const s = 'OHCHR has recorded 4,577 civilian casualties: 1,964 killed and 2,613 injured.';
  assert.equal(at(s, '1,964'), 'killed');
  assert.equal(at(s, '2,613'), 'wounded');
  assert.equal(at('Three people were killed and 12 were injured in the attack.', '12'), 'wounded');
});

test('an "including ..." aside between a count and its verb is skipped', () => {
  assert.equal(
    at(
      'Eighty-seven people, including 10 children, were injured in the night attack.',
      'Eighty-seven people',
    ),
    'wounded',
  );
  assert.equal(
    at('Thirteen people, including children, were killed overnight.', 'Thirteen people'),
    'killed',
  );
});

test('a cue before the figure still governs when nothing follows it', () => {
  assert.equal(
    at('Russian troops killed three civilians in Donetsk region.', 'three civilians'),
    'killed',
  );
  assert.equal(
    at('The Russians attacked, killing three people and injuring eight others.', 'eight others'),
    'wounded',
  );
});
