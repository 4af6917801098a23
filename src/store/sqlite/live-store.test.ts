import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runLiveContract } from '../live-contract.suite.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-live-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

runLiveContract({
  name: 'sqlite',
  open: async () => SqliteStore.open({ path: join(dir, `live-${++counter}.db`) }),
});
