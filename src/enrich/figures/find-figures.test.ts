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
});
