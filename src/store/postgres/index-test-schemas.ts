import type pg from 'pg';
import { connect } from './connection.js';
import { createTestSchema, type TestSchema } from './test-database.js';

/**
 * Test support for the index contract suites, whose factories are synchronous: each call gets a
 * fresh schema holding only the index's tables, created on first use; the returned object forwards
 * every method once the schema is ready. `dropAll` closes the pools and drops the schemas.
 */
export const freshIndexSchemas = <T extends object>(
  label: string,
  schemaSql: string,
  make: (pool: pg.Pool) => T,
): { create: () => T; dropAll: () => Promise<void> } => {
  const opened: { schema: TestSchema; pool: Promise<pg.Pool> }[] = [];
  const create = (): T => {
    const schema = createTestSchema(label);
    const pool = connect({ url: schema.url, poolMax: 3 }).then(async ({ pool }) => {
      await pool.query(schemaSql);
      return pool;
    });
    opened.push({ schema, pool });
    const index = pool.then(make);
    return new Proxy({} as T, {
      // Not a thenable: `then` stays undefined so awaiting the index itself does not hang.
      get: (_target, method) =>
        method === 'then'
          ? undefined
          : async (...args: unknown[]) => {
              const ready = (await index) as Record<PropertyKey, (...a: unknown[]) => unknown>;
              return ready[method]?.(...args);
            },
    });
  };
  const dropAll = async (): Promise<void> => {
    for (const { schema, pool } of opened) {
      await (await pool.catch(() => undefined))?.end();
      await schema.drop();
    }
  };
  return { create, dropAll };
};
