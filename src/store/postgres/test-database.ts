import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: SITREP_TEST_PG names a server (CI sets it). Each test gets its own schema
 * so test files run concurrently without seeing each other's rows; the schema is dropped after.
 */
export const TEST_PG_URL = process.env['SITREP_TEST_PG'];

/** For `test(name, { skip: skipUnlessPostgres }, ...)`: false when configured, else a visible reason. */
export const skipUnlessPostgres: false | string = TEST_PG_URL
  ? false
  : 'SITREP_TEST_PG is not set (e.g. postgres://postgres@127.0.0.1:5432/test): PostgreSQL tests skipped';

export interface TestSchema {
  readonly schema: string;
  /** The server URL with `?schema=…`, as a user would pass it to --db. */
  readonly url: string;
  readonly drop: () => Promise<void>;
}

export const createTestSchema = (label = 't'): TestSchema => {
  if (!TEST_PG_URL) throw new Error('SITREP_TEST_PG is not set');
  const schema = `sitrep_test_${label}_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('schema', schema);
  return {
    schema,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
};
