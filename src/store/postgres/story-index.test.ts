import { after, test } from 'node:test';
import { storyIndexContract } from '../../stories/story-index.test-suite.js';
import type { StoryIndex } from '../../stories/story-index.js';
import { freshIndexSchemas } from './index-test-schemas.js';
import { OrganiseTransaction } from './organise-transaction.js';
import {
  POSTGRES_STORY_RECENT_POSTINGS_SQL,
  POSTGRES_STORY_ORDER_SQL,
  POSTGRES_STORY_SCHEMA_SQL,
  PostgresStoryIndex,
} from './story-index.js';
import { POSTGRES_STORY_CHANGES_SQL } from './story-changes.js';
import { skipUnlessPostgres } from './test-database.js';

/** Every call in an organising transaction of its own: the buffered counts and their flush. */
const callInTransaction = (organising: OrganiseTransaction, index: StoryIndex): StoryIndex =>
  new Proxy(index, {
    get: (target, method) => {
      const value = Reflect.get(target, method) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        organising.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });

if (skipUnlessPostgres) {
  test('StoryIndex contract: PostgreSQL', { skip: skipUnlessPostgres }, () => undefined);
} else {
  const plain = freshIndexSchemas(
    'story',
    POSTGRES_STORY_SCHEMA_SQL +
      POSTGRES_STORY_RECENT_POSTINGS_SQL +
      POSTGRES_STORY_ORDER_SQL +
      POSTGRES_STORY_CHANGES_SQL,
    (pool) => new PostgresStoryIndex(new OrganiseTransaction(pool)),
  );
  const transactional = freshIndexSchemas(
    'storytx',
    POSTGRES_STORY_SCHEMA_SQL +
      POSTGRES_STORY_RECENT_POSTINGS_SQL +
      POSTGRES_STORY_ORDER_SQL +
      POSTGRES_STORY_CHANGES_SQL,
    (pool) => {
      const organising = new OrganiseTransaction(pool);
      return callInTransaction(organising, new PostgresStoryIndex(organising));
    },
  );
  after(() => Promise.all([plain.dropAll(), transactional.dropAll()]));
  storyIndexContract('PostgreSQL', plain.create);
  storyIndexContract('PostgreSQL, each call in an organising transaction', transactional.create);
}
