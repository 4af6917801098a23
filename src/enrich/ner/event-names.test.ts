import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isEventName, retypeEvents } from './event-names.js';

const name = (s: string): string[] => s.split(' ');

describe('event names', () => {
  test('competitions are events', () => {
    for (const e of [
      'Champions League',
      'World Cup',
      'Monaco Grand Prix',
      'European Indoors',
      'US Open',
      'Commonwealth Games',
      'League Two',
      'Bundesliga',
    ]) {
      assert.equal(isEventName(name(e)), true, e);
    }
  });

  test('bodies and firms named with the same words are not', () => {
    for (const o of [
      'Arab League',
      'Premier League',
      'Rockstar Games',
      'Open University',
      'Cup',
      'Chelsea',
    ]) {
      assert.equal(isEventName(name(o)), false, o);
    }
  });

  test('a span over a competition is retyped EVENT, others are kept', () => {
    const words = name('Chelsea lost in the Champions League');
    const spans = retypeEvents(words, [
      { start: 0, end: 1, type: 'ORG', ids: [], source: 'model' },
      { start: 4, end: 6, type: 'ORG', ids: [], source: 'model' },
    ]);
    assert.deepEqual(
      spans.map((s) => s.type),
      ['ORG', 'EVENT'],
    );
  });
});
