import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NerModel } from './perceptron-model.js';
import { untaggedNames } from './untagged-names.js';

const model: NerModel = {
  version: 'toy',
  tags: ['O'],
  weights: new Map([['w=democrats', new Float32Array(1)]]),
  commonWords: new Set(['the', 'in']),
};
const find = (text: string, tagged: { start: number; end: number; type: string }[] = []) => {
  const words = text.split(' ');
  return untaggedNames(words, tagged, model).map(
    (s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`,
  );
};

describe('untaggedNames', () => {
  test('a capitalised run with a telling head word is a name', () => {
    assert.deepEqual(find('it was released on Aftermath Records in 2003'), [
      'ORG:Aftermath Records',
    ]);
    assert.deepEqual(find('The Patriot League held it'), ['ORG:Patriot League']);
  });

  test('an unknown capitalised plural after "the" is a group', () => {
    assert.deepEqual(find('he played for the Patriots in 1971'), ['ORG:Patriots']);
    // Words the tagger knows are its own call.
    assert.deepEqual(find('he voted with the Democrats in 1971'), []);
  });

  test('leaves tagged names and their neighbours alone', () => {
    assert.deepEqual(
      find('the Iraqi Security Forces said', [{ start: 1, end: 2, type: 'NORP' }]),
      [],
    );
    assert.deepEqual(find('the Aftermath Records label', [{ start: 1, end: 3, type: 'ORG' }]), []);
  });
});
