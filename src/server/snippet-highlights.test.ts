import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHighlightTerms, parseQuery } from '../search/index.js';
import { markSnippet } from './snippet-highlights.js';

const termsOf = (query: string) => {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok);
  return extractHighlightTerms(parsed.value);
};

const marked = (snippet: string, query: string): string => {
  const { text, highlights } = markSnippet(snippet, termsOf(query));
  let out = '';
  let last = 0;
  for (const { start, end } of highlights) {
    out += `${text.slice(last, start)}<${text.slice(start, end)}>`;
    last = end;
  }
  return out + text.slice(last);
};

test('store markers become ranges; the text loses only the markers', () => {
  assert.equal(marked('…the [HIMARS] launchers…', 'himars'), '…the <HIMARS> launchers…');
  assert.equal(
    marked('[Storm] [Shadow] and [SCALP]', '"storm shadow" OR scalp'),
    '<Storm> <Shadow> and <SCALP>',
  );
});

test("the text's own brackets stay as text", () => {
  assert.equal(
    marked('[FICTIONAL SAMPLE] Poland buys [HIMARS] [sic]', 'himars'),
    '[FICTIONAL SAMPLE] Poland buys <HIMARS> [sic]',
  );
});

test('prefix and diacritic-folded matches count; excluded words never do', () => {
  assert.equal(
    marked('[Čáslav] runway and [launchers]', 'caslav launch*'),
    '<Čáslav> runway and <launchers>',
  );
  assert.equal(marked('[NATO] said', 'himars -nato'), '[NATO] said');
});
