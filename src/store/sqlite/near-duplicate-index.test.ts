import Database from 'better-sqlite3';
import { nearDuplicateIndexContract } from '../../dedup/near-duplicate-index.test-suite.js';
import { NEAR_DUPLICATE_SCHEMA_SQL, SqliteNearDuplicateIndex } from './near-duplicate-index.js';

nearDuplicateIndexContract('SQLite', () => {
  const db = new Database(':memory:');
  db.exec(NEAR_DUPLICATE_SCHEMA_SQL);
  return new SqliteNearDuplicateIndex(db);
});
