import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { assignStory } from './assign-story.js';
import { CachingStoryIndex } from './caching-story-index.js';
import { MemoryStoryIndex } from './memory-story-index.js';
import { storyIndexContract } from './story-index.test-suite.js';
import {
  SqliteStoryIndex,
  STORY_RECENT_POSTINGS_SQL,
  STORY_ORDER_SQL,
  STORY_HELD_SQL,
  STORY_SCHEMA_SQL,
} from '../store/sqlite/story-index.js';

storyIndexContract('cached, in memory', () => new CachingStoryIndex(new MemoryStoryIndex()));

const ARTICLES = [
  'Rescue teams in Malatya pulled survivors from collapsed buildings after the earthquake.',
  'The earthquake in Malatya killed at least twenty people, rescue teams said on Tuesday.',
  'Parliament debated the budget on Monday as ministers defended tax changes.',
  'The central bank held interest rates steady, citing inflation above target.',
];

test('a cache sees what another writer on the same database stored', async () => {
  const db = new Database(':memory:');
  db.exec(STORY_SCHEMA_SQL + STORY_RECENT_POSTINGS_SQL + STORY_ORDER_SQL + STORY_HELD_SQL);
  const mine = new CachingStoryIndex(new SqliteStoryIndex(db));
  const other = new SqliteStoryIndex(db);
  const first = await assignStory({ id: 'a', text: ARTICLES[0] as string }, mine);
  await mine.documentFrequencies(['malatya', 'earthquake']);
  await assignStory({ id: 'b', text: ARTICLES[1] as string }, other);
  const direct = await other.documentFrequencies(['malatya', 'earthquake']);
  const cached = await mine.documentFrequencies(['malatya', 'earthquake']);
  assert.equal(cached.documents, 2);
  assert.deepEqual(cached.frequencies, direct.frequencies);
  assert.deepEqual(await mine.getStory(first.storyId), await other.getStory(first.storyId));
});

test('cached and uncached indexes assign every article to the same story', async () => {
  const plain = new MemoryStoryIndex();
  const cached = new CachingStoryIndex(new MemoryStoryIndex(), { terms: 5, stories: 1 });
  for (const [i, text] of [
    ...ARTICLES,
    ...ARTICLES.map((t) => `${t} Officials said more.`),
  ].entries()) {
    const a = await assignStory({ id: `x${i}`, text }, plain);
    const b = await assignStory({ id: `x${i}`, text }, cached);
    assert.deepEqual(b, a);
  }
  // Term ids start afresh past 5 terms, stories past 1: still the same centroids, to the bit.
  assert.deepEqual(await cached.listStories(), await plain.listStories());
});
