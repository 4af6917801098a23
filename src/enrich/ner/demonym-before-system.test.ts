import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demonymsBeforeSystems } from './demonym-before-system.js';
import type { TypedSpan } from './merge-kb-spans.js';

const span = (start: number, end: number, type: TypedSpan['type']): TypedSpan => ({
  start,
  end,
  type,
  ids: [],
  source: 'kb',
});
const run = (text: string, spans: TypedSpan[]): string[] => {
  const words = text.split(' ');
  return demonymsBeforeSystems(
    spans,
    (s) =>
      s.start > 0
        ? { text: words[s.start - 1] as string, start: s.start - 1, end: s.start }
        : undefined,
    (w) => ({ ...span(w.start, w.end, 'NORP'), source: 'model' }),
  ).map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
};

describe('demonymsBeforeSystems', () => {
  test('a demonym before a weapon the KB found is a nationality', () => {
    assert.deepEqual(run('an Iranian Silkworm missile strike', [span(2, 3, 'WEAPON')]), [
      'NORP:Iranian',
      'WEAPON:Silkworm',
    ]);
  });

  test('nothing else changes', () => {
    // Not before a system, lower case, a place named like its people, or already in a span.
    assert.deepEqual(run('an Iranian Oil Ministry statement', [span(2, 4, 'ORG')]), [
      'ORG:Oil Ministry',
    ]);
    assert.deepEqual(run('the iranian Silkworm', [span(2, 3, 'WEAPON')]), ['WEAPON:Silkworm']);
    assert.deepEqual(run('at Gibraltar Harpoon', [span(2, 3, 'WEAPON')]), ['WEAPON:Harpoon']);
    assert.deepEqual(
      run('the Iranian Silkworm', [span(1, 2, 'NORP'), span(2, 3, 'WEAPON')]).join(' '),
      'NORP:Iranian WEAPON:Silkworm',
    );
  });
});
