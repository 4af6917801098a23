import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuery } from './describe-query.js';
import { parseQuery } from './parse-query.js';

const describe = (input: string): string => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return describeQuery(parsed.value);
};

test('echoes how a query was read', () => {
  assert.equal(describe(''), 'all articles');
  assert.equal(describe('nato'), '"nato"');
  assert.equal(
    describe('nato OR "air defence" -patriot'),
    '"nato" or (the phrase "air defence" and not "patriot")',
  );
  assert.equal(
    describe('title:nat* F-35'),
    'a word starting with "nat" in the title and the phrase "F-35"',
  );
  assert.equal(
    describe('source:BBC lang:en entity:Patriot type:weapon country:UA'),
    'source is "bbc" and language is "en" and mentions "patriot" and mentions an entity of type "weapon" and concerns country "ua"',
  );
  assert.equal(
    describe('after:2025-01 before:2025-04-01'),
    'published on or after 2025-01-01 and published before 2025-04-01',
  );
  assert.equal(describe('(a OR b) -(c d)'), '("a" or "b") and not ("c" and "d")');
});
