import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { storyIndexContract } from '../../stories/story-index.test-suite.js';
import {
  SqliteStoryIndex,
  STORY_RECENT_POSTINGS_SQL,
  STORY_ORDER_SQL,
  STORY_HELD_SQL,
  STORY_SCHEMA_SQL,
} from './story-index.js';

storyIndexContract('SQLite', () => {
  const db = new Database(':memory:');
  db.exec(STORY_SCHEMA_SQL + STORY_RECENT_POSTINGS_SQL + STORY_ORDER_SQL + STORY_HELD_SQL);
  return new SqliteStoryIndex(db);
});

const storyTables = (): { db: Database.Database; index: SqliteStoryIndex } => {
  const db = new Database(':memory:');
  db.exec(STORY_SCHEMA_SQL + STORY_RECENT_POSTINGS_SQL + STORY_ORDER_SQL + STORY_HELD_SQL);
  return { db, index: new SqliteStoryIndex(db) };
};

test('counts kept back in a transaction are read as current, written on flush, dropped on discard', async () => {
  const { db, index } = storyTables();
  const other = new SqliteStoryIndex(db);
  await index.addDocument(['tank', 'port']);
  db.exec('BEGIN');
  await index.addDocument(['tank', 'tank', 'ship']);
  const inside = await index.documentFrequencies(['tank', 'port', 'ship', 'none']);
  assert.equal(inside.documents, 2);
  assert.deepEqual(
    [...inside.frequencies],
    [
      ['tank', 2],
      ['port', 1],
      ['ship', 1],
      ['none', 0],
    ],
  );
  // The story saved now is stamped with the count that includes what is kept back.
  await index.saveStory(
    {
      id: 's',
      title: 't',
      articleCount: 1,
      sources: [],
      centroid: new Map([['tank', 1]]),
      version: 'v',
    },
    ['tank'],
  );
  assert.equal((await other.findStoriesByTerms(['tank'], 5)).length, 1);
  assert.deepEqual(db.prepare('SELECT seq FROM story_lookup_terms').pluck().all(), [2]);
  index.flush();
  db.exec('COMMIT');
  assert.deepEqual(await other.documentFrequencies(['tank', 'ship']), {
    documents: 2,
    frequencies: new Map([
      ['tank', 2],
      ['ship', 1],
    ]),
  });
  db.exec('BEGIN');
  await index.addDocument(['ship']);
  index.discard();
  db.exec('ROLLBACK');
  index.flush();
  assert.equal((await other.documentFrequencies(['ship'])).frequencies.get('ship'), 1);
  assert.equal((await index.documentFrequencies([])).documents, 2);
});
