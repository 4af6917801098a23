import assert from 'node:assert/strict';
import { test } from 'node:test';
import { precedingNounCue } from './preceding-noun-cue.js';

const cue = (text: string, start: number) => precedingNounCue(text.split(' '), start);

test('an organisation noun right before a name makes it an organisation', () => {
  assert.equal(cue('clearing agencies Cedel and Euroclear', 2), 'ORG');
  assert.equal(cue('Premiership side Newcastle United', 2), 'ORG');
  assert.equal(cue('its unit Dana Credit Corp', 2), 'ORG');
});

test('offices, places and capitalised words before a name say nothing', () => {
  assert.equal(cue('finance minister Jaime Ongpin', 2), undefined);
  assert.equal(cue('the city Paris', 2), undefined);
  assert.equal(cue('The Group Hamas', 2), undefined);
  assert.equal(cue('Cedel said', 0), undefined);
});
