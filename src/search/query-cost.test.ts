import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQuery } from './parse-query.js';

const message = (query: string): string => {
  const parsed = parseQuery(query);
  assert.ok(!parsed.ok, `${query.slice(0, 40)}... should be refused`);
  return parsed.error.message;
};

describe('query cost bounds (checked before a query runs)', () => {
  test('the hostile queries of issue 16 are refused with a reason', () => {
    assert.match(message(Array(1300).fill('a*').join(' ')), /1300 words, phrases and prefixes/);
    assert.match(message(Array(550).fill('the').join(' OR ')), /550 words, phrases and prefixes/);
    assert.match(
      message(Array(20).fill('drone*').join(' ')),
      /20 prefix terms \(word\*\); at most 16/,
    );
    assert.match(message(Array(1000).fill('-a*').join(' ')), /at most/);
    assert.match(message('a* b* c*'), /prefixes of 2 letters or fewer/);
  });

  test('a wide OR of distinct names fits; one past the bound does not', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `ship${i}`).join(' OR ');
    assert.ok(parseQuery(names(100)).ok);
    assert.match(message(names(101)), /ORs 101 terms together; at most 100/);
  });

  test('ordinary queries are untouched', () => {
    for (const query of ['nato', 'drone* OR missile* after:2025', '"air defence" -patriot', ''])
      assert.ok(parseQuery(query).ok, query);
  });
});
