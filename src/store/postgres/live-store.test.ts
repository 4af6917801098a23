import { after } from 'node:test';
import { runLiveContract } from '../live-contract.suite.js';
import { PostgresStore } from './postgres-store.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

if (skipUnlessPostgres) console.log(`live-store: ${skipUnlessPostgres}`);

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

runLiveContract({
  name: 'postgres',
  open: async () => {
    const schema = createTestSchema('live');
    schemas.push(schema);
    return PostgresStore.open({ url: schema.url, poolMax: 4 });
  },
  skip: skipUnlessPostgres,
});
