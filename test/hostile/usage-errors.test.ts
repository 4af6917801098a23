import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runSitrep, tempDir } from '../cli/cli-harness.js';

describe('what the user typed is wrong: exit 2 with a plain message', () => {
  const dir = tempDir('sitrep-usage-');
  after(() => dir.remove());

  test('sitrep stats --db on a binary file', async () => {
    const binary = join(dir.path, 'photo.bin');
    writeFileSync(binary, randomBytes(4096));
    const run = await runSitrep(['stats', '--db', binary]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /photo\.bin is not a sitrep database \(not an SQLite file\)/);
    assert.doesNotMatch(run.stderr, /internal error/);
  });

  test('sitrep stats --db on a text file and on a directory', async () => {
    const text = join(dir.path, 'notes.txt');
    writeFileSync(text, 'just some notes\n');
    assert.equal((await runSitrep(['stats', '--db', text])).code, 2);
    const run = await runSitrep(['stats', '--db', dir.path]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is a directory/);
  });

  test('sitrep ingest of a missing file', async () => {
    const run = await runSitrep(['ingest', 'missing.txt', '--db', join(dir.path, 'a.db')]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim(), 'sitrep ingest: missing.txt: no such file or directory');
  });
});
