import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryInput } from './assign-story.js';
import { CachingStoryIndex } from './caching-story-index.js';
import { DeferredSettle } from './deferred-settle.js';
import { MemoryStoryIndex } from './memory-story-index.js';
import { corpus, partition, shuffledBatches } from './settle-corpus.suite.js';
import { settleStories } from './settle-stories.js';
import type { StoryIndex } from './story-index.js';

const loader = (inputs: readonly StoryInput[]) => {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  return async (members: readonly { articleId: string }[]) =>
    members.map((member) => byId.get(member.articleId) as StoryInput);
};

const reference = async (inputs: StoryInput[]): Promise<string[]> => {
  const index = new MemoryStoryIndex();
  await settleStories(inputs, index, loader(inputs));
  return partition(index);
};

const LIMITS = { articles: 1_000, characters: 1_000_000 };

const deferredRun = async (batches: StoryInput[][], index: StoryIndex, limits = LIMITS) => {
  const deferred = new DeferredSettle(index, loader(batches.flat()), undefined, limits);
  for (const batch of batches) await deferred.add(batch);
  return deferred.settle();
};

/** The same index without the optional holding methods (as the PostgreSQL one). */
const withoutHolding = (index: StoryIndex): StoryIndex =>
  new Proxy(index, {
    get: (target, key) => {
      if (key === 'holdArticles' || key === 'listHeld' || key === 'releaseHeld') return undefined;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });

/** Articles re-clustered when each batch is settled on its own (what ingest did before). */
const perBatchResettled = async (batches: StoryInput[][]): Promise<number> => {
  const index = new MemoryStoryIndex();
  const load = loader(batches.flat());
  let resettled = 0;
  for (const batch of batches) resettled += (await settleStories(batch, index, load)).resettled;
  return resettled;
};

for (const dated of [true, false]) {
  test(`a run's batches held as a tail give the stories of one pass (${dated ? 'dated' : 'undated'})`, async () => {
    const inputs = corpus(dated);
    const expected = await reference(inputs);
    for (const seed of [1, 2]) {
      const batches = shuffledBatches(inputs, seed);
      const index = new CachingStoryIndex(new MemoryStoryIndex());
      const outcome = await deferredRun(batches, index);
      assert.deepEqual(await partition(index), expected, `seed ${seed}`);
      assert.ok(outcome.opened >= expected.length, `${outcome.opened} opened`);
      const before = await perBatchResettled(batches);
      assert.ok(
        outcome.resettled < before,
        `re-clustered ${outcome.resettled}, per batch ${before}`,
      );
      assert.deepEqual(await index.listHeld!(), [], 'nothing left held');
    }
  });
}

test('an older input after a newer one is re-clustered once, not once per batch', async () => {
  const inputs = corpus(true).sort((a, b) => ((a.order ?? '') < (b.order ?? '') ? -1 : 1));
  // The newer half first, then the older half in ten batches: each comes before the whole newer half.
  const batches = [inputs.slice(75)];
  for (let at = 0; at < 75; at += 8) batches.push(inputs.slice(at, Math.min(at + 8, 75)));
  const index = new MemoryStoryIndex();
  const outcome = await deferredRun(batches, index);
  assert.equal(outcome.resettled, 75, 'the newer half taken out once');
  assert.ok((await perBatchResettled(batches)) > 75 * 5);
  assert.deepEqual(await partition(index), await reference(inputs));
});

test('past its limits a run clusters its tail, and stories still equal one pass', async () => {
  const inputs = corpus(true);
  const index = new MemoryStoryIndex();
  await deferredRun(shuffledBatches(inputs, 5), index, { articles: 25, characters: 1_000_000 });
  assert.deepEqual(await partition(index), await reference(inputs));
});

test('without holding in the index, every late batch re-settles at once: same stories', async () => {
  const inputs = corpus(false);
  const index = withoutHolding(new MemoryStoryIndex());
  await deferredRun(shuffledBatches(inputs, 3), index);
  assert.deepEqual(await partition(index), await reference(inputs));
});

test('a run killed with articles held leaves them to the next, which clusters them', async () => {
  const inputs = corpus(true).sort((a, b) => ((a.order ?? '') < (b.order ?? '') ? -1 : 1));
  const index = new MemoryStoryIndex();
  const load = loader(inputs);
  const first = new DeferredSettle(index, load);
  await first.add(inputs.slice(60));
  await first.add(inputs.slice(0, 20));
  // Killed here: the newer articles were taken out of their stories and are held.
  const held = await index.listHeld();
  assert.equal(held.length, 90);
  assert.equal(await index.getMembership(inputs[100]!.id), undefined);
  const next = new DeferredSettle(index, load);
  await next.add(inputs.slice(20, 60));
  await next.settle();
  assert.deepEqual(await index.listHeld(), []);
  assert.deepEqual(await partition(index), await reference(inputs));
});

test('an article is held once, and one already in a story is not held', async () => {
  const inputs = corpus(false).slice(0, 30);
  const index = new MemoryStoryIndex();
  await settleStories(inputs.slice(10, 20), index, loader(inputs));
  const deferred = new DeferredSettle(index, loader(inputs));
  await deferred.add(inputs.slice(0, 2));
  assert.equal(deferred.holds(inputs[15]!.id), true, 'taken out: ten after two');
  await deferred.add([...inputs.slice(2, 30), ...inputs.slice(0, 30)]);
  assert.equal(deferred.holds(inputs[29]!.id), true, 'after the tail');
  assert.equal(deferred.holds(inputs[7]!.id), false, 'before it: clustered at once');
  await deferred.settle();
  assert.equal(deferred.holds(inputs[29]!.id), false);
  assert.deepEqual(await partition(index), await reference(inputs));
});
