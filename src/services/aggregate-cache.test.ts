import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedAggregate } from './aggregate-cache.js';

test('aggregates are read once, served stale past their age while one refresh runs, then fresh', async () => {
  const owner = {};
  let clock = 0;
  let reads = 0;
  let release: () => void = () => undefined;
  const read = async (): Promise<number> => {
    const n = ++reads;
    if (n > 1) await new Promise<void>((resolve) => (release = resolve));
    return n;
  };
  const get = () => cachedAggregate(owner, 'k', read, { maxAgeMs: 100, now: () => clock });
  assert.equal(await get(), 1);
  clock = 50;
  assert.equal(await get(), 1, 'young: served from cache');
  clock = 200;
  assert.equal(await get(), 1, 'old: the stale value is served at once');
  assert.equal(await get(), 1, 'still stale while the refresh runs');
  assert.equal(reads, 2, 'only one refresh starts');
  release();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await get(), 2, 'the refreshed value is served next');
  assert.equal(
    await cachedAggregate({}, 'k', async () => 9),
    9,
    'another owner (store) has its own values',
  );
});
