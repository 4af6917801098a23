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

// Everything kept back (pending-stories.ts, counts) and read through the overlay, never committed.
storyIndexContract('SQLite, inside an open transaction', () => {
  const db = new Database(':memory:');
  db.exec(STORY_SCHEMA_SQL + STORY_RECENT_POSTINGS_SQL + STORY_ORDER_SQL + STORY_HELD_SQL);
  db.exec('BEGIN');
  return new SqliteStoryIndex(db);
});

const storyTables = (): { db: Database.Database; index: SqliteStoryIndex } => {
  const db = new Database(':memory:');
  db.exec(STORY_SCHEMA_SQL + STORY_RECENT_POSTINGS_SQL + STORY_ORDER_SQL + STORY_HELD_SQL);
  return { db, index: new SqliteStoryIndex(db) };
};

test('counts and story saves kept back in a transaction are read as current, written on flush, dropped on discard', async () => {
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
  // ... kept back too: read through this index, written to the tables on flush.
  assert.deepEqual(await index.findStoriesByTerms(['tank'], 5), [{ storyId: 's', sharedTerms: 1 }]);
  assert.equal((await index.getStory('s'))?.title, 't');
  assert.deepEqual(db.prepare('SELECT seq FROM story_lookup_terms').pluck().all(), []);
  index.flush();
  db.exec('COMMIT');
  assert.deepEqual(db.prepare('SELECT seq FROM story_lookup_terms').pluck().all(), [2]);
  assert.deepEqual(await other.findStoriesByTerms(['tank'], 5), [{ storyId: 's', sharedTerms: 1 }]);
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

test('lookups over saves kept back equal lookups over saves written at once, merges included', async () => {
  const direct = storyTables();
  const kept = storyTables();
  const terms = ['tank', 'port', 'ship', 'gas', 'oil'];
  const save = async (index: SqliteStoryIndex, step: number) => {
    const id = `story-${step % 7}`;
    // Each save drops some lookup terms and takes others: stale rows in the tables.
    const lookup = terms.filter((_, i) => (step * 3 + i) % 4 !== 0);
    // Now and then another story merges into this one: its rows go at once.
    if (step % 5 === 0) await index.moveMembers(`story-${(step + 3) % 7}`, id);
    await index.addDocument(lookup);
    await index.saveStory(
      {
        id,
        title: id,
        articleCount: step,
        sources: [],
        centroid: new Map([['tank', step]]),
        version: 'v',
      },
      lookup,
    );
  };
  for (let step = 0; step < 12; step++) {
    await save(direct.index, step);
    await save(kept.index, step);
  }
  kept.index.flush();
  kept.db.exec('BEGIN');
  for (let step = 12; step < 40; step++) {
    await save(direct.index, step);
    await save(kept.index, step);
    for (const perTerm of [1, 2, 3, 8])
      assert.deepEqual(
        await kept.index.findStoriesByTerms(terms, 10, perTerm),
        await direct.index.findStoriesByTerms(terms, 10, perTerm),
        `step ${step}, ${perTerm} per term`,
      );
  }
  kept.index.flush();
  kept.db.exec('COMMIT');
  const rows = (db: Database.Database) =>
    db.prepare('SELECT * FROM story_lookup_terms ORDER BY term, story_id').all();
  assert.deepEqual(rows(kept.db), rows(direct.db));
  assert.deepEqual(await kept.index.listStories(), await direct.index.listStories());
});
