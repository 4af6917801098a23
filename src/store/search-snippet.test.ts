import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHighlightTerms, parseQuery } from '../search/index.js';
import { snippetFor } from './search-snippet.js';

const termsOf = (query: string) => {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok);
  return extractHighlightTerms(parsed.value);
};

test('a snippet wraps every match in its window and marks cuts with an ellipsis', () => {
  const text =
    'Officials said on Monday that the first batch of drones arrived at the base near Tallinn, ' +
    'and more drones would follow before the winter, according to the ministry of defence.';
  const snippet = snippetFor(text, termsOf('drone*'));
  assert.match(snippet, /^…/);
  assert.match(snippet, /\[drones\] arrived/);
  assert.match(snippet, /more \[drones\] would/);
  assert.match(snippet, /…$/);
});

test('phrases and folded diacritics are marked as the index matched them', () => {
  assert.equal(
    snippetFor('Le ministère des Armées a commandé des obus.', termsOf('"ministere des armees"')),
    'Le [ministère des Armées] a commandé des obus.',
  );
});

test('without a match in the text the snippet is its beginning', () => {
  assert.equal(snippetFor('Short text here.', termsOf('absent')), 'Short text here.');
  assert.equal(snippetFor('', termsOf('absent')), '');
});
