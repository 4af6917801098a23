import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harmoniseDocument } from './document-consistency.js';
import type { TypedSpan } from './merge-kb-spans.js';

const span = (start: number, end: number, type: TypedSpan['type']): TypedSpan => ({
  start,
  end,
  type,
  ids: [],
  source: 'model',
});

describe('harmoniseDocument', () => {
  test('a lone surname takes the type of the full name, tagged or not', () => {
    const out = harmoniseDocument([
      { words: ['Alex', 'Ferguson', 'joined', '.'], spans: [span(0, 2, 'PERSON')] },
      { words: ['Ferguson', 'won', 'in', 'Paris', '.'], spans: [span(0, 1, 'GPE')] },
      { words: ['Later', 'Ferguson', 'left', '.'], spans: [] },
    ]);
    assert.deepEqual(
      out.map((spans) => spans.map((s) => [s.start, s.end, s.type])),
      [[[0, 2, 'PERSON']], [[0, 1, 'PERSON']], [[1, 2, 'PERSON']]],
    );
  });

  test('a company goes by its name without the legal suffix, and by its first word', () => {
    const out = harmoniseDocument([
      {
        words: ['Dana', 'Corp', 'and', 'Nelson', 'Entertainment', 'Inc', 'said'],
        spans: [span(0, 2, 'ORG'), span(3, 6, 'ORG')],
      },
      {
        words: ['Dana', 'and', 'Nelson', 'and', 'American', 'agreed'],
        spans: [span(0, 1, 'PERSON'), span(2, 3, 'PERSON'), span(4, 5, 'NORP')],
      },
    ]);
    assert.deepEqual(
      out[1]?.map((s) => [s.start, s.end, s.type]),
      [
        [0, 1, 'ORG'],
        [2, 3, 'ORG'],
        [4, 5, 'NORP'],
      ],
    );
  });

  test('an acronym in brackets takes the type of the name before it', () => {
    const words = ['the', 'National', 'Football', 'League', '(', 'NFL', ')', '.'];
    const out = harmoniseDocument([
      { words, spans: [span(1, 4, 'ORG'), span(5, 6, 'GPE')] },
      { words: ['NFL', 'teams'], spans: [] },
    ]);
    assert.deepEqual(
      out.map((spans) => spans.map((s) => [s.start, s.end, s.type])),
      [
        [
          [1, 4, 'ORG'],
          [5, 6, 'ORG'],
        ],
        [[0, 1, 'ORG']],
      ],
    );
  });

  test('each name takes the type most of its mentions got', () => {
    const out = harmoniseDocument([
      { words: ['Kyiv', 'said'], spans: [span(0, 1, 'GPE')] },
      { words: ['Kyiv', 'won'], spans: [span(0, 1, 'GPE')] },
      { words: ['Kyiv', 'lost'], spans: [span(0, 1, 'ORG')] },
    ]);
    assert.deepEqual(
      out.map((spans) => spans.map((s) => s.type)),
      [['GPE'], ['GPE'], ['GPE']],
    );
  });

  test('a unit named with its number is then named by the number alone', () => {
    const out = harmoniseDocument([
      {
        words: ['The', '139th', 'Pennsylvania', 'Volunteer', 'Infantry', 'was', 'raised'],
        spans: [span(1, 5, 'ORG')],
      },
      { words: ['The', '139th', 'fought', 'at', 'the', '139th', 'Street', 'bridge'], spans: [] },
    ]);
    assert.deepEqual(
      out.map((spans) => spans.map((s) => [s.start, s.end, s.type])),
      [[[1, 5, 'ORG']], [[1, 2, 'ORG']]],
    );
  });
  test('a broken person span (a lower-case word inside) lends no surname', () => {
    const out = harmoniseDocument([
      { words: ['Riise', 'volleyed', 'Liverpool', 'ahead'], spans: [span(0, 3, 'PERSON')] },
      { words: ['Liverpool', 'were', 'living', 'dangerously'], spans: [span(0, 1, 'ORG')] },
      { words: ['Ludwig', 'van', 'Beethoven', 'wrote'], spans: [span(0, 3, 'PERSON')] },
      { words: ['Beethoven', 'wrote', 'it'], spans: [span(0, 1, 'GPE')] },
    ]);
    assert.deepEqual(
      out.slice(1).map((spans) => spans.map((s) => [s.start, s.end, s.type])),
      [[[0, 1, 'ORG']], [[0, 3, 'PERSON']], [[0, 1, 'PERSON']]],
    );
  });
  test('a club goes by its club word after its full name', () => {
    const out = harmoniseDocument([
      { words: ['Real', 'Madrid', 'won'], spans: [span(0, 2, 'ORG')] },
      { words: ['Victory', 'took', 'Real', 'clear'], spans: [span(2, 3, 'PERSON')] },
    ]);
    assert.deepEqual(
      out[1]?.map((s) => [s.start, s.end, s.type]),
      [[2, 3, 'ORG']],
    );
  });
});

test('a dateline place keeps its type where the same name is a team in the results', () => {
  const fixed = { ...span(0, 2, 'GPE'), fixed: true };
  const out = harmoniseDocument([
    { words: ['NEW', 'YORK', '1996-08-22'], spans: [fixed] },
    {
      words: ['NEW', 'YORK', '5', 'Seattle', '4'],
      spans: [{ ...span(0, 2, 'ORG'), typedByCue: true }, span(3, 4, 'ORG')],
    },
  ]);
  assert.deepEqual(
    out.map((spans) => spans.map((s) => s.type)),
    [['GPE'], ['ORG', 'ORG']],
  );
});
