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

test('token create --scope admin and --expires-in store the level and the expiry', async () => {
  const before = Date.now();
  const made = await sitrepToken(
    'create',
    'ops',
    '--scope',
    'admin',
    '--expires-in',
    '30d',
    '--json',
  );
  assert.equal(made.code, 0, made.stderr);
  const created = JSON.parse(made.stdout) as { scopes: string[]; expiresAt: string };
  assert.deepEqual(created.scopes, ['read', 'write', 'admin']);
  const expires = Date.parse(created.expiresAt);
  assert.ok(expires >= before + 30 * 86_400_000 && expires <= Date.now() + 30 * 86_400_000);
  const list = await sitrepToken('list');
  assert.match(
    list.stdout,
    new RegExp(`^ops {2}read,write,admin {2}\\S+ {2}expires ${created.expiresAt}$`, 'm'),
  );
  const at = await sitrepToken('create', 'until', '--expires-at', '2099-01-01T00:00:00Z', '--json');
  assert.equal(
    (JSON.parse(at.stdout) as { expiresAt: string }).expiresAt,
    '2099-01-01T00:00:00.000Z',
  );
});

test('token create refuses a bad scope, duration or past expiry with exit 2 and the reason', async () => {
  const scope = await sitrepToken('create', 'x1', '--scope', 'root');
  assert.equal(scope.code, 2);
  const duration = await sitrepToken('create', 'x2', '--expires-in', '30 days');
  assert.equal(duration.code, 2);
  assert.match(duration.stderr, /not a duration/);
  const past = await sitrepToken('create', 'x3', '--expires-at', '2020-01-01T00:00:00Z');
  assert.equal(past.code, 2);
  assert.match(past.stderr, /not in the future/);
  const both = await sitrepToken(
    'create',
    'x4',
    '--expires-in',
    '1d',
    '--expires-at',
    '2099-01-01',
  );
  assert.equal(both.code, 2);
  const list = await sitrepToken('list', '--json');
  assert.ok(!list.stdout.includes('"x'));
});
