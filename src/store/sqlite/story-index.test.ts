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
