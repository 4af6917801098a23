import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { register } from '../../src/cli/token-command.js';
import { hashToken } from '../../src/server/api-token.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../cli/cli-harness.js';
import { runCommand } from './command-runner.js';

const dir = tempDir('sitrep-token-');
after(() => dir.remove());
const db = join(dir.path, 'tokens.db');
const sitrepToken = (...args: string[]) =>
  runCommand(register, ['token', ...args, '--db', db]).done;

test('token create prints a random token once and stores only its sha256', async () => {
  const first = await sitrepToken('create', 'analyst');
  assert.equal(first.code, 0, first.stderr);
  const token = first.stdout.trim();
  assert.match(token, /^sitrep_[A-Za-z0-9_-]{43}$/);
  assert.match(first.stderr, /shown only this once/);
  const second = await sitrepToken('create', 'ingester', '--json');
  const created = JSON.parse(second.stdout) as { token: string; scopes: string[] };
  assert.notEqual(created.token, token);
  assert.deepEqual(created.scopes, ['read', 'write']);

  const store = await openStore(db);
  try {
    const records = await store.listApiTokens();
    assert.deepEqual(
      records.map((r) => r.name),
      ['analyst', 'ingester'],
    );
    assert.equal((await store.findApiToken(hashToken(token)))?.name, 'analyst');
    assert.ok(records.every((r) => r.tokenHash !== token && r.tokenHash !== created.token));
  } finally {
    await store.close();
  }
});

test('token create refuses a duplicate or malformed name; --read-only limits scopes', async () => {
  assert.equal((await sitrepToken('create', 'analyst')).code, 2);
  assert.equal((await sitrepToken('create', 'has space')).code, 2);
  const reader = await sitrepToken('create', 'reader', '--read-only', '--json');
  assert.deepEqual((JSON.parse(reader.stdout) as { scopes: string[] }).scopes, ['read']);
});

test('token list never shows tokens; revoke removes one by name', async () => {
  const list = await sitrepToken('list', '--json');
  const rows = JSON.parse(list.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    rows.map((r) => r['name']),
    ['analyst', 'ingester', 'reader'],
  );
  assert.ok(rows.every((r) => !('token' in r) && !('tokenHash' in r)));
  assert.equal((await sitrepToken('revoke', 'ingester')).code, 0);
  assert.equal((await sitrepToken('revoke', 'ingester')).code, 1);
  const after = await sitrepToken('list');
  assert.doesNotMatch(after.stdout, /ingester/);
  assert.match(after.stdout, /^analyst {2}read,write {2}/m);
});
