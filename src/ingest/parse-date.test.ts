import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDate } from './parse-date.js';

describe('parseDate', () => {
  test('reads RFC 822 with named and numeric zones', () => {
    assert.equal(parseDate('Sun, 19 May 2002 15:21:36 GMT'), '2002-05-19T15:21:36.000Z');
    assert.equal(parseDate('Sun, 19 May 2002 15:21:36 EST'), '2002-05-19T20:21:36.000Z');
    assert.equal(parseDate('19 May 2002 15:21 +0200'), '2002-05-19T13:21:00.000Z');
    assert.equal(parseDate('Sun, 10 Dec 17 13:01:36 -0800'), '2017-12-10T21:01:36.000Z');
  });

  test('reads ISO 8601 variants and treats a missing zone as UTC', () => {
    assert.equal(parseDate('2003-12-13T18:30:02Z'), '2003-12-13T18:30:02.000Z');
    assert.equal(parseDate('2003-12-13T18:30:02.25+01:00'), '2003-12-13T17:30:02.000Z');
    assert.equal(parseDate('2003-12-13'), '2003-12-13T00:00:00.000Z');
    assert.equal(parseDate('2003-12-13 18:30'), '2003-12-13T18:30:00.000Z');
  });

  test('drops what it cannot read instead of guessing', () => {
    assert.equal(parseDate('yesterday'), undefined);
    assert.equal(parseDate('32 Foo 2002'), undefined);
    assert.equal(parseDate('2003-13-45T99:00:00Z'), undefined);
    assert.equal(parseDate(''), undefined);
    assert.equal(parseDate(undefined), undefined);
  });

  test('falls back to the platform parser only for strings with a plausible year', () => {
    assert.equal(parseDate('May 19, 2002 15:21:36'), '2002-05-19T15:21:36.000Z');
    assert.equal(parseDate('1'), undefined);
  });
});
