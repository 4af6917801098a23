import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFigures } from './find-figures.js';
import { parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  test('digits, separators, scales and words', () => {
    assert.equal(parseNumber('1,860'), 1860);
    assert.equal(parseNumber('162.5 billion'), 162.5e9);
    assert.equal(parseNumber('150-billion'), 150e9);
    assert.equal(parseNumber('three thousand'), 3000);
    assert.equal(parseNumber('a thousand'), 1000);
    assert.equal(parseNumber('twenty-five'), 25);
    assert.equal(parseNumber('a'), undefined);
  });

  test('fractions of a scale: "half a million", "a quarter of a million", "two and a half billion"', () => {
    assert.equal(parseNumber('half a million'), 500_000);
    assert.equal(parseNumber('a quarter of a million'), 250_000);
    assert.equal(parseNumber('three quarters of a billion'), 750e6);
    assert.equal(parseNumber('two and a half billion'), 2.5e9);
    assert.equal(parseNumber('half'), undefined);
  });

  test('"two dozen" is 24 and "a dozen" 12, not 14 and 13', () => {
    assert.equal(parseNumber('two dozen'), 24);
    assert.equal(parseNumber('a dozen'), 12);
    assert.equal(parseNumber('dozen'), undefined);
  });
});

describe('findFigures', () => {
  test('a paired amount in two currencies is one figure with both', () => {
    const text = 'It approved a 90-billion-euro ($97.2 billion) aid package for Kyiv.';
    const [f, ...rest] = findFigures(text);
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.equal(f.kind, 'money');
    assert.equal(text.slice(f.start, f.end), '90-billion-euro ($97.2 billion)');
    assert.deepEqual(
      f.normalized.amounts.map((a) => [a.value, a.unit]),
      [
        [90e9, 'EUR'],
        [97.2e9, 'USD'],
      ],
    );
    assert.equal(f.subject, 'aid package');
  });

  test('counts keep their unit noun and qualifier', () => {
    const figures = findFigures(
      'Berlin will send up to 4,000 troops and three additional naval frigates, joined by at least 31 countries.',
    );
    assert.deepEqual(
      figures.map((f) => [f.kind, f.value, f.unit, f.normalized.qualifier ?? null]),
      [
        ['count', 4000, 'troops', 'up to'],
        ['count', 3, 'frigates', null],
        ['count', 31, 'countries', 'at least'],
      ],
    );
  });

  test('distances with a conversion, percentages and multipliers', () => {
    const text =
      'The missile flies two thousand kilometers (1,240 miles). Spending rose 12 percent, doubling the budget, and orders may grow by one-third.';
    const figures = findFigures(text);
    const [distance, percent, doubling, third] = figures;
    assert.equal(distance?.kind, 'distance');
    assert.equal(distance?.normalized.km, 2000);
    assert.deepEqual(
      distance?.normalized.amounts.map((a) => a.unit),
      ['km', 'mi'],
    );
    assert.equal(percent?.kind, 'percent');
    assert.equal(percent?.normalized.ratio, 0.12);
    assert.equal(doubling?.normalized.factor, 2);
    assert.equal(doubling?.subject, 'budget');
    assert.equal(third?.unit, 'fraction');
    assert.ok(Math.abs((third?.value ?? 0) - 1 / 3) < 1e-9);
  });

  const brief = (text: string): (string | number | null)[][] =>
    findFigures(text).map((f) => [
      f.text,
      f.kind,
      f.unit,
      ...f.normalized.amounts.map((a) => a.value),
      f.normalized.qualifier ?? null,
    ]);

  test('money: symbols mid-sentence, glued scales, words after the number, paired values', () => {
    assert.deepEqual(brief('Berlin pledged €4 billion ($4.35 billion) on Tuesday.'), [
      ['€4 billion ($4.35 billion)', 'money', 'EUR', 4e9, 4.35e9, null],
    ]);
    assert.deepEqual(brief('Biden: US to announce $800M in security assistance'), [
      ['$800M', 'money', 'USD', 800e6, null],
    ]);
    assert.deepEqual(
      brief('Poland has provided over 7 billion zlotys (more than $1.6 billion) in weapons'),
      [['over 7 billion zlotys (more than $1.6 billion)', 'money', 'PLN', 7e9, 1.6e9, 'over']],
    );
    assert.deepEqual(brief('valued at EUR 92 million, and a £2.3bn order'), [
      ['EUR 92 million', 'money', 'EUR', 92e6, null],
      ['£2.3bn', 'money', 'GBP', 2.3e9, null],
    ]);
  });

  test('money in wire style: "mln dlr", hyphenated, and broken across a line', () => {
    assert.deepEqual(brief('awarded a 120.3\nmln dlr Navy contract and a 4.9-mln-dlr Army one'), [
      ['120.3\nmln dlr', 'money', 'USD', 120.3e6, null],
      ['4.9-mln-dlr', 'money', 'USD', 4.9e6, null],
    ]);
    assert.deepEqual(
      brief('which could bring the total contract through fiscal 1989 to 750 mln\ndlrs.'),
      [['750 mln\ndlrs', 'money', 'USD', 750e6, null]],
    );
  });

  test('wire style: sterling, ringgit, "pct", a bare "mln", a partitive count', () => {
    assert.deepEqual(
      brief('a 400 mln stg order, a 1.3 mln ringgit contract and 30 pct of production'),
      [
        ['400 mln stg', 'money', 'GBP', 400e6, null],
        ['1.3 mln ringgit', 'money', 'MYR', 1.3e6, null],
        ['30 pct', 'percent', '%', 30, null],
      ],
    );
    assert.deepEqual(brief('it was awarded a 37.5 mln Navy contract')[0]?.[3], 37.5e6);
    assert.deepEqual(
      brief('The Air Force is expected to order 750 of the advanced fighter planes'),
      [['750 of the advanced fighter planes', 'count', 'planes', 750, null]],
    );
  });

  test('counts: words, dozens, names between number and noun, ranges, elided second numbers', () => {
    assert.deepEqual(brief('two dozen people were killed'), [
      ['two dozen people', 'count', 'people', 24, null],
    ]);
    assert.deepEqual(
      brief('Norway has transferred 14 Iveco LAV III armored vehicles to Ukraine.'),
      [['14 Iveco LAV III armored vehicles', 'count', 'vehicles', 14, null]],
    );
    assert.deepEqual(brief('Thirteen Russia ships are on alert, with up to 36 missiles.'), [
      ['Thirteen Russia ships', 'count', 'ships', 13, null],
      ['up to 36 missiles', 'count', 'missiles', 36, 'up to'],
    ]);
    assert.deepEqual(brief('between 20-30 tanks'), [
      ['20-30 tanks', 'count', 'tanks', 20, 30, 'range'],
    ]);
    assert.deepEqual(brief('from four battle groups to eight.'), [
      ['four battle groups', 'count', 'battle groups', 4, 8, null],
    ]);
  });

  test('numbers inside names and years are not counts; large bare numbers are', () => {
    assert.deepEqual(brief('Iranian Shahed-136 drones and T-72 tanks'), []);
    assert.deepEqual(brief('In 2022 Russian forces advanced.'), []);
    assert.deepEqual(brief('increasing the 80,000 previously in Europe'), [
      ['80,000', 'count', '', 80000, null],
    ]);
  });

  test('"from 72 to 56" is one change with both numbers', () => {
    assert.deepEqual(brief('reduced the volley of cruise missiles from 72 to 56.'), [
      ['from 72 to 56', 'count', '', 72, 56, 'change'],
    ]);
  });

  test('percent ranges and qualifiers', () => {
    assert.deepEqual(brief('spending of 10-15% of GDP, at least 2 percent'), [
      ['10-15%', 'percent', '%', 10, 15, 'range'],
      ['at least 2 percent', 'percent', '%', 2, 'at least'],
    ]);
  });
});

