import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCaseProfile } from './case-profile.js';
import { documentCase, isCaselessLine, restoreCase } from './document-case.js';

const split = (s: string): string[] => s.split(' ');
const profile = decodeCaseProfile({
  A: ['corp'],
  L: ['computer', 'gets', 'court', 'order', 'futures', 'volumes'],
});

describe('document case', () => {
  test('a headline in capitals is caseless, a sentence is not', () => {
    assert.equal(isCaselessLine(split('FRANKLIN COMPUTER CORP GETS COURT ORDER')), true);
    assert.equal(isCaselessLine(split('Franklin Computer Corp said it won .')), false);
  });

  test("the body's name pairs capitalise words the profile lowers", () => {
    const doc = documentCase([
      split('FRANKLIN COMPUTER CORP GETS COURT ORDER'),
      split('A judge said Franklin Computer Corp may sell its computer .'),
    ]);
    assert.deepEqual(restoreCase(split('FRANKLIN COMPUTER CORP GETS COURT ORDER'), profile, doc), [
      'Franklin',
      'Computer',
      'Corp',
      'gets',
      'court',
      'order',
    ]);
  });

  test('a capital inside another name does not carry over', () => {
    const doc = documentCase([
      split('RECORD N.Z. FUTURES VOLUMES TRADED'),
      split('Trading on the New Zealand Futures Exchange rose .'),
    ]);
    assert.deepEqual(restoreCase(split('RECORD N.Z. FUTURES VOLUMES'), profile, doc).slice(2), [
      'futures',
      'volumes',
    ]);
  });

  test('a word the body writes only in lower case is lower case', () => {
    const doc = documentCase([split('Banks will mull the plan , a banker said .')]);
    assert.equal(restoreCase(split('BANKS TO MULL PHILIPPINE DEBT'), profile, doc)[2], 'mull');
    assert.equal(
      restoreCase(split('BANKS TO MULL PHILIPPINE DEBT'), profile, undefined)[2],
      'MULL',
    );
  });
  test('two match reports, one sentence in eight, make a sports report', () => {
    const report = [
      'Man City 0-2 Man Utd',
      'Manchester United reduced the lead after a scrappy victory over Manchester City .',
      'Rooney put United ahead , and City had their best chance when they trailed 1-0 .',
    ].map(split);
    assert.equal(documentCase(report).sports, true);
    assert.equal(documentCase(report.slice(1)).sports, false);
    // A long article with two results in it is no sports report.
    const filler = Array.from({ length: 20 }, () => split('The town has a cathedral .'));
    assert.equal(documentCase([...report, ...filler]).sports, false);
  });
});
