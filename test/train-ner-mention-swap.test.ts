import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mentionSwapped } from '../scripts/train-ner-mention-swap.js';

const sentence = (text: string, tags: string) => ({
  words: text.split(' '),
  tags: tags.split(' '),
});

describe('mention swap for NER training', () => {
  const train = [
    sentence('Acme Corp said on Monday', 'B-ORG I-ORG O O O'),
    sentence('Anna Berg visited Oslo', 'B-PERSON I-PERSON O B-GPE'),
    sentence('the weather was fine', 'O O O O'),
    sentence('fans of acme cheered', 'O O B-ORG O'),
    sentence('Bolt Motors and Anna Berg met', 'B-ORG I-ORG O B-PERSON I-PERSON O'),
  ];

  test('names are replaced by capitalised names of the same type, context kept', () => {
    const out = mentionSwapped(train, 1, 5);
    // Every sentence with a name, the sentence without one left out.
    assert.equal(out.length, 4);
    for (const s of out) {
      assert.equal(s.words.length, s.tags.length);
      s.tags.forEach((t, i) => {
        if (t === 'B-ORG') assert.match(s.words.slice(i).join(' '), /^(Acme Corp|Bolt Motors)/);
        if (t === 'B-PERSON') assert.equal(s.words[i], 'Anna');
        if (t === 'B-GPE') assert.equal(s.words[i], 'Oslo');
      });
      // The lower-case tweet spelling never becomes a replacement.
      assert.ok(!s.words.includes('acme'));
    }
    assert.deepEqual(out[0]?.words.slice(-3), ['said', 'on', 'Monday']);
  });

  test('every K-th candidate only, and the same output for the same seed', () => {
    assert.equal(mentionSwapped(train, 2, 5).length, 2);
    assert.deepEqual(mentionSwapped(train, 1, 5), mentionSwapped(train, 1, 5));
    assert.deepEqual(mentionSwapped(train, 0, 5), []);
  });
});
