import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleEnrichment } from '../core/enrichment.js';
import type { ArticleEnricher } from './enricher.js';
import { isRecordTimeLimitError, runWithinTimeLimit } from './record-time-limit.js';
import { inlineStages } from './stage-pool.js';

const spin = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('per-record time limit on the calling thread', () => {
  test('synchronous work past the limit is stopped, also inside a backtracking regex', () => {
    for (const work of [() => spin(60_000), () => /^(a+)+$/.test(`${'a'.repeat(40)}b`)]) {
      const started = performance.now();
      assert.throws(
        () => runWithinTimeLimit(work, 200, 'cleaning'),
        (error: unknown) =>
          isRecordTimeLimitError(error) &&
          /cleaning took longer than the per-record limit of 0.2 s/.test(error.message),
      );
      assert.ok(performance.now() - started < 10_000);
    }
  });

  test('work within the limit returns its value and its own errors unchanged', () => {
    assert.equal(
      runWithinTimeLimit(() => 42, 1000, 'x'),
      42,
    );
    assert.throws(
      () =>
        runWithinTimeLimit(
          () => {
            throw new RangeError('own');
          },
          1000,
          'x',
        ),
      RangeError,
    );
    assert.equal(
      runWithinTimeLimit(() => 'no limit', 0, 'x'),
      'no limit',
    );
  });

  test('inline stages (--threads 1, the server, polling) fail an enrichment past the limit', async () => {
    // An enricher whose enrichment of one record never ends (a test double: the real slow record
    // is in test/hostile/record-time-limit.test.ts, which runs the CLI with --threads 1 too).
    const stuck: ArticleEnricher = {
      version: 'stuck',
      enrich: () => {
        spin(60_000);
        return {} as ArticleEnrichment;
      },
    };
    const stages = inlineStages(stuck, 200);
    const started = performance.now();
    await assert.rejects(stages.enrich({ text: 'NATO' }), (error: unknown) =>
      isRecordTimeLimitError(error),
    );
    assert.ok(performance.now() - started < 10_000);
    // The stages go on with the next record.
    const text =
      'Ministry orders drones\n\nThe ministry ordered 40 drones from a company in Kyiv on Monday.';
    const draft = await stages.draft({
      format: 'text',
      provenance: { path: 'a.txt' },
      raw: text,
      body: { kind: 'text', text },
      authors: [],
      categories: [],
    });
    assert.equal(draft.ok, true);
  });
});
