import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitDumpParagraphs } from './dump-paragraphs.js';

describe('splitDumpParagraphs', () => {
  test('one paragraph per line and blank-line blocks both work', () => {
    assert.deepEqual(splitDumpParagraphs('Title\nFirst para.\r\nSecond para.\n'), [
      'Title',
      'First para.',
      'Second para.',
    ]);
    assert.deepEqual(splitDumpParagraphs('Title\n\n  First   para. \n\n\nSecond para.'), [
      'Title',
      'First para.',
      'Second para.',
    ]);
  });

  test('hard-wrapped blocks are joined back', () => {
    const wrapped = [
      'The ministry said on Tuesday that the exercise would continue for',
      'another week despite objections from neighbouring countries that had',
      'asked for it to be postponed until after the talks in the capital',
      'ended.',
    ].join('\n');
    assert.equal(splitDumpParagraphs(`Title\n\n${wrapped}`).length, 2);
  });
});
