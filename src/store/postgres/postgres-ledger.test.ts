import { after } from 'node:test';
import { runLedgerContract } from '../ledger-contract.suite.js';
import { PostgresStore } from './postgres-store.js';
import { createTestSchema, skipUnlessPostgres, type TestSchema } from './test-database.js';

const schemas: TestSchema[] = [];
after(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

runLedgerContract({
  name: 'postgres',
  skip: skipUnlessPostgres,
  open: async () => {
    const schema = createTestSchema('ledger');
    schemas.push(schema);
    const store = await PostgresStore.open({ url: schema.url, poolMax: 2 });
    return { ledger: store.ledger, close: () => store.close() };
  },
});
