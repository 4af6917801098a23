import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignStory } from './assign-story.js';
import type { StoryInput } from './assign-story.js';
import { CachingStoryIndex } from './caching-story-index.js';
import { MemoryStoryIndex } from './memory-story-index.js';
import { settleStories } from './settle-stories.js';
import type { StoryIndex } from './story-index.js';
import { corpus, partition, shuffledBatches } from './settle-corpus.suite.js';

/** Runs the articles through settleStories in the given batches, as ingest runs would. */
const settleIn = async (batches: StoryInput[][], index: StoryIndex): Promise<number> => {
  const byId = new Map(batches.flat().map((input) => [input.id, input]));
  let resettled = 0;
  for (const batch of batches)
    resettled += (
      await settleStories(batch, index, async (members) =>
        members.map((member) => byId.get(member.articleId) as StoryInput),
      )
    ).resettled;
  return resettled;
};

for (const dated of [true, false]) {
  test(`stories do not depend on arrival order or batching (${dated ? 'dated' : 'undated'})`, async () => {
    const inputs = corpus(dated);
    const single = new MemoryStoryIndex();
    assert.equal(await settleIn([inputs], single), 0);
    const reference = await partition(single);
    assert.ok(reference.length > 3 && reference.length < 100, `${reference.length} stories`);

    // Without the re-settle, arriving in another order gives other stories: the test can fail.
    const naive = new MemoryStoryIndex();
    for (const input of shuffledBatches(inputs, 11).flat()) await assignStory(input, naive);
    assert.notDeepEqual(await partition(naive), reference);

    for (const seed of [1, 2, 3]) {
      const index = new CachingStoryIndex(new MemoryStoryIndex());
      const resettled = await settleIn(shuffledBatches(inputs, seed), index);
      assert.ok(resettled > 0, 'out-of-order batches re-settled');
      assert.deepEqual(await partition(index), reference, `seed ${seed}`);
    }
  });
}

test('articles arriving in canonical order are assigned as they come, never re-settled', async () => {
  const inputs = corpus(true).sort((a, b) => ((a.order ?? '') < (b.order ?? '') ? -1 : 1));
  const index = new MemoryStoryIndex();
  const batches = [inputs.slice(0, 40), inputs.slice(40, 41), inputs.slice(41)];
  assert.equal(await settleIn(batches, index), 0);
});
