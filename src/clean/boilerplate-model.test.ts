import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isBuiltInBoilerplate,
  isLearnedBoilerplate,
  isReaderAppeal,
  learnBoilerplate,
} from './boilerplate-model.js';

describe('learnBoilerplate', () => {
  const places = [
    'Kyiv',
    'Riga',
    'Oslo',
    'Warsaw',
    'Paris',
    'Rome',
    'Seoul',
    'Taipei',
    'Ankara',
    'Cairo',
  ];
  const docs = places.map((place, i) => [
    `Reporting from ${place} opens this article about what happened there this week.`,
    'A quote both articles carried: "We will not back down," the minister said.',
    i < 6 ? `The Korvex Times has covered defence since ${1990 + i}.` : 'Different closing line',
  ]);

  test('learns a footer that recurs across the source (years and spacing aside)', () => {
    const model = learnBoilerplate(docs);
    assert.equal(
      isLearnedBoilerplate(model, 'The Korvex Times has covered defence since 2024.'),
      true,
    );
    assert.equal(model.documents, 10);
  });

  test('does not learn lines found in too few documents', () => {
    const model = learnBoilerplate(docs, { minDocuments: 3, minShare: 0.5 });
    assert.equal(isLearnedBoilerplate(model, docs[0]![0]!), false);
    assert.equal(isLearnedBoilerplate(model, 'Different closing line'), false);
  });

  test('with no model nothing is learned boilerplate', () => {
    assert.equal(isLearnedBoilerplate(undefined, 'Leave a comment'), false);
  });
});

describe('built-in boilerplate', () => {
  test('matches whole furniture lines only', () => {
    for (const line of [
      'Leave a comment',
      'Related Posts:',
      'Subscribe to get the latest posts sent to your email.',
      'Discover more from Defence Talks | Defense News Hub',
    ]) {
      assert.equal(isBuiltInBoilerplate(line), true, line);
    }
    assert.equal(
      isBuiltInBoilerplate('Readers were invited to leave a comment on the proposal by Friday.'),
      false,
    );
  });

  test('reader appeals never include quoted speech', () => {
    assert.equal(
      isReaderAppeal('Thank you for taking the time to share it with your friends.'),
      true,
    );
    assert.equal(isReaderAppeal('"Thank you," the president told the troops.'), false);
  });
});
