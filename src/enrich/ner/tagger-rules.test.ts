import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadNerModel, NER_MODEL_URL } from './ner-model-file.js';
import { tagEntitySpans } from './recognize-entities.js';

/** Rules applied after the shipped tagger, on sentences where the tagger alone gets them wrong. */
const model = loadNerModel(readFileSync(NER_MODEL_URL));
const tag = (sentence: string): string[] => {
  const words = sentence.split(' ');
  return tagEntitySpans(words, model).map(
    (s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`,
  );
};

test('two one-word names joined by "and" are two people', () => {
  assert.deepEqual(tag('This is a story of Karim and Sadiq .'), ['Karim/PERSON', 'Sadiq/PERSON']);
});

test('at the end of a list of names, "X and Y" is two names', () => {
  assert.deepEqual(tag('He joined from Everton , Chelsea and Charlton .'), [
    'Everton/ORG',
    'Chelsea/ORG',
    'Charlton/ORG',
  ]);
});

test('"di" and "do" join a name ("Banco di Roma"), whose head before them types it', () => {
  assert.deepEqual(tag('Banco di Roma has arranged a program .'), ['Banco di Roma/ORG']);
  assert.deepEqual(tag('Banco do Brasil said it would lend .'), ['Banco do Brasil/ORG']);
  // A person's particle is no organisation's head.
  assert.deepEqual(tag('Leonardo da Vinci painted it .'), ['Leonardo da Vinci/PERSON']);
});
