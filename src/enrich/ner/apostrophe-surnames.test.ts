import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, show, w } from './fixtures/word-spans.js';
import { personsWithApostropheSurnames } from './apostrophe-surnames.js';

const given = (x: string): boolean => ['brian', 'ronan'].includes(x.toLowerCase());
const run = (words: string[], spans: ReturnType<typeof at>[]) =>
  show(
    words,
    personsWithApostropheSurnames(words, spans, given, (start, end) => at(start, end, 'PERSON')),
  );

test("an O' surname after a given name or an initial is one person with it", () => {
  const a = w("a try from captain Brian O'Driscoll and points from Ronan O'Gara");
  assert.deepEqual(run(a, [at(4, 5, 'EVENT'), at(9, 10, 'EVENT')]), [
    "PERSON:Brian O'Driscoll",
    "PERSON:Ronan O'Gara",
  ]);
  const b = w("P Stringer ; B O'Driscoll , J O'Connor");
  assert.deepEqual(run(b, [at(0, 2, 'PERSON')]), [
    'PERSON:P Stringer',
    "PERSON:B O'Driscoll",
    "PERSON:J O'Connor",
  ]);
});

test("a lone O' surname is a person; one before a capitalised word is left alone", () => {
  const a = w("led by the talismanic O'Driscoll , back from injury");
  assert.deepEqual(run(a, [at(4, 5, 'GPE')]), ["PERSON:O'Driscoll"]);
  const b = w("operations at O'Hara Township near Pittsburgh");
  assert.deepEqual(run(b, [at(2, 4, 'GPE')]), ["GPE:O'Hara Township"]);
  const c = w("the O'Reilly Auto Parts chain");
  assert.deepEqual(run(c, [at(1, 4, 'ORG')]), ["ORG:O'Reilly Auto Parts"]);
});
