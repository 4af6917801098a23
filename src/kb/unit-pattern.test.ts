import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findUnitMentions, withoutPrefix } from './unit-pattern.js';

const units = (text: string) => findUnitMentions(text).map((m) => [m.text, m.key]);

describe('findUnitMentions', () => {
  test('numbered formations with a country prefix', () => {
    assert.deepEqual(units('a permanent headquarters for the US 5th Army Corps in Poland'), [
      ['US 5th Army Corps', 'us-5th-army-corps'],
    ]);
    const m = findUnitMentions('the U.S. 101st Airborne Division')[0];
    assert.ok(m);
    assert.equal(withoutPrefix(m), '101st Airborne Division');
  });

  test('roman numerals, spelled ordinals and bare numbers with a qualifier', () => {
    assert.deepEqual(units('V Corps and XVIII Airborne Corps'), [
      ['V Corps', 'v-corps'],
      ['XVIII Airborne Corps', 'xviii-airborne-corps'],
    ]);
    assert.deepEqual(units('the Third Assault Brigade'), [
      ['Third Assault Brigade', '3rd-assault-brigade'],
    ]);
    assert.deepEqual(units('16 Air Assault Brigade'), [
      ['16 Air Assault Brigade', '16-air-assault-brigade'],
    ]);
    assert.deepEqual(units('the 47th Mechanised Brigade'), [
      ['47th Mechanised Brigade', '47th-mechanized-brigade'],
    ]);
  });

  test('numbers that are not formations are left alone', () => {
    assert.deepEqual(units('In 2022, 25 countries sent 300,000 troops; I Went'), []);
  });
});

describe('findUnitMentions: football is not war', () => {
  test('spelled ordinals need a qualifier unless the echelon is a corps, army or fleet', () => {
    assert.deepEqual(units('promoted to the First Division'), []);
    assert.deepEqual(units('the Sixth Fleet and the First Cavalry Division'), [
      ['Sixth Fleet', '6th-fleet'],
      ['First Cavalry Division', '1st-cavalry-division'],
    ]);
  });
});
