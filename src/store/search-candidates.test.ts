import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COUNT_CAP, FACET_SAMPLE } from './search-bounds.js';
import {
  compareCandidates,
  pageOfCandidates,
  rowsNeeded,
  type Candidate,
} from './search-candidates.js';

const c = (seq: number, published: string | null, score = 0): Candidate => ({
  seq,
  id: `a${seq}`,
  published,
  score,
});

test('relevance orders by score, ties by seq ascending', () => {
  const sorted = [c(3, null, 1), c(1, null, 2), c(2, null, 1)].sort(compareCandidates('relevance'));
  assert.deepEqual(
    sorted.map((x) => x.seq),
    [1, 2, 3],
  );
});

test('newest and oldest put undated articles last and break ties by seq in the same direction', () => {
  const items = [
    c(1, '2024-01-02'),
    c(2, null),
    c(3, '2024-01-02'),
    c(4, '2023-05-01'),
    c(5, null),
  ];
  assert.deepEqual(
    [...items].sort(compareCandidates('newest')).map((x) => x.seq),
    [3, 1, 4, 5, 2],
  );
  assert.deepEqual(
    [...items].sort(compareCandidates('oldest')).map((x) => x.seq),
    [4, 1, 3, 2, 5],
  );
});

test('a page, the capped total and the facet sample come from one list', () => {
  const many = Array.from({ length: COUNT_CAP + 5 }, (_, i) => c(i, null));
  const cut = pageOfCandidates(many, 20, 10);
  assert.deepEqual(
    cut.page.map((x) => x.seq),
    Array.from({ length: 10 }, (_, i) => 20 + i),
  );
  assert.equal(cut.total, COUNT_CAP);
  assert.equal(cut.totalCapped, true);
  assert.equal(cut.facetSample.length, FACET_SAMPLE);
  assert.equal(cut.facetsSampled, true);
  assert.equal(cut.hasMore, true);

  const few = pageOfCandidates([c(1, null), c(2, null)], 0, 5);
  assert.equal(few.total, 2);
  assert.equal(few.totalCapped, false);
  assert.equal(few.facetsSampled, false);
  assert.equal(few.hasMore, false);
});

test('queries without words fetch one row past every bound they report on', () => {
  assert.equal(rowsNeeded(0, 20, false), COUNT_CAP + 1);
  assert.equal(rowsNeeded(5000, 20, true), 5021);
});
