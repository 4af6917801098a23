import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findDates } from './find-dates.js';

const resolved = (text: string, published?: string): [string, string | undefined][] =>
  findDates(text, published).map((d) => [d.text, d.value]);

describe('findDates', () => {
  test('relative expressions resolve against the publication date', () => {
    // 2022-06-28 is a Tuesday.
    assert.deepEqual(
      resolved('Leaders meet next week. On Tuesday he spoke. Last year was calm.', '2022-06-28'),
      [
        ['next week', '2022-07-04/2022-07-10'],
        ['On Tuesday', '2022-06-28'],
        ['Last year', '2021-01-01/2021-12-31'],
      ],
    );
  });

  test('a month or day without a year takes the nearest one, looking ahead when the sentence does', () => {
    assert.deepEqual(resolved('In February, troops massed.', '2022-06-28'), [
      ['In February', '2022-02-01/2022-02-28'],
    ]);
    assert.deepEqual(resolved('The summit will open on Wednesday (June 29).', '2022-06-28'), [
      ['on Wednesday', '2022-06-29'],
      ['June 29', '2022-06-29'],
    ]);
  });

  test('absolute dates need no publication date; relative ones say why they are unresolved', () => {
    const dates = findDates('by the end of 2025, and in the 1960s; next week too');
    assert.deepEqual(
      dates.map((d) => [d.text, d.value, d.basis]),
      [
        ['by the end of 2025', '2025-12-31', 'explicit (end of year)'],
        ['1960s', '1960-01-01/1969-12-31', 'explicit'],
        ['next week', undefined, 'unresolved: no publication date'],
      ],
    );
  });

  test('"may" as a verb is not a month', () => {
    assert.deepEqual(resolved('Allies may act soon.', '2022-06-28'), []);
  });
});
