import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import {
  createTestSchema,
  skipUnlessPostgres,
  TEST_PG_URL,
  type TestSchema,
} from '../../src/store/postgres/test-database.js';
import { repoPath, sharedPath } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

interface Checksum {
  articles: number;
  sha256: string;
  organiseSha256: string;
}

/**
 * `sitrep backup` / `restore` on PostgreSQL, for real against SITREP_TEST_PG, each store in its own
 * schema: pg_dump of a store that another process is ingesting into, then restores verified by the
 * store checksum (into the same schema after losing it, and into another schema).
 */
describe('backup and restore on PostgreSQL', { skip: skipUnlessPostgres, timeout: 600_000 }, () => {
  const dir = tempDir('sitrep-pg-backup-');
  const schemas: TestSchema[] = [];
  const schema = (label: string): TestSchema => {
    const made = createTestSchema(label);
    schemas.push(made);
    return made;
  };
  after(async () => {
    dir.remove();
    await Promise.all(schemas.map((s) => s.drop()));
  });
  const dropSchema = async (name: string): Promise<void> => {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA "${name}" CASCADE`);
    } finally {
      await client.end();
    }
  };

  test('backup while another process ingests; lose the schema; restore it, then into another', async () => {
    const live = schema('bk');
    const seeded = await runSitrep(['ingest', repoPath('examples/sample'), '--db', live.url]);
    assert.equal(seeded.code, 0, seeded.stderr);

    // A second process keeps writing during the backup (BBC when present, else the sample again).
    const more = sharedPath('corpora/bbc-fulltext/politics') ?? repoPath('examples/sample');
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', repoPath('src/main.ts'), 'ingest', more, '--db', live.url, '--no-enrich'],
      { cwd: repoPath(), stdio: 'ignore' },
    );
    const writerDone = new Promise((resolve) => writer.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const file = join(dir.path, 'store.dump');
    const backup = await runSitrep(['backup', file, '--db', live.url, '--json']);
    await writerDone;
    assert.equal(backup.code, 0, backup.stderr);
    const made = backup.json<{ checksum: Checksum; schema: string; bytes: number }>();
    assert.equal(made.schema, live.schema);
    assert.ok(made.checksum.articles >= 30 && made.bytes > 0);
    assert.ok(existsSync(`${file}.checksum.json`));
    const recorded = JSON.parse(readFileSync(`${file}.checksum.json`, 'utf8')) as {
      checksum: Checksum;
    };
    assert.deepEqual(recorded.checksum, made.checksum);

    // Refused while the dumped schema exists and is not the target, or the target is not empty.
    const other = schema('rs');
    const refused = await runSitrep(['restore', file, '--db', other.url]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /holds schema .* which exists/);
    const busy = await runSitrep(['restore', file, '--db', live.url]);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /is not empty; pass --force/);

    // The store is lost; restored under its own name, then under another: both verified.
    await dropSchema(live.schema);
    const same = await runSitrep(['restore', file, '--db', live.url, '--json']);
    assert.equal(same.code, 0, same.stderr);
    const sameReport = same.json<{ restoredChecksum: Checksum; verified: boolean }>();
    assert.equal(sameReport.verified, true);
    assert.deepEqual(sameReport.restoredChecksum, made.checksum);
    const search = await runSitrep(['search', 'nato', '--db', live.url, '--json']);
    assert.equal(search.code, 0, search.stderr);

    await dropSchema(live.schema);
    const renamed = await runSitrep(['restore', file, '--db', other.url, '--json']);
    assert.equal(renamed.code, 0, renamed.stderr);
    const renamedReport = renamed.json<{ restoredChecksum: Checksum; verified: boolean }>();
    assert.equal(renamedReport.verified, true);
    assert.deepEqual(renamedReport.restoredChecksum, made.checksum);
  });

  test('a missing pg_dump is a clear usage error naming the tool', async () => {
    const store = schema('nt');
    assert.equal(
      (await runSitrep(['ingest', repoPath('examples/sample'), '--db', store.url])).code,
      0,
    );
    const run = await runSitrep(['backup', join(dir.path, 'x.dump'), '--db', store.url], {
      env: { SITREP_PG_DUMP: join(dir.path, 'no-such-pg_dump') },
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pg_dump was not found: install the PostgreSQL client tools/);
    assert.ok(!existsSync(join(dir.path, 'x.dump')));
  });
});
