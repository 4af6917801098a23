import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { after, describe, test } from 'node:test';
import type { SearchResult } from '../port.js';
import { SearchWorkerPool } from './search-worker-pool.js';

/**
 * The pool's scheduling with scripted search threads: each answers every search after `ms`
 * milliseconds of blocking (as a slow SQLite statement blocks its thread), with an empty result.
 */
const scripted = (ms: number) => (): Worker =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
       const cell = new Int32Array(new SharedArrayBuffer(4));
       parentPort.on('message', () => {
         Atomics.wait(cell, 0, 0, ${ms});
         parentPort.postMessage({ ok: true, result: { total: 0, items: [] } });
       });`,
    { eval: true },
  );

const settle = (search: Promise<SearchResult>) =>
  search.then(
    () => 'answered',
    (error: Error) => error.message,
  );

describe('search worker pool', () => {
  const pools: SearchWorkerPool[] = [];
  const pool = (options: ConstructorParameters<typeof SearchWorkerPool>[0]) => {
    const made = new SearchWorkerPool(options);
    pools.push(made);
    return made;
  };
  after(() => Promise.all(pools.map((p) => p.close())));

  test('time queued behind other searches is not charged to the budget', async () => {
    // One thread, 150 ms a search, a 600 ms budget: the sixth search is answered ~900 ms after
    // it was asked, having run 150 ms. Charged from the request, the fifth and sixth were 503s.
    const searches = pool({
      path: 'unused',
      workers: 1,
      budgetMs: 600,
      startWorker: scripted(150),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => settle(searches.search({ query: 'x' } as never))),
    );
    assert.deepEqual(outcomes, Array(6).fill('answered'));
  });

  test('a search that runs past its budget is stopped and answered with the reason', async () => {
    const searches = pool({
      path: 'unused',
      workers: 1,
      budgetMs: 100,
      startWorker: scripted(5000),
    });
    const started = performance.now();
    assert.match(await settle(searches.search({ query: 'x' } as never)), /within 100 ms/);
    assert.ok(performance.now() - started < 2000);
  });

  test('past the queue limit a search is refused at once', async () => {
    const searches = pool({
      path: 'unused',
      workers: 1,
      budgetMs: 5000,
      maxQueued: 2,
      startWorker: scripted(100),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => settle(searches.search({ query: 'x' } as never))),
    );
    assert.deepEqual(outcomes.slice(0, 3), ['answered', 'answered', 'answered']);
    assert.match(outcomes[3] ?? '', /2 searches are already waiting/);
  });
});
