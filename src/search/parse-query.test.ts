import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_NESTING, MAX_QUERY_LENGTH, parseQuery } from './parse-query.js';
import type { QueryAst, QueryNode } from './query-ast.js';
import { randomQueries } from './fixtures/random-queries.js';

const parse = (input: string): QueryAst => {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`${input}: ${result.error.message}`);
  return result.value;
};

/** A compact form of the AST so expectations read like the query. */
const shape = (node: QueryAst | QueryNode): string => {
  switch (node.kind) {
    case 'all':
      return 'ALL';
    case 'text': {
      const body = node.tokens.join(' ');
      const core = `${node.tokens.length > 1 || node.quoted ? `"${body}"` : body}${node.prefix ? '*' : ''}`;
      return node.field ? `${node.field}:${core}` : core;
    }
    case 'field':
      return `${node.field}=${node.value}`;
    case 'date':
      return `${node.bound}=${node.date}`;
    case 'not':
      return `!${shape(node.child)}`;
    case 'and':
    case 'or':
      return `${node.kind}(${node.children.map(shape).join(', ')})`;
  }
};

describe('parseQuery', () => {
  const cases: [string, string][] = [
    ['', 'ALL'],
    ['   ', 'ALL'],
    ['nato', 'nato'],
    ['nato russia', 'and(nato, russia)'],
    ['nato AND russia', 'and(nato, russia)'],
    ['a OR b c', 'or(a, and(b, c))'],
    ['a b OR c', 'or(and(a, b), c)'],
    ['(a OR b) c', 'and(or(a, b), c)'],
    ['a OR b OR c', 'or(a, b, c)'],
    ['a (b (c d))', 'and(a, b, c, d)'],
    ['NOT a b', 'and(!a, b)'],
    ['-a -"b c"', 'and(!a, !"b c")'],
    ['-(a OR b)', '!or(a, b)'],
    ['a NOT NOT b', 'and(a, !!b)'],
    ['and or not', 'and(and, or, not)'],
    ['And Or', 'and(and, or)'],
    ['nat*', 'nat*'],
    ['"air def"*', '"air def"*'],
    ['F-35', '"f 35"'],
    ['U.S.', '"u s"'],
    ['Kyiv — Moscow', 'and(kyiv, moscow)'],
    ['Kyiv - Moscow', 'and(kyiv, moscow)'],
    ['--x', 'x'],
    ['Ministère', 'ministere'],
    ['title:nato', 'title:nato'],
    ['TITLE:"Air Defence"', 'title:"air defence"'],
    ['title:nat*', 'title:nat*'],
    ['source:"BBC  News"', 'source=bbc news'],
    ['-source:bbc', '!source=bbc'],
    [
      'lang:EN country:ua type:weapon entity:Patriot',
      'and(lang=en, country=ua, type=weapon, entity=patriot)',
    ],
    ['after:2025-01-01 before:2025-04-01', 'and(after=2025-01-01, before=2025-04-01)'],
    ['after:2025-02', 'after=2025-02-01'],
    ['before:2024', 'before=2024-01-01'],
    ['after:2024-02-29', 'after=2024-02-29'],
    ['10:30', '"10 30"'],
    ['"" nato', 'nato'],
    ['foo"bar baz"', 'and(foo, "bar baz")'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () =>
      assert.equal(shape(parse(input)), expected));
  }

  test('keeps positions and the text as written', () => {
    const ast = parse('nato  -"Air Defence" title:x');
    assert.equal(ast.kind, 'and');
    if (ast.kind !== 'and') return;
    const [word, not, title] = ast.children;
    assert.deepEqual(word, {
      kind: 'text',
      tokens: ['nato'],
      prefix: false,
      quoted: false,
      raw: 'nato',
      position: 0,
    });
    assert.equal(not?.kind === 'not' && not.position, 6);
    assert.equal(not?.kind === 'not' && not.child.kind === 'text' && not.child.raw, 'Air Defence');
    assert.equal(title?.kind === 'text' && title.position, 21);
  });

  const errors: [string, string, number][] = [
    ['nato "air defence', 'unclosed quote starting at 5', 5],
    ['a b c d NOT', 'expected a term after NOT at 8', 8],
    ['a AND', 'expected a term after AND at 2', 2],
    ['a OR OR b', 'expected a term after OR at 2', 2],
    ['AND a', 'expected a term before AND at 0', 0],
    ['a (OR b)', 'expected a term before OR at 3', 3],
    ['-&', 'expected a term after - at 0', 0],
    ['(a OR b', 'unclosed parenthesis starting at 0', 0],
    ['a) b', 'unmatched closing parenthesis at 1', 1],
    ['a ()', 'empty parentheses at 2', 2],
    ['title: nato', 'expected a word or "phrase" after title: at 0', 0],
    ['title:&', 'title: needs a word with letters or digits at 0', 0],
    ['source:""', 'expected a value after source: at 0', 0],
    ['source:bbc*', 'prefix * works only on words and title:, not on source: at 0', 0],
    [
      'x after:2025-13',
      "invalid date for after: at 2: '2025-13' has no month 13; write YYYY, YYYY-MM or YYYY-MM-DD",
      2,
    ],
    [
      'before:2025-02-29',
      "invalid date for before: at 0: '2025-02-29' has no day 29; write YYYY, YYYY-MM or YYYY-MM-DD",
      0,
    ],
    [
      'after:soon',
      "invalid date for after: at 0: 'soon' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
      0,
    ],
  ];
  for (const [input, message, position] of errors) {
    test(`error: ${JSON.stringify(input)}`, () =>
      assert.deepEqual(parseQuery(input), { ok: false, error: { message, position } }));
  }

  test('an unknown field names the known ones', () => {
    const result = parseQuery('foo:bar');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.position, 0);
    assert.match(
      result.error.message,
      /^unknown field 'foo' at 0; known fields: title, source, entity, type, country, lang, after, before/,
    );
  });

  test('refuses queries that are too long or too deep, without overflowing the stack', () => {
    const long = parseQuery('a '.repeat(MAX_QUERY_LENGTH));
    assert.equal(!long.ok && long.error.position, MAX_QUERY_LENGTH);
    const deep = parseQuery(`${'('.repeat(2000)}a${')'.repeat(2000)}`);
    assert.equal(
      !deep.ok && deep.error.message,
      `query nested more than ${MAX_NESTING} levels deep at ${MAX_NESTING}`,
    );
    const nots = parseQuery(`${'NOT '.repeat(1000)}a`);
    assert.equal(nots.ok, false);
    assert.equal(parseQuery(`${'('.repeat(MAX_NESTING)}a${')'.repeat(MAX_NESTING)}`).ok, true);
  });

  test('never throws, and every error points inside the query', () => {
    let errors = 0;
    for (const input of randomQueries(3000)) {
      const result = parseQuery(input);
      if (result.ok) continue;
      errors++;
      assert.ok(
        result.error.position >= 0 && result.error.position <= input.length,
        `${JSON.stringify(input)}: ${result.error.message}`,
      );
      assert.match(result.error.message, / at \d+/);
    }
    // The generator is meant to produce both outcomes; if it stops doing so the fuzzing is blind.
    assert.ok(errors > 300 && errors < 2700, `errors: ${errors}`);
  });
});
