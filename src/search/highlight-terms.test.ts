import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHighlightTerms, findHighlightRanges } from './highlight-terms.js';
import { parseQuery } from './parse-query.js';

const terms = (input: string) => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return extractHighlightTerms(parsed.value);
};

test('takes the words a hit can contain, not excluded ones, once each', () => {
  assert.deepEqual(
    terms('nato "air defence" -patriot NOT (x OR drone*) NOT NOT kyiv title:nato source:bbc'),
    [
      { tokens: ['nato'], prefix: false },
      { tokens: ['air', 'defence'], prefix: false },
      { tokens: ['kyiv'], prefix: false },
    ],
  );
  assert.deepEqual(terms('F-35 nat*'), [
    { tokens: ['f', '35'], prefix: false },
    { tokens: ['nat'], prefix: true },
  ]);
  assert.deepEqual(terms(''), []);
});

test('finds phrases and prefixes in the original text, merging overlaps', () => {
  const text = 'NATO air defence: the Air-Defence of NATO’s allies. Ministère nationale';
  const ranges = findHighlightRanges(text, terms('"air defence" nat* ministere defence'));
  assert.deepEqual(
    ranges.map((range) => text.slice(range.start, range.end)),
    ['NATO', 'air defence', 'Air-Defence', 'NATO', 'Ministère', 'nationale'],
  );
  assert.deepEqual(findHighlightRanges(text, []), []);
});
