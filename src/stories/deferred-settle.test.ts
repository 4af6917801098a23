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

const deferredRun = async (
  batches: StoryInput[][],
  index: StoryIndex,
  limits = { articles: 1_000, characters: 1_000_000 },
) => {
  const deferred = new DeferredSettle(index, loader(batches.flat()), undefined, limits);
  for (const batch of batches) await deferred.add(batch);
  return deferred.settle();
};

for (const dated of [true, false]) {
  test(`holding a run's batches for one settle gives the stories of one pass (${dated ? 'dated' : 'undated'})`, async () => {
    const inputs = corpus(dated);
    const expected = await reference(inputs);
    for (const seed of [1, 2]) {
      const batches = shuffledBatches(inputs, seed);
      const index = new CachingStoryIndex(new MemoryStoryIndex());
      const outcome = await deferredRun(batches, index);
      // Everything was held, so the one settle found an empty index: nothing to re-cluster.
      assert.equal(outcome.resettled, 0);
      // Every story was opened by one of these articles (some opened ones merged later).
      assert.ok(outcome.opened >= expected.length, `${outcome.opened} opened`);
      assert.deepEqual(await partition(index), expected, `seed ${seed}`);
    }
  });
}

test('past its limits a run settles what it holds, and stories still equal one pass', async () => {
  const inputs = corpus(true);
  const expected = await reference(inputs);
  const index = new MemoryStoryIndex();
  // Settles every ~25 articles: out-of-order batches then re-settle, as separate runs would.
  const outcome = await deferredRun(shuffledBatches(inputs, 5), index, {
    articles: 25,
    characters: 1_000_000,
  });
  assert.ok(outcome.resettled > 0, 'later settles re-clustered earlier ones');
  assert.deepEqual(await partition(index), expected);
});

test('an article is held once, and one already in a story is not held', async () => {
  const inputs = corpus(false).slice(0, 30);
  const index = new MemoryStoryIndex();
  await settleStories(inputs.slice(0, 10), index, loader(inputs));
  const deferred = new DeferredSettle(index, loader(inputs));
  await deferred.add(inputs.slice(0, 20));
  await deferred.add(inputs.slice(15, 30));
  assert.equal(deferred.holds(inputs[5]!.id), false, 'already in a story');
  assert.equal(deferred.holds(inputs[12]!.id), true);
  assert.equal(deferred.holds(inputs[29]!.id), true);
  await deferred.settle();
  assert.equal(deferred.holds(inputs[29]!.id), false);
  assert.deepEqual(await partition(index), await reference(inputs));
});
