import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classNounCue } from './class-noun-cue.js';

const cue = (text: string, end: number) => classNounCue(text.split(' '), end);

describe('classNounCue', () => {
  test('"is a <kind>" and ", a <kind>" type the name before them', () => {
    assert.equal(cue('Atwick is a village and civil parish', 1), 'GPE');
    assert.equal(cue('Linkin Park is an American rock band from California', 2), 'ORG');
    assert.equal(cue('Avdiivka , a town in Donetsk', 1), 'GPE');
    assert.equal(cue('Sukiyaki is a song by Kyu Sakamoto', 1), 'MISC');
    assert.equal(cue('Putin was a KGB officer', 1), 'PERSON');
  });

  test('the head of the noun phrase decides, and offices need "is"', () => {
    assert.equal(cue('Hamas is a militia leader', 1), 'PERSON');
    assert.equal(cue('In Washington , a State Department spokesman said', 2), undefined);
    assert.equal(cue('Japan is a member of the group', 1), undefined);
    assert.equal(cue('Paris said', 1), undefined);
  });
});
