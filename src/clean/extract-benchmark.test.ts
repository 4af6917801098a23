import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBenchmarkPages, scoreBodies } from '../../bench/extraction-corpora.js';
import { SHARED_DIR, skipUnlessShared } from '../../test/shared-data.js';
import { extractArticle } from './extract-article.js';

/**
 * A quick guard on real pages: the first 20 benchmark pages (by id) scored with the shared scorer.
 * The full 181-page figure is `npm run eval`; this floor sits below today's 20-page score (0.988) so only
 * a real regression trips it.
 */
const FLOOR_F1 = 0.96;

test(
  'body F1 on 20 article-extraction-benchmark pages stays above the floor',
  { skip: skipUnlessShared('corpora', 'article-extraction-benchmark') },
  async () => {
    const { readFileSync } = await import('node:fs');
    const dir = join(SHARED_DIR, 'corpora', 'article-extraction-benchmark');
    const pages = loadBenchmarkPages(dir, 20);
    const allTruth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string }
    >;
    const truth = new Map(pages.map((p) => [p.id, allTruth[p.id]?.articleBody ?? '']));
    const predictions = new Map(pages.map((p) => [p.id, extractArticle(p.html).text]));
    const score = scoreBodies(
      join(SHARED_DIR, 'tools', 'score-extraction.mjs'),
      truth,
      predictions,
    );
    assert.equal(score.pages, 20);
    assert.ok(score.f1 >= FLOOR_F1, `F1 ${score.f1} under ${FLOOR_F1}`);
  },
);
