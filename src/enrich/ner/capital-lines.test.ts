import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { alignCapitalLines } from './capital-lines.js';

test('a headline in capitals takes the types and names of the story under it', () => {
  const title = w('CANTREX UNIT TO MERGE WITH ONTARIO GROUP');
  const body = w('Cantrex said it will merge with a retailer of Woodstock , Ontario .');
  const out = alignCapitalLines(
    [{ words: title }, { words: body }],
    [[at(0, 1, 'PERSON')], [at(0, 1, 'ORG'), at(9, 10, 'GPE'), at(11, 12, 'GPE')]],
  );
  assert.deepEqual(show(title, out[0] ?? []), ['ORG:CANTREX', 'GPE:ONTARIO']);
});

test('ordinary words and non-name types of the story do not mark a headline', () => {
  const title = w('BAKER MAY URGE SUPPORT FOR BANKS');
  const body = w('Treasury Secretary Baker said May figures were weak .');
  const out = alignCapitalLines(
    [{ words: title }, { words: body }],
    [[at(0, 1, 'PERSON')], [at(2, 3, 'NORP'), at(4, 5, 'PERSON')]],
  );
  assert.deepEqual(show(title, out[0] ?? []), ['PERSON:BAKER']);
});

test('a story with no headline in capitals is returned as it was', () => {
  const a = w('Dana Corp said profits rose');
  const spans = [[at(0, 2, 'ORG')]];
  assert.equal(alignCapitalLines([{ words: a }], spans), spans);
});

test("a headline names the story's person by surname and its firm without the legal form", () => {
  const title = w('RUSSIA TALKS : YELTSIN MEETS FIRESTONE TIRE');
  const body = w('Boris Yeltsin met the head of Firestone Tire Co in Moscow .');
  const out = alignCapitalLines(
    [{ words: title }, { words: body }],
    [
      [at(0, 1, 'GPE'), at(3, 4, 'GPE')],
      [at(0, 2, 'PERSON'), at(6, 9, 'ORG'), at(10, 11, 'GPE')],
    ],
  );
  assert.deepEqual(show(title, out[0] ?? []), [
    'GPE:RUSSIA',
    'PERSON:YELTSIN',
    'ORG:FIRESTONE TIRE',
  ]);
});
