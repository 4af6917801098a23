import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { decideSyndication } from '../../dedup/decide-syndication.js';
import { assignStory } from '../../stories/assign-story.js';
import { PostgresStore } from './postgres-store.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

if (skipUnlessPostgres) console.log(`organise-transaction: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

const REPORT = [
  'Defence ministers from twelve countries met in Brussels on Tuesday to agree a joint plan for buying air defence systems, officials said after the talks ended late in the evening.',
  'The plan would pool orders for interceptor missiles and radars over the next five years, cutting prices and delivery times for smaller members, according to a draft seen by reporters.',
  'Several ministers warned that stockpiles had fallen to dangerous levels after two years of deliveries to Ukraine, and that factories needed long contracts before they would expand.',
  'The agreement still needs approval from national parliaments, and two governments said they would wait for a cost study due in the spring before committing any money.',
].join('\n\n');

/** A syndicated copy: one word in `every` changed, a footer added. */
const copy = (n: number): string => {
  let words = 0;
  const edited = REPORT.replace(/[A-Za-z]+/g, (word) =>
    ++words % (40 + n) === 0 ? `edited${n}` : word,
  );
  return `${edited}\n\nRead more from outlet ${n}.`;
};

test(
  'two workers organising copies of one report at once make one group and one story',
  { skip: skipUnlessPostgres, timeout: 120_000 },
  async () => {
    const schema = createTestSchema('lock');
    schemas.push(schema);
    // Two stores = two worker processes: separate pools, one schema.
    const first = await PostgresStore.open({ url: schema.url, poolMax: 4 });
    const second = await PostgresStore.open({ url: schema.url, poolMax: 4 });
    try {
      const articles = Array.from({ length: 8 }, (_, n) => ({
        id: `copy${n}`,
        text: copy(n),
        title: 'Ministers agree air defence plan',
        source: `outlet${n}`,
        published: new Date(Date.UTC(2024, 2, 1, 8 + n)).toISOString(),
      }));
      await Promise.all(
        articles.map((article, n) => {
          const store = n % 2 === 0 ? first : second;
          return store.inTransaction(async () => {
            await decideSyndication(article, store.nearDuplicates);
            await assignStory(article, store.stories);
          });
        }),
      );
      const groups = await first.nearDuplicates.listGroups();
      assert.deepEqual(
        groups.map((g) => [g.canonical, g.members.map((m) => m.id)]),
        [['copy0', articles.slice(1).map((a) => a.id)]],
      );
      // Each process counts its own batches and the time they waited for the lock.
      const [a, b] = [first.organiseLockStats(), second.organiseLockStats()];
      assert.equal(a.batches + b.batches, articles.length);
      assert.ok(a.waitSeconds >= 0 && a.heldSeconds > 0 && b.heldSeconds > 0);
      assert.ok(a.waitSeconds + b.waitSeconds > 0, 'batches queued behind one another');
      const stories = await second.stories.listStories();
      assert.equal(stories.length, 1);
      assert.equal(stories[0]?.articleCount, articles.length);
      assert.equal((await first.stories.listMembers(stories[0]!.id)).length, articles.length);
    } finally {
      await first.close();
      await second.close();
    }
  },
);

test(
  'a failing batch leaves none of its decisions and releases the lock for the next',
  { skip: skipUnlessPostgres, timeout: 60_000 },
  async () => {
    const schema = createTestSchema('organiseerr');
    schemas.push(schema);
    const store = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    try {
      const article = { id: 'lost', text: REPORT, published: '2024-03-01T08:00:00Z' };
      await assert.rejects(
        store.inTransaction(async () => {
          await decideSyndication(article, store.nearDuplicates);
          assert.ok(await store.nearDuplicates.getDecision('lost'), 'visible inside');
          throw new Error('stage failed');
        }),
        /stage failed/,
      );
      assert.equal(await store.nearDuplicates.getDecision('lost'), undefined);
      assert.equal(await store.nearDuplicates.getFingerprint('lost'), undefined);
      const kept = await store.inTransaction(() =>
        decideSyndication(article, store.nearDuplicates),
      );
      assert.equal(kept.decision.status, 'original');
      assert.equal((await store.nearDuplicates.getDecision('lost'))?.status, 'original');
    } finally {
      await store.close();
    }
  },
);

test(
  'organiseInTurn: each organising transaction first awaits the turn; outside it nothing waits',
  { skip: skipUnlessPostgres, timeout: 60_000 },
  async () => {
    const schema = createTestSchema('turn');
    schemas.push(schema);
    const store = await PostgresStore.open({ url: schema.url, poolMax: 4 });
    try {
      const events: string[] = [];
      let turns = 0;
      const turn = async (): Promise<void> => {
        turns++;
        events.push(`turn ${turns}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      };
      const article = (id: string) => ({ id, text: copy(1), title: 'Ministers agree' });
      await store.organiseInTurn(turn, async () => {
        for (const id of ['a1', 'a2'])
          await store.inTransaction(async () => {
            events.push(`organise ${id}`);
            await assignStory(article(id), store.stories);
          });
      });
      await store.inTransaction(async () => {
        events.push('organise a3');
        await assignStory(article('a3'), store.stories);
      });
      assert.deepEqual(events, ['turn 1', 'organise a1', 'turn 2', 'organise a2', 'organise a3']);
      assert.equal(store.organiseLockStats().batches, 3);
      assert.ok(store.organiseLockStats().turnWaitSeconds >= 0.03);
      assert.equal((await store.stories.listStories()).length, 1, 'the three joined one story');
    } finally {
      await store.close();
    }
  },
);

test(
  'syndication and stories are serialised on locks of their own; a transaction without a scope takes both',
  { skip: skipUnlessPostgres, timeout: 60_000 },
  async () => {
    const schema = createTestSchema('scopes');
    schemas.push(schema);
    // Two stores = two worker processes.
    const first = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    const second = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    try {
      const events: string[] = [];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const syndication = first.inTransaction(async () => {
        // The lock is taken with the transaction's first statement.
        await first.nearDuplicates.getDecision('none');
        locked();
        await released;
        events.push('syndication done');
      }, 'syndication');
      await holding;
      await second.inTransaction(async () => {
        await assignStory({ id: 's1', text: copy(1) }, second.stories);
        events.push('stories beside it');
      }, 'stories');
      const both = second.inTransaction(async () => {
        await second.nearDuplicates.getDecision('none');
        events.push('both after it');
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push('release');
      release();
      await Promise.all([syndication, both]);
      assert.deepEqual(events, [
        'stories beside it',
        'release',
        'syndication done',
        'both after it',
      ]);
      const locks = first.organiseLockStats().locks ?? {};
      assert.ok((locks['syndication']?.heldSeconds ?? 0) >= 0.2);
      assert.equal(locks['stories']?.heldSeconds, 0);

      // Only clustering depends on the order batches come in: only it waits for its turn.
      let turns = 0;
      await first.organiseInTurn(
        async () => void turns++,
        async () => {
          await first.inTransaction(() => first.nearDuplicates.getDecision('none'), 'syndication');
          await first.inTransaction(() => first.stories.lastOrder(), 'stories');
        },
      );
      assert.equal(turns, 1);
    } finally {
      await first.close();
      await second.close();
    }
  },
);
