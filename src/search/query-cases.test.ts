import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAst } from './evaluate-ast.js';
import { parseQuery } from './parse-query.js';
import { QUERY_CASES } from './fixtures/query-cases.js';
import { QUERY_CORPUS } from './fixtures/query-corpus.js';

describe('query-language table on the reference evaluator', () => {
  test('has at least 40 cases over the fixed corpus', () => {
    assert.ok(QUERY_CASES.length >= 40);
    assert.equal(
      new Set(QUERY_CASES.map((c) => c.query)).size,
      QUERY_CASES.length,
      'queries are unique',
    );
  });

  for (const { query, expected, why } of QUERY_CASES) {
    test(`${JSON.stringify(query)}: ${why}`, () => {
      const parsed = parseQuery(query);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
      const hits = QUERY_CORPUS.filter((doc) => evaluateAst(parsed.value, doc)).map(
        (doc) => doc.id,
      );
      assert.deepEqual(hits.sort(), [...expected].sort());
    });
  }
});
