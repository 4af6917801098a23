import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { StoryInput } from '../../stories/assign-story.js';
import { settleStories } from '../../stories/settle-stories.js';
import { storyOrderKey } from '../../stories/story-order.js';
import { checksumPostgres } from './store-checksum.js';
import { PostgresStore } from './postgres-store.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

if (skipUnlessPostgres) console.log(`story-changes: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

const TOPICS = [
  'Flood waters rose across the river valley as rescue crews evacuated villages near Dresden',
  'The central bank raised interest rates again to fight inflation and the currency climbed',
  'Striking dock workers closed the port of Rotterdam for a third day over pay and pensions',
  'Wildfires spread through dry forests in Attica and firefighters battled the flames overnight',
];
const FILLER = 'officials residents reporters witnesses ministers analysts traders engineers'.split(
  ' ',
);

/** Articles on four topics, one day apart, with varied words so stories grow and their counts move. */
const articles: StoryInput[] = Array.from({ length: 24 }, (_, n) => {
  const topic = TOPICS[n % TOPICS.length] as string;
  const words = Array.from({ length: 12 }, (_, k) => FILLER[(n * 3 + k) % FILLER.length]);
  const published = new Date(Date.UTC(2024, 4, 1 + n)).toISOString();
  const id = `a${String(n).padStart(2, '0')}`;
  return {
    id,
    text: `${topic}. ${words.join(' ')} said on day ${n + 100}. ${topic}.`,
    title: topic.split(' ').slice(0, 6).join(' '),
    source: `outlet${n % 3}`,
    published,
    order: storyOrderKey(published, `file:${id}`, id),
  };
});

/** The stories, counts and memberships of a schema, without the change log. */
const storyState = async (store: PostgresStore): Promise<unknown> => {
  const pool = store.connectionPool;
  const read = async (sql: string) => (await pool.query(sql)).rows;
  return {
    stories: await read(
      'SELECT id, article_count, centroid, sources FROM stories ORDER BY id COLLATE "C"',
    ),
    counts: await read(
      'SELECT term, documents FROM story_term_frequencies ORDER BY term COLLATE "C"',
    ),
    corpus: await read('SELECT documents FROM story_corpus'),
    members: await read(
      'SELECT article_id, story_id, similarity FROM story_members ORDER BY article_id COLLATE "C"',
    ),
  };
};

const organise = (store: PostgresStore, batch: readonly StoryInput[]) =>
  store.inTransaction(async () => {
    await settleStories(batch, store.stories, async () => []);
  }, 'stories');

test(
  'two processes taking turns, keeping counts and stories across their transactions, end as one process does',
  { skip: skipUnlessPostgres, timeout: 120_000 },
  async () => {
    const single = createTestSchema('chg1');
    const shared = createTestSchema('chg2');
    schemas.push(single, shared);
    const alone = await PostgresStore.open({ url: single.url, poolMax: 2 });
    const first = await PostgresStore.open({ url: shared.url, poolMax: 2 });
    const second = await PostgresStore.open({ url: shared.url, poolMax: 2 });
    try {
      // Article 13 comes before 12: its turn re-settles 12's story (counts taken back, stories dropped).
      const sequence = [
        ...articles.slice(0, 12),
        ...[13, 12].map((n) => articles[n]!),
        ...articles.slice(14),
      ];
      for (const article of sequence) await organise(alone, [article]);
      for (const [n, article] of sequence.entries()) {
        // Uneven turns: one process organises several in a row, then the other catches up.
        const store = n % 5 < 3 ? first : second;
        await organise(store, [article]);
        // A transaction that fails after reading leaves nothing behind, in the store or the cache.
        if (n === 9)
          await assert.rejects(
            store.inTransaction(async () => {
              await store.stories.getStory(`story-${articles[0]?.id}`);
              await store.stories.addDocument(['phantom', 'flood']);
              throw new Error('killed');
            }, 'stories'),
          );
      }
      assert.deepEqual(await storyState(first), await storyState(alone));
      const log = await first.connectionPool.query<{ n: string }>(
        'SELECT count(*) AS n FROM story_changes',
      );
      assert.equal(Number(log.rows[0]?.n), articles.length, 'one log row per organising commit');
      // The shared schema's checksum (what bench/workers compares with SQLite) does not see the log.
      assert.equal(
        (await checksumPostgres(first.connectionPool)).sha256,
        (await checksumPostgres(alone.connectionPool)).sha256,
      );
    } finally {
      await Promise.all([alone.close(), first.close(), second.close()]);
    }
  },
);

test(
  'a lone write outside an organising transaction is logged: another process reads its counts',
  { skip: skipUnlessPostgres, timeout: 60_000 },
  async () => {
    const schema = createTestSchema('chg3');
    schemas.push(schema);
    const worker = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    const other = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    try {
      await organise(worker, articles.slice(0, 4));
      // Another process adds counts without a transaction of its own: a lone write, logged.
      await other.stories.addDocument(['flood', 'valley']);
      const counts = await worker.inTransaction(
        () => worker.stories.documentFrequencies(['flood', 'valley']),
        'stories',
      );
      const stored = await other.connectionPool.query<{ term: string; documents: number }>(
        `SELECT term, documents FROM story_term_frequencies WHERE term IN ('flood', 'valley')`,
      );
      assert.deepEqual(
        Object.fromEntries(counts.frequencies),
        Object.fromEntries(stored.rows.map((row) => [row.term, row.documents])),
      );
      assert.equal(counts.documents, 5);
    } finally {
      await Promise.all([worker.close(), other.close()]);
    }
  },
);
