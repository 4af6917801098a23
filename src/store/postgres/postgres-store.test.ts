import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { parseQuery } from '../../search/index.js';
import type { ArticleStore, TextHit } from '../port.js';
import { runEntityArticlesContract } from '../entity-articles-contract.suite.js';
import { runEntityStatsContract } from '../entity-stats-contract.suite.js';
import { ENTITY_STATS_REBUILD_SQL } from '../entity-stats.js';
import { runFactsContract } from '../facts-contract.suite.js';
import { runSearchContract } from '../search-contract.suite.js';
import { draftFor, runStoreContract, type ContractTarget } from '../store-contract.suite.js';
import { PostgresStore } from './postgres-store.js';
import pg from 'pg';
import {
  createTestSchema,
  skipUnlessPostgres,
  TEST_PG_URL,
  type TestSchema,
} from './test-database.js';

if (skipUnlessPostgres) console.log(`postgres-store: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

const schemaOf = new WeakMap<ArticleStore, TestSchema>();
const freshStore = async (): Promise<PostgresStore> => {
  const schema = createTestSchema('store');
  schemas.push(schema);
  const store = await PostgresStore.open({ url: schema.url, poolMax: 4 });
  schemaOf.set(store, schema);
  return store;
};

const target: ContractTarget = { name: 'postgres', open: freshStore, skip: skipUnlessPostgres };
runStoreContract(target);
runSearchContract(target);
runFactsContract(target);
runEntityArticlesContract(target);
runEntityStatsContract(target, async (store) => {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schemaOf.get(store)!.schema}"`);
    await client.query(ENTITY_STATS_REBUILD_SQL);
  } finally {
    await client.end();
  }
});

const search = async (store: ArticleStore, query: string): Promise<TextHit[]> => {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok);
  return (await store.searchArticles({ query: parsed.value, limit: 10 })).hits;
};

describe('postgres store specifics', () => {
  test(
    'two stores racing on the same identities keep one article each',
    { skip: skipUnlessPostgres },
    async () => {
      const schema = createTestSchema('race');
      schemas.push(schema);
      const [first, second] = await Promise.all([
        PostgresStore.open({ url: schema.url, poolMax: 2 }),
        PostgresStore.open({ url: schema.url, poolMax: 2 }),
      ]);
      try {
        const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
        const forward = keys.map((k) => draftFor(k));
        const backward = [...forward].reverse();
        const results = await Promise.all([
          first.saveArticles(forward.slice(0, 25)),
          second.saveArticles(backward.slice(0, 25)),
          first.saveArticles(forward),
          second.saveArticles(backward),
        ]);
        const added = results.flat().filter((o) => o.status === 'added').length;
        assert.equal(added, keys.length);
        const stats = await first.countStats();
        assert.equal(stats.articles, keys.length);
        assert.equal(stats.revisions, keys.length);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    },
  );

  test(
    'raw input with NUL bytes and accents round-trips; search folds diacritics',
    { skip: skipUnlessPostgres },
    async () => {
      const store = await freshStore();
      try {
        const raw = 'binary\u0000payload é';
        const [outcome] = await store.saveArticles([
          draftFor('nul', {
            raw,
            title: 'Défense à Zürich',
            text: 'Le ministère a commandé des obus.',
          }),
        ]);
        const [revision] = await store.listRevisions(outcome!.id);
        assert.equal(revision?.raw, raw);
        const hits = await search(store, 'zurich ministere');
        assert.equal(hits.length, 1);
        assert.match(hits[0]!.snippet, /\[ministère\]/);
      } finally {
        await store.close();
      }
    },
  );

  test('a title match ranks above a body match', { skip: skipUnlessPostgres }, async () => {
    const store = await freshStore();
    try {
      await store.saveArticles([
        draftFor('body', { title: 'Naval news', text: 'A frigate and a corvette sailed.' }),
        draftFor('title', { title: 'Frigate launched', text: 'The ship left the yard.' }),
      ]);
      const hits = await search(store, 'frigate');
      assert.deepEqual(
        hits.map((h) => h.title),
        ['Frigate launched', 'Naval news'],
      );
      assert.ok(hits[0]!.score > hits[1]!.score);
    } finally {
      await store.close();
    }
  });

  test('an unreachable server is STORE_UNAVAILABLE naming host and port', async () => {
    await assert.rejects(
      PostgresStore.open({ url: 'postgres://nobody@127.0.0.1:1/none' }),
      (error: Error) => {
        assert.equal((error as { code?: string }).code, 'STORE_UNAVAILABLE');
        assert.match(error.message, /127\.0\.0\.1:1\b/);
        return true;
      },
    );
  });
});
