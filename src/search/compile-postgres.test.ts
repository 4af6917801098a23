import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileForPostgres } from './compile-postgres.js';
import type { PostgresQuery } from './compile-postgres.js';
import { parseQuery } from './parse-query.js';
import { randomQueries } from './fixtures/random-queries.js';

const compile = (input: string): PostgresQuery => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileForPostgres(parsed.value);
};

describe('compileForPostgres', () => {
  const cases: [string, PostgresQuery][] = [
    ['', { filters: [] }],
    ['nato', { tsquery: "'nato'", filters: [] }],
    ['NATO Russia', { tsquery: "('nato' & 'russia')", filters: [] }],
    ['a OR b c', { tsquery: "('a' | ('b' & 'c'))", filters: [] }],
    ['"Air Defence" nat*', { tsquery: "(('air' <-> 'defence') & 'nat':*)", filters: [] }],
    ['"air def"*', { tsquery: "('air' <-> 'def':*)", filters: [] }],
    [
      'title:"air defence" title:x*',
      { tsquery: "(('air':A <-> 'defence':A) & 'x':*A)", filters: [] },
    ],
    ["don't", { tsquery: "('don' <-> 't')", filters: [] }],
    ['a b -c NOT d', { tsquery: "(('a' & 'b') & !('c' | 'd'))", filters: [] }],
    ['-nato', { filters: [{ kind: 'not', filter: { kind: 'text', query: "'nato'" } }] }],
    [
      '(nato OR lang:ru)',
      {
        filters: [
          {
            kind: 'or',
            filters: [
              { kind: 'text', query: "'nato'" },
              { kind: 'field', field: 'lang', value: 'ru' },
            ],
          },
        ],
      },
    ],
    [
      'x before:2025-04-01',
      { tsquery: "'x'", filters: [{ kind: 'date', bound: 'before', date: '2025-04-01' }] },
    ],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(compile(input), expected));
  }

  // Lexemes are quoted and never hold a quote or backslash (separators for the tokenizer); the
  // rest is our own operators, so nothing typed reaches tsquery syntax.
  const TSQUERY_LEXEME = /\s+|'[^'\\]+'(?::\*?A?)?|\(|\)|&|\||!|<->/uy;

  test('random queries compile to quoted lexemes and operators only', () => {
    let checked = 0;
    for (const input of randomQueries(3000, 11)) {
      const parsed = parseQuery(input);
      if (!parsed.ok) continue;
      const { tsquery } = compileForPostgres(parsed.value);
      if (tsquery === undefined) continue;
      checked++;
      TSQUERY_LEXEME.lastIndex = 0;
      while (TSQUERY_LEXEME.lastIndex < tsquery.length) {
        const at = TSQUERY_LEXEME.lastIndex;
        assert.ok(
          TSQUERY_LEXEME.exec(tsquery),
          `${JSON.stringify(input)} -> ${tsquery}: unexpected text at ${at}`,
        );
      }
    }
    assert.ok(checked > 1000, `only ${checked} checked`);
  });
});
