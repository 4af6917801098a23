import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runEntityArticlesContract } from '../entity-articles-contract.suite.js';
import { runEntityStatsContract } from '../entity-stats-contract.suite.js';
import { ENTITY_STATS_REBUILD_SQL } from '../entity-stats.js';
import { runFactsContract } from '../facts-contract.suite.js';
import { runSearchContract } from '../search-contract.suite.js';
import { runStoreContract, type ContractTarget } from '../store-contract.suite.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

const target: ContractTarget = {
  name: 'sqlite',
  open: async () => SqliteStore.open({ path: join(dir, `store-${++counter}.db`) }),
};
runStoreContract(target);
runSearchContract(target);
runFactsContract(target);
runEntityArticlesContract(target);
runEntityStatsContract(target, async (store) => {
  (store as SqliteStore).database.exec(ENTITY_STATS_REBUILD_SQL);
});

test('sqlite: reopening a file keeps its articles and applies no migration twice', async () => {
  const path = join(dir, 'reopen.db');
  const first = SqliteStore.open({ path });
  await first.saveArticles([
    {
      identityKey: 'hash:x',
      format: 'text',
      provenance: { path: 'x.txt' },
      raw: 'x',
      rawMediaType: 'text/plain',
      itemRecord: '{}',
      text: 'x',
      authors: [],
      categories: [],
      contentHash: 'h',
      stageVersions: {},
    },
  ]);
  await first.close();
  const second = SqliteStore.open({ path });
  assert.equal((await second.countStats()).articles, 1);
  await second.close();
});

test('sqlite: an unopenable path is a clear STORE_UNAVAILABLE error', () => {
  assert.throws(() => SqliteStore.open({ path: join(dir, 'no', 'such', 'dir', 'x.db') }), {
    code: 'STORE_UNAVAILABLE',
  });
});
