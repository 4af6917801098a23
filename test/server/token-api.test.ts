import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateToken, hashToken } from '../../src/server/api-token.js';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import { backupSqlite, checksumSqliteFile } from '../../src/store/sqlite/backup.js';
import { bearer, createTestServer, type TestServer } from './test-server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

// The test server's clock is 2026-01-01T00:00:00Z.
describe('token scopes and expiry (reads closed)', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const add = async (name: string, scopes: string[], expiresAt?: string): Promise<void> => {
    tokens[name] = generateToken();
    await server.store.saveApiToken({
      name,
      tokenHash: hashToken(tokens[name]),
      scopes,
      createdAt: '2025-12-01T00:00:00.000Z',
      ...(expiresAt ? { expiresAt } : {}),
    });
  };
  const call = (path: string, token: string, init: RequestInit = {}) =>
    server.app.request(path, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
    });

  before(async () => {
    server = await createTestServer({ readsOpen: false });
    await add('admin', ['read', 'write', 'admin']);
    await add('stale', ['read', 'write', 'admin'], '2025-12-31T23:59:59.000Z');
    await add('fresh', ['read'], '2026-01-01T00:00:01.000Z');
  });
  after(() => server.close());

  test('an expired token is a 401 that says it expired and when; one not yet expired works', async () => {
    const stale = await call('/api/articles', tokens['stale'] ?? '');
    assert.equal(stale.status, 401);
    const body = (await stale.json()) as ErrorBody;
    assert.equal(body.error.code, 'TOKEN_EXPIRED');
    assert.match(body.error.message, /token "stale" expired at 2025-12-31T23:59:59.000Z/);
    assert.match(stale.headers.get('www-authenticate') ?? '', /invalid_token.*expired/);
    // Expiry beats scope: even the admin endpoints refuse it.
    assert.equal((await call('/api/tokens', tokens['stale'] ?? '')).status, 401);
    assert.equal((await call('/api/articles', tokens['fresh'] ?? '')).status, 200);
  });

  test('admin endpoints need the admin scope: 403 for read and write tokens, 401 without one', async () => {
    assert.equal((await server.app.request('/api/tokens')).status, 401);
    const writer = await call('/api/tokens', server.token);
    assert.equal(writer.status, 403);
    assert.match(((await writer.json()) as ErrorBody).error.message, /"admin" scope/);
    assert.match(writer.headers.get('www-authenticate') ?? '', /insufficient_scope/);
    assert.equal((await call('/api/tokens', server.readToken)).status, 403);
  });

  test('an admin lists tokens (never the token or its hash), with expiry and whether it passed', async () => {
    const list = await call('/api/tokens', tokens['admin'] ?? '');
    assert.equal(list.status, 200);
    const { items } = (await list.json()) as { items: Record<string, unknown>[] };
    assert.deepEqual(
      items.map((t) => [t['name'], t['expired'], t['expiresAt']]),
      [
        ['admin', false, null],
        ['fresh', false, '2026-01-01T00:00:01.000Z'],
        ['full', false, null],
        ['reader', false, null],
        ['stale', true, '2025-12-31T23:59:59.000Z'],
      ],
    );
    assert.ok(items.every((t) => !('token' in t) && !('tokenHash' in t)));
  });

  test('an admin creates a scoped, expiring token that works at once, and revokes it', async () => {
    const created = await call('/api/tokens', tokens['admin'] ?? '', {
      method: 'POST',
      body: JSON.stringify({ name: 'bot', scope: 'read', expires_in: '30d' }),
    });
    assert.equal(created.status, 201);
    const made = (await created.json()) as { token: string; scopes: string[]; expiresAt: string };
    assert.deepEqual(made.scopes, ['read']);
    assert.equal(made.expiresAt, '2026-01-31T00:00:00.000Z');
    assert.equal((await call('/api/articles', made.token)).status, 200);
    const ingest = await call('/api/ingest', made.token, { method: 'POST', body: '[]' });
    assert.equal(ingest.status, 403);

    const revoked = await call('/api/tokens/bot', tokens['admin'] ?? '', { method: 'DELETE' });
    assert.equal(revoked.status, 200);
    assert.equal((await call('/api/articles', made.token)).status, 401);
    const again = await call('/api/tokens/bot', tokens['admin'] ?? '', { method: 'DELETE' });
    assert.equal(again.status, 404);
  });

  test('bad creations are 400s with the reason', async () => {
    const create = (body: unknown) =>
      call('/api/tokens', tokens['admin'] ?? '', { method: 'POST', body: JSON.stringify(body) });
    const cases: [unknown, RegExp][] = [
      [{ name: 'admin' }, /exists/],
      [{ name: 'has space' }, /name/],
      [{ name: 'x', scope: 'root' }, /scope/],
      [{ name: 'x', expires_in: 'soon' }, /not a duration/],
      [{ name: 'x', expires_at: '2025-06-01T00:00:00Z' }, /not in the future/],
      [{ name: 'x', expires_at: 'tomorrow' }, /not a time/],
      [{ name: 'x', expires_in: '1d', expires_at: '2027-01-01T00:00:00Z' }, /not both/],
    ];
    for (const [body, reason] of cases) {
      const response = await create(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(((await response.json()) as ErrorBody).error.message, reason);
    }
  });

  test('the UI refuses an expired token in its cookie and says why', async () => {
    const page = await server.app.request('/', {
      headers: { Cookie: `sitrep_token=${tokens['stale'] ?? ''}` },
    });
    assert.equal(page.status, 401);
    assert.match(await page.text(), /expired at 2025-12-31T23:59:59.000Z/);
  });
});