test('findFigures keeps non-overlapping figures in linear time (fuzz: 200 KB of "7%7%..." took 74 s)', () => {
  const text = `4.7${'%7'.repeat(100_000)}`;
  const started = Date.now();
  const figures = findFigures(text);
  // 0.7 s on a quiet machine; the quadratic version took 25 s there (74 s under load).
  assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  assert.ok(figures.length > 1000);
  for (let i = 1; i < figures.length; i++)
    assert.ok((figures[i - 1]?.end ?? 0) <= (figures[i]?.start ?? 0), 'figures never overlap');
});

describe('findFigures: forms found missing on real text (eval/gold/claims-forms.txt)', () => {
  const brief = (text: string): (string | number | null)[][] =>
    findFigures(text).map((f) => [
      f.text,
      f.kind,
      f.unit,
      ...f.normalized.amounts.map((a) => a.value),
      f.normalized.qualifier ?? null,
    ]);

  test('fractions of a scale count their noun', () => {
    assert.deepEqual(brief('as at least half a million refugees flee'), [
      ['at least half a million refugees', 'count', 'refugees', 500_000, 'at least'],
    ]);
    assert.deepEqual(brief('losses exceed two and a half billion hryvnias'), [
      ['two and a half billion hryvnias', 'money', 'UAH', 2.5e9, null],
    ]);
  });

  test('money: other dollars, a space after the symbol, a list of paired values, crowns by country', () => {
    assert.deepEqual(brief('a hostile 7.4bn Australian dollar ($5.8bn; £3bn) bid'), [
      ['7.4bn Australian dollar ($5.8bn; £3bn)', 'money', 'AUD', 7.4e9, 5.8e9, null],
    ]);
    assert.deepEqual(brief('against A$6.35 a share and C$2m'), [
      ['A$6.35', 'money', 'AUD', 6.35, null],
      ['C$2m', 'money', 'CAD', 2e6, null],
    ]);
    assert.deepEqual(brief('the EU is providing another € 205 million'), [
      ['€ 205 million', 'money', 'EUR', 205e6, null],
    ]);
    assert.deepEqual(brief('Norway will allocate 400 million crowns ($43.7 million) to'), [
      ['400 million crowns ($43.7 million)', 'money', 'NOK', 400e6, 43.7e6, null],
    ]);
    // No country named: a crown is no currency we can tell.
    assert.equal(brief('it cost 400 million crowns')[0]?.[1], 'count');
  });

  test('money ranges: the scale and currency written once or twice', () => {
    assert.deepEqual(brief('deposited two to three mln dlrs in'), [
      ['two to three mln dlrs', 'money', 'USD', 2e6, 3e6, 'range'],
    ]);
    assert.deepEqual(brief('shares at A$7.17 to A$8.24'), [
      ['A$7.17 to A$8.24', 'money', 'AUD', 7.17, 8.24, 'range'],
    ]);
    assert.deepEqual(brief('it costs $10-15 million'), [
      ['$10-15 million', 'money', 'USD', 10e6, 15e6, 'range'],
    ]);
    assert.deepEqual(brief('between €10bn and €15bn for'), [
      ['between €10bn and €15bn', 'money', 'EUR', 10e9, 15e9, 'range'],
    ]);
    // A change and a year are not ranges.
    assert.deepEqual(
      brief('rose from $5bn to $10bn').map((f) => f[0]),
      ['$5bn', '$10bn'],
    );
    assert.deepEqual(
      brief('through fiscal 1989 to 750 mln dlrs').map((f) => f[0]),
      ['750 mln dlrs'],
    );
  });

  test('victim counts without their noun, and the level a toll rose to', () => {
    assert.deepEqual(
      brief('176 children have died and 324 have been injured; 3 were killed in Izium'),
      [
        ['176 children', 'count', 'children', 176, null],
        ['324', 'count', 'children', 324, null],
        ['3', 'count', 'people', 3, null],
      ],
    );
    assert.deepEqual(brief('The death toll in the strike on the mall has risen to 18.'), [
      ['18', 'count', 'people', 18, null],
    ]);
    assert.deepEqual(
      brief('The number of people killed in Chasiv Yar, Donetsk region, has increased to 24.'),
      [['24', 'count', 'people', 24, null]],
    );
    assert.deepEqual(brief('the number of attacks rose to 12 in May'), [
      ['12', 'count', 'attacks', 12, null],
    ]);
  });
});
