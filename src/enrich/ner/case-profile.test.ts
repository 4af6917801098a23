import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CaseCounter,
  caseBucketOf,
  decodeCaseProfile,
  encodeCaseProfile,
  trueCase,
} from './case-profile.js';

const counter = new CaseCounter();
for (let i = 0; i < 3; i++) {
  counter.addLine('The team from Japan said it would win, and NATO agreed with Japan.');
  counter.addLine('Officials in Japan get a lucky win as NATO talks in Paris go on.');
}
// Sentence starts and lines in capitals say nothing about a word's usual case.
counter.addLine('Win or lose. Get going.');
counter.addLine('WIN AND GET LUCKY IN TOKYO');
const profile = counter.profile(2);

describe('case profile', () => {
  test('buckets words by how running text writes them', () => {
    assert.equal(profile.get('japan'), 'A');
    assert.equal(profile.get('nato'), 'U');
    assert.equal(profile.get('win'), 'L');
    assert.equal(profile.get('get'), 'L');
    assert.equal(profile.get('tokyo'), undefined);
    assert.equal(caseBucketOf(profile, 'Paris'), 'A');
    assert.equal(caseBucketOf(profile, 'Tokyo'), '?');
  });

  test('survives the model file round trip', () => {
    assert.deepEqual(
      [...decodeCaseProfile(encodeCaseProfile(profile))].sort(),
      [...profile].sort(),
    );
  });

  test('true-cases a headline in capitals', () => {
    assert.deepEqual(
      trueCase(['JAPAN', 'GET', 'LUCKY', 'WIN', ',', 'NATO', 'IN', 'TOKYO'], profile),
      ['Japan', 'get', 'lucky', 'win', ',', 'NATO', 'in', 'Tokyo'],
    );
  });
});