describe('POST /api/admin/backup', () => {
  test('an admin gets a verified SQLite backup of the served store; others get 403; none: 501', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-admin-backup-'));
    const db = join(dir, 'live.db');
    const store = await openStore(db);
    try {
      const admin = generateToken();
      await store.saveApiToken({
        name: 'ops',
        tokenHash: hashToken(admin),
        scopes: ['read', 'write', 'admin'],
        createdAt: '2025-01-01T00:00:00.000Z',
      });
      const writer = generateToken();
      await store.saveApiToken({
        name: 'w',
        tokenHash: hashToken(writer),
        scopes: ['read', 'write'],
        createdAt: '2025-01-01T00:00:00.000Z',
      });
      const app = createApp({
        store,
        auth: { readsOpen: true },
        backup: { kind: 'sqlite', run: (file) => backupSqlite(db, file, { force: true }) },
      });
      const ingest = await app.request('/api/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(writer) },
        body: JSON.stringify([{ id: 'a', title: 'Frigates', text: 'Frigates sailed from Kiel.' }]),
      });
      assert.equal(ingest.status, 200, await ingest.clone().text());
      assert.equal(
        (await app.request('/api/admin/backup', { method: 'POST', headers: bearer(writer) }))
          .status,
        403,
      );
      const response = await app.request('/api/admin/backup', {
        method: 'POST',
        headers: bearer(admin),
      });
      assert.equal(response.status, 200);
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="sitrep-/,
      );
      const saved = join(dir, 'downloaded.backup');
      writeFileSync(saved, Buffer.from(await response.arrayBuffer()));
      const checksum = checksumSqliteFile(saved);
      assert.equal(response.headers.get('x-sitrep-checksum'), checksum.sha256);
      assert.equal(response.headers.get('x-sitrep-articles'), '1');
      assert.equal(checksum.sha256, checksumSqliteFile(db).sha256);

      const without = createApp({ store, auth: { readsOpen: true } });
      const refused = await without.request('/api/admin/backup', {
        method: 'POST',
        headers: bearer(admin),
      });
      assert.equal(refused.status, 501);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
