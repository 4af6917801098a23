import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStoryIndex } from './memory-story-index.js';
import type { StoryRecord } from './story-index.js';
import { pageStories } from './story-listing.js';

const story = (id: string, lastSeen: string, articleCount = 1, title = id): StoryRecord => ({
  id,
  title,
  firstSeen: lastSeen,
  lastSeen,
  articleCount,
  sources: [],
  centroid: new Map(),
  version: 'test',
});

const pageAll = async (index: MemoryStoryIndex, limit: number, between?: () => Promise<void>) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageStories(index, { limit, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor;
    await between?.();
  } while (cursor);
  return ids;
};

test('pages follow listStories order and end without an empty page', async () => {
  const index = new MemoryStoryIndex();
  for (const [i, day] of ['2025-01-03', '2025-01-01', '2025-01-02', '2025-01-02'].entries())
    await index.saveStory(story(`s${i}`, day), []);
  const ids = await pageAll(index, 2);
  assert.deepEqual(
    ids,
    (await index.listStories()).map((s) => s.id),
  );
  assert.deepEqual(ids, ['s0', 's2', 's3', 's1']);
  const exact = await pageStories(index, { limit: 4 });
  assert.equal(exact.nextCursor, undefined, 'no cursor when nothing follows');
});

test('a story opening while someone pages neither repeats nor hides the rest', async () => {
  const index = new MemoryStoryIndex();
  for (let i = 0; i < 6; i++) await index.saveStory(story(`s${i}`, `2025-01-0${i + 1}`), []);
  let opened = 0;
  // An offset cursor would show the story pushed down by each newcomer a second time.
  const ids = await pageAll(index, 2, async () => {
    await index.saveStory(story(`new${opened++}`, '2026-01-01'), []);
  });
  assert.deepEqual(ids, ['s5', 's4', 's3', 's2', 's1', 's0']);
});

test('title and size filters, and a cursor that is not ours', async () => {
  const index = new MemoryStoryIndex();
  await index.saveStory(story('a', '2025-01-01', 3, 'HIMARS for Poland'), []);
  await index.saveStory(story('b', '2025-01-02', 1, 'More himars'), []);
  await index.saveStory(story('c', '2025-01-03', 5, 'Patriot'), []);
  const titled = await pageStories(index, { limit: 10, titleContains: 'HiMaRs' });
  assert.deepEqual(
    titled.items.map((s) => s.id),
    ['b', 'a'],
  );
  const several = await pageStories(index, { limit: 10, minArticles: 2 });
  assert.deepEqual(
    several.items.map((s) => s.id),
    ['c', 'a'],
  );
  await assert.rejects(pageStories(index, { limit: 1, cursor: 'bm90LWpzb24' }), {
    code: 'INVALID_ARGUMENT',
  });
});
