import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JobContext } from '../handler-registry.js';
import { waitForTurn } from './ingest-file.js';

const contextWith = (earlierRunning: () => Promise<boolean>): JobContext => ({
  signal: new AbortController().signal,
  workerId: 'w',
  earlierRunning,
});

test('a turn ends as soon as no earlier job runs', async () => {
  let asked = 0;
  const turn = waitForTurn(
    contextWith(async () => ++asked < 3),
    Date.now() - 10_000,
  );
  const from = Date.now();
  await turn();
  assert.equal(asked, 3);
  assert.ok(Date.now() - from < 1_000);
});

test('a job waits in all no longer than three times its own work, however long the earlier job runs', async () => {
  const started = Date.now() - 150; // the job has worked 150 ms before its first organise
  const turn = waitForTurn(
    contextWith(async () => true),
    started,
  );
  const from = Date.now();
  await turn();
  const first = Date.now() - from;
  assert.ok(first >= 440 && first < 1_200, `first wait ${first} ms`);
  await turn(); // no work in between: nothing left of the budget
  assert.ok(Date.now() - from - first < 100);
});
