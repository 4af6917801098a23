import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileForFts5 } from './compile-fts5.js';
import type { Fts5Query } from './compile-fts5.js';
import type { Filter } from './filter.js';
import { parseQuery } from './parse-query.js';
import { tokenTexts } from './tokenize.js';
import { randomQueries } from './fixtures/random-queries.js';

const compile = (input: string): Fts5Query => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileForFts5(parsed.value);
};

describe('compileForFts5', () => {
  const cases: [string, Fts5Query][] = [
    ['', { filters: [] }],
    ['nato', { match: '"nato"', filters: [] }],
    ['NATO Russia', { match: '("nato" AND "russia")', filters: [] }],
    ['a OR b c', { match: '("a" OR ("b" AND "c"))', filters: [] }],
    ['"Air Defence" nat*', { match: '("air defence" AND "nat"*)', filters: [] }],
    ['F-35 "air def"*', { match: '("f 35" AND "air def"*)', filters: [] }],
    ['title:"air defence" x', { match: '(title : "air defence" AND "x")', filters: [] }],
    ['a -b', { match: '("a" NOT "b")', filters: [] }],
    ['a b -c NOT d', { match: '(("a" AND "b") NOT ("c" OR "d"))', filters: [] }],
    ['a OR (b -c)', { match: '("a" OR ("b" NOT "c"))', filters: [] }],
    ['-nato', { filters: [{ kind: 'not', filter: { kind: 'text', query: '"nato"' } }] }],
    [
      '-a -(b OR c)',
      {
        filters: [
          { kind: 'not', filter: { kind: 'text', query: '"a"' } },
          { kind: 'not', filter: { kind: 'text', query: '("b" OR "c")' } },
        ],
      },
    ],
    [
      'nato source:BBC after:2025-01',
      {
        match: '"nato"',
        filters: [
          { kind: 'field', field: 'source', value: 'bbc' },
          { kind: 'date', bound: 'after', date: '2025-01-01' },
        ],
      },
    ],
    [
      '(nato OR source:tass)',
      {
        filters: [
          {
            kind: 'or',
            filters: [
              { kind: 'text', query: '"nato"' },
              { kind: 'field', field: 'source', value: 'tass' },
            ],
          },
        ],
      },
    ],
    [
      'a OR -b',
      {
        filters: [
          {
            kind: 'or',
            filters: [
              { kind: 'text', query: '"a"' },
              { kind: 'not', filter: { kind: 'text', query: '"b"' } },
            ],
          },
        ],
      },
    ],
    [
      'x (a -b lang:en) OR c',
      {
        filters: [
          {
            kind: 'or',
            filters: [
              { kind: 'text', query: '"c"' },
              {
                kind: 'and',
                filters: [
                  { kind: 'text', query: '(("x" AND "a") NOT "b")' },
                  { kind: 'field', field: 'lang', value: 'en' },
                ],
              },
            ],
          },
        ],
      },
    ],
    [
      '-source:bbc -"black sea"',
      {
        filters: [
          { kind: 'not', filter: { kind: 'text', query: '"black sea"' } },
          { kind: 'not', filter: { kind: 'field', field: 'source', value: 'bbc' } },
        ],
      },
    ],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.deepEqual(compile(input), expected));
  }

  // Everything the compiler emits must be one of these, so user text can never reach FTS5 syntax
  // (NEAR, column filters, ^, {cols}) except through a quoted string.
  const FTS5_LEXEME = /\s+|"(?:[^"]|"")*"\*?|\(|\)|\bAND\b|\bOR\b|\bNOT\b|title :/y;

  const assertSafe = (expression: string, input: string): void => {
    FTS5_LEXEME.lastIndex = 0;
    while (FTS5_LEXEME.lastIndex < expression.length) {
      const at = FTS5_LEXEME.lastIndex;
      const match = FTS5_LEXEME.exec(expression);
      assert.ok(match, `${JSON.stringify(input)} -> ${expression}: unexpected text at ${at}`);
      if (match[0].startsWith('"')) {
        const inner = match[0].replace(/\*$/, '').slice(1, -1).replaceAll('""', '"');
        // Quoted text must come back from FTS5's tokenizer unchanged: tokens, folded, space-separated.
        assert.equal(tokenTexts(inner).join(' '), inner, `${JSON.stringify(input)}: ${match[0]}`);
      }
    }
  };

  const textQueries = (filters: readonly Filter[]): string[] =>
    filters.flatMap((filter) => {
      switch (filter.kind) {
        case 'text':
          return [filter.query];
        case 'and':
        case 'or':
          return textQueries(filter.filters);
        case 'not':
          return textQueries([filter.filter]);
        default:
          return [];
      }
    });

  test('random queries compile to quoted FTS5 only', () => {
    let compiled = 0;
    for (const input of randomQueries(3000, 7)) {
      const parsed = parseQuery(input);
      if (!parsed.ok) continue;
      const { match, filters } = compileForFts5(parsed.value);
      for (const expression of [...(match === undefined ? [] : [match]), ...textQueries(filters)]) {
        assertSafe(expression, input);
        compiled++;
      }
    }
    assert.ok(compiled > 1000, `only ${compiled} expressions checked`);
  });
});
