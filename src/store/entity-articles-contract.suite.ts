/**
 * The entity-articles contract (run by sqlite-store.test.ts and postgres-store.test.ts): the
 * articles mentioning an entity, newest first, each once however often it is mentioned.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFactFixture } from './facts-fixture.js';
import type { ContractTarget } from './store-contract.suite.js';

export const runEntityArticlesContract = (target: ContractTarget): void => {
  test(`entity articles contract: ${target.name}`, { skip: target.skip ?? false }, async () => {
    const store = await target.open();
    try {
      const ids = await loadFactFixture(store);
      assert.ok(store.entityArticles, 'the store reads articles by entity');
      // kb:himars: twice in the March article, once in the January one.
      assert.deepEqual(await store.entityArticles.newestArticleIds('kb:himars', 10), [
        ids.get('himars'),
        ids.get('nato'),
      ]);
      assert.deepEqual(await store.entityArticles.newestArticleIds('kb:himars', 1), [
        ids.get('himars'),
      ]);
      assert.deepEqual(await store.entityArticles.newestArticleIds('kb:nobody', 10), []);
    } finally {
      await store.close();
    }
  });
};
