import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { repoPath } from '../shared-data.js';
import { runSitrep, tempDir } from './cli-harness.js';

const dir = tempDir('sitrep-backup-');
after(() => dir.remove());

interface Checksum {
  articles: number;
  sha256: string;
  organiseSha256: string;
}

test('backup of a store, then restore into a new file: the checksums are equal', async () => {
  const db = join(dir.path, 'live.db');
  const ingest = await runSitrep(['ingest', repoPath('examples/sample'), '--db', db, '--json']);
  assert.equal(ingest.code, 0, ingest.stderr);
  const backupFile = join(dir.path, 'live.backup');
  const backup = await runSitrep(['backup', backupFile, '--db', db, '--json']);
  assert.equal(backup.code, 0, backup.stderr);
  const made = backup.json<{ checksum: Checksum }>();
  assert.ok(made.checksum.articles >= 30);

  const restored = join(dir.path, 'restored.db');
  const restore = await runSitrep(['restore', backupFile, '--db', restored, '--json']);
  assert.equal(restore.code, 0, restore.stderr);
  const report = restore.json<{ restoredChecksum: Checksum; verified: boolean }>();
  assert.equal(report.verified, true);
  assert.deepEqual(report.restoredChecksum, made.checksum);

  const search = await runSitrep(['search', 'nato', '--db', restored, '--json']);
  assert.equal(search.code, 0, search.stderr);
});

test('backup while another connection writes gives a consistent, verified snapshot', async () => {
  const db = join(dir.path, 'busy.db');
  assert.equal((await runSitrep(['ingest', repoPath('examples/sample'), '--db', db])).code, 0);
  const writer = new Database(db);
  writer.exec('CREATE TABLE IF NOT EXISTS scratch (n INTEGER)');
  const insert = writer.prepare('INSERT INTO scratch VALUES (?)');
  let n = 0;
  const timer = setInterval(() => insert.run(n++), 1);
  try {
    const backup = await runSitrep(['backup', join(dir.path, 'busy.backup'), '--db', db, '--json']);
    assert.equal(backup.code, 0, backup.stderr);
  } finally {
    clearInterval(timer);
    writer.close();
  }
  const restore = await runSitrep([
    'restore',
    join(dir.path, 'busy.backup'),
    '--db',
    join(dir.path, 'busy-restored.db'),
    '--json',
  ]);
  assert.equal(restore.json<{ verified: boolean }>().verified, true);
});

test('backup refuses to overwrite, and restore refuses a file that is not a backup', async () => {
  const db = join(dir.path, 'refuse.db');
  assert.equal((await runSitrep(['ingest', repoPath('examples/sample'), '--db', db])).code, 0);
  const existing = join(dir.path, 'exists.backup');
  writeFileSync(existing, 'keep me');
  const backup = await runSitrep(['backup', existing, '--db', db]);
  assert.equal(backup.code, 2);
  assert.match(backup.stderr, /already exists; pass --force/);
  const restore = await runSitrep(['restore', existing, '--db', join(dir.path, 'x.db')]);
  assert.equal(restore.code, 2);
  assert.match(restore.stderr, /not a sitrep database/);
  const missing = await runSitrep([
    'restore',
    join(dir.path, 'nope'),
    '--db',
    join(dir.path, 'y.db'),
  ]);
  assert.equal(missing.code, 2);
});
