import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs } from './backoff.js';

const policy = { baseMs: 100, maxMs: 1_000, jitter: 0 };

test('backoff doubles per attempt and stops at the cap', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, policy)),
    [100, 200, 400, 800, 1_000, 1_000],
  );
});

test('jitter spreads the delay within ± the given fraction', () => {
  const jittered = { ...policy, jitter: 0.5 };
  assert.equal(
    backoffDelayMs(2, jittered, () => 0),
    100,
  );
  assert.equal(
    backoffDelayMs(2, jittered, () => 1),
    300,
  );
  assert.equal(
    backoffDelayMs(2, jittered, () => 0.5),
    200,
  );
});
