import { after, test } from 'node:test';
import { nearDuplicateIndexContract } from '../../dedup/near-duplicate-index.test-suite.js';
import { freshIndexSchemas } from './index-test-schemas.js';
import { OrganiseTransaction } from './organise-transaction.js';
import {
  POSTGRES_NEAR_DUPLICATE_SCHEMA_SQL,
  PostgresNearDuplicateIndex,
} from './near-duplicate-index.js';
import { skipUnlessPostgres } from './test-database.js';

if (skipUnlessPostgres) {
  test('NearDuplicateIndex contract: PostgreSQL', { skip: skipUnlessPostgres }, () => undefined);
} else {
  const schemas = freshIndexSchemas(
    'dedup',
    POSTGRES_NEAR_DUPLICATE_SCHEMA_SQL,
    (pool) => new PostgresNearDuplicateIndex(new OrganiseTransaction(pool)),
  );
  after(() => schemas.dropAll());
  nearDuplicateIndexContract('PostgreSQL', schemas.create);
}
