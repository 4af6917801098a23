import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../core/seeded-random.js';
import { assignStory } from './assign-story.js';
import type { StoryInput } from './assign-story.js';
import { CachingStoryIndex } from './caching-story-index.js';
import { MemoryStoryIndex } from './memory-story-index.js';
import { settleStories } from './settle-stories.js';
import type { StoryIndex } from './story-index.js';
import { storyOrderKey } from './story-order.js';

// Six events of overlapping vocabulary over three weeks, plus filler words: enough overlap that
// arrival order changes what an incremental pass builds (checked below), so the test can fail.
const EVENTS = [
  'earthquake malatya rubble aftershock rescue afad collapse survivors',
  'frigate glasgow shipyard contract clyde navy jobs order',
  'flood valencia rain roads emergency schools rainfall dana',
  'election ballot turnout parliament coalition vote count results',
  'missile strike kharkiv drone air defence interceptor damage',
  'summit brussels leaders budget tariffs trade agreement talks',
].map((words) => words.split(' '));
const FILLER = 'officials said monday tuesday people city region week local report statement'.split(
  ' ',
);

const corpus = (dated: boolean): StoryInput[] => {
  const random = seededRandom(3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: 150 }, (_, i) => {
    const event = i % EVENTS.length;
    const words = [
      ...Array.from({ length: 6 }, () => pick(EVENTS[event] as string[])),
      ...Array.from({ length: 1 }, () => pick(EVENTS[(event + 1) % EVENTS.length] as string[])),
      ...Array.from({ length: 1 }, () => pick(FILLER)),
    ];
    const id = `a${String(i).padStart(3, '0')}`;
    const published = dated
      ? new Date(Date.UTC(2024, 2, 1 + Math.floor(random() * 21), 9)).toISOString()
      : undefined;
    return {
      id,
      text: words.join(' '),
      ...(published ? { published } : {}),
      order: storyOrderKey(published, `feed#${id}`, id),
    };
  });
};

const partition = async (index: StoryIndex): Promise<string[]> =>
  Promise.all(
    (await index.listStories()).map(async (story) =>
      (await index.listMembers(story.id))
        .map((m) => m.articleId)
        .sort()
        .join(','),
    ),
  ).then((groups) => groups.sort());

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

const shuffledBatches = (inputs: StoryInput[], seed: number): StoryInput[][] => {
  const random = seededRandom(seed);
  const shuffled = [...inputs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as StoryInput, shuffled[i] as StoryInput];
  }
  const batches: StoryInput[][] = [];
  for (let at = 0; at < shuffled.length;) {
    const size = 1 + Math.floor(random() * 40);
    batches.push(shuffled.slice(at, at + size));
    at += size;
  }
  return batches;
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
