import { runLedgerContract } from '../ledger-contract.suite.js';
import { SqliteStore } from './sqlite-store.js';

runLedgerContract({
  name: 'sqlite',
  open: async () => {
    const store = SqliteStore.open({ path: ':memory:' });
    return { ledger: store.ledger, close: () => store.close() };
  },
});
