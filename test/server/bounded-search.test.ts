import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateToken, hashToken } from '../../src/server/api-token.js';
import {
  boundSearches,
  searchSessionSettings,
  type BoundedSearchStore,
} from '../../src/server/bounded-search.js';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { ArticleStore } from '../../src/store/port.js';
import { connect } from '../../src/store/postgres/connection.js';
import {
  createTestSchema,
  skipUnlessPostgres,
  TEST_PG_URL,
} from '../../src/store/postgres/test-database.js';
import { SAMPLE_RECORDS } from './test-server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('searches bounded in cost and time, off the event loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bounded-'));
  const path = join(dir, 'store.db');
  let store: ArticleStore;
  let bounded: BoundedSearchStore;
  let tight: BoundedSearchStore;
  const appOver = (over: ArticleStore) =>
    createApp({ store: over, auth: { readsOpen: true }, logError: () => undefined });

  before(async () => {
    store = await openStore(path);
    const token = generateToken();
    await store.saveApiToken({
      name: 'w',
      tokenHash: hashToken(token),
      scopes: ['read', 'write'],
      createdAt: new Date().toISOString(),
    });
    const posted = await appOver(store).request('/api/ingest', {
      method: 'POST',
      body: JSON.stringify(SAMPLE_RECORDS),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });
    assert.equal(posted.status, 200);
    bounded = await boundSearches(store, path, { budgetMs: 20_000 });
    tight = await boundSearches(store, path, { budgetMs: 1 });
  });
  after(async () => {
    await bounded.close();
    await tight.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a search through the worker threads answers as the store itself does', async () => {
    const direct = await (await appOver(store).request('/api/search?q=himars')).json();
    const viaWorkers = await (await appOver(bounded.store).request('/api/search?q=himars')).json();
    assert.deepEqual(viaWorkers, direct);
    assert.ok((direct as { total: number }).total >= 1);
  });

  test('/healthz answers at once while searches are running', async () => {
    const app = appOver(bounded.store);
    const searches = Array.from({ length: 4 }, (_, i) =>
      app.request(`/api/search?q=${encodeURIComponent(`himars OR patriot${i}`)}`),
    );
    const started = performance.now();
    const health = await app.request('/healthz');
    const elapsed = performance.now() - started;
    assert.equal(health.status, 200);
    assert.ok(elapsed < 100, `healthz took ${elapsed.toFixed(1)} ms`);
    for (const response of await Promise.all(searches)) assert.equal(response.status, 200);
  });

  test('a search past its budget is a 503 naming the budget and what to do', async () => {
    const response = await appOver(tight.store).request('/api/search?q=himars');
    assert.equal(response.status, 503);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, 'QUERY_TIMEOUT');
    assert.match(body.error.message, /did not finish within 1 ms .* narrow it/);
  });

  test("issue 16's hostile queries are a 400 with a reason, before touching the store", async () => {
    const app = appOver(bounded.store);
    for (const q of [
      Array(1300).fill('a*').join(' '),
      Array(550).fill('the').join(' OR '),
      Array(1000).fill('-a*').join(' '),
    ]) {
      const started = performance.now();
      const response = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as ErrorBody).error.message, /at most/);
      assert.ok(performance.now() - started < 2000);
    }
  });

  test('an API body nested 100,000 deep is a 400, not a 500', async () => {
    const token = generateToken();
    await store.saveApiToken({
      name: 'deep',
      tokenHash: hashToken(token),
      scopes: ['read', 'write'],
      createdAt: new Date().toISOString(),
    });
    const body = `{"text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const response = await appOver(bounded.store).request('/api/ingest', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as ErrorBody).error.message, /nested more than 1024/);
  });
});

describe('security headers', () => {
  test('the raw endpoint keeps its own sandbox policy; every response forbids framing', async () => {
    const { createTestServer, bearer } = await import('./test-server.js');
    const server = await createTestServer({ readsOpen: true });
    try {
      const posted = await server.app.request('/api/ingest', {
        method: 'POST',
        body: JSON.stringify(SAMPLE_RECORDS),
        headers: { 'Content-Type': 'application/json', ...bearer(server.token) },
      });
      assert.equal(posted.status, 200);
      const found = (await (await server.app.request('/api/search?q=himars')).json()) as {
        hits: { id: string }[];
      };
      const raw = await server.app.request(`/api/articles/${found.hits[0]?.id ?? ''}/raw`);
      assert.equal(raw.status, 200);
      const csp = raw.headers.get('content-security-policy') ?? '';
      assert.match(csp, /^sandbox; default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      for (const path of ['/healthz', '/api/search?q=himars', '/nope']) {
        const response = await server.app.request(path);
        assert.match(
          response.headers.get('content-security-policy') ?? '',
          /frame-ancestors 'none'/,
        );
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      }
    } finally {
      await server.close();
    }
  });
});

describe('rate limits weighted by cost', () => {
  test('a client past its budget gets 429 with Retry-After; loopback and /healthz are exempt', async () => {
    const { createTestServer } = await import('./test-server.js');
    const server = await createTestServer({ readsOpen: true });
    try {
      let clock = 0;
      let address = '203.0.113.9';
      const app = createApp({
        store: server.store,
        auth: { readsOpen: true },
        rateLimits: {
          perClient: { burst: 10, perSecond: 1 },
          perToken: { burst: 100, perSecond: 10 },
          exemptLoopback: true,
          clientAddress: () => address,
          now: () => clock,
        },
      });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.request('/api/search?q=himars')).status);
      assert.deepEqual(statuses, [200, 200, 429], 'searches cost 4 of the 10 units');
      const refused = await app.request('/api/search?q=himars');
      assert.equal(refused.headers.get('retry-after'), '2');
      assert.equal(((await refused.json()) as ErrorBody).error.code, 'RATE_LIMITED');
      assert.equal((await app.request('/healthz')).status, 200);
      assert.equal((await app.request('/api/stats')).status, 200, 'a read costs 1 unit');
      clock += 4000;
      assert.equal((await app.request('/api/search?q=himars')).status, 200, 'refilled');
      address = '127.0.0.1';
      for (let i = 0; i < 20; i++) assert.equal((await app.request('/api/stats')).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('bounded searches on PostgreSQL', () => {
  test(
    'the search pool answers as the store does, and statement_timeout becomes a 503',
    { skip: skipUnlessPostgres },
    async () => {
      const schema = createTestSchema('bounded');
      const store = await openStore(schema.url);
      const roomy = await boundSearches(store, schema.url, { budgetMs: 20_000 });
      const tiny = await boundSearches(store, schema.url, { budgetMs: 1 });
      try {
        const token = generateToken();
        await store.saveApiToken({
          name: 'w',
          tokenHash: hashToken(token),
          scopes: ['read', 'write'],
          createdAt: new Date().toISOString(),
        });
        const app = (over: ArticleStore) =>
          createApp({ store: over, auth: { readsOpen: true }, logError: () => undefined });
        const posted = await app(store).request('/api/ingest', {
          method: 'POST',
          body: JSON.stringify(SAMPLE_RECORDS),
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        });
        assert.equal(posted.status, 200);
        const direct = await (await app(store).request('/api/search?q=himars')).json();
        const pooled = await (await app(roomy.store).request('/api/search?q=himars')).json();
        assert.deepEqual(pooled, direct);
        // 1 ms: PostgreSQL cancels the statement itself (or the search is too quick to notice).
        const response = await app(tiny.store).request('/api/search?q=himars%20OR%20patriot');
        assert.ok([200, 503].includes(response.status), String(response.status));
        if (response.status === 503)
          assert.equal(((await response.json()) as ErrorBody).error.code, 'QUERY_TIMEOUT');
      } finally {
        await roomy.close();
        await tiny.close();
        await store.close();
        await schema.drop();
      }
    },
  );

  test(
    "the search pool's sessions run with the budget as statement_timeout and without JIT",
    { skip: skipUnlessPostgres },
    async () => {
      const { pool } = await connect({
        url: TEST_PG_URL ?? '',
        poolMax: 1,
        sessionSettings: searchSessionSettings(1234),
      });
      try {
        const shown = await pool.query<{ timeout: string; jit: string }>(
          "SELECT current_setting('statement_timeout') AS timeout, current_setting('jit') AS jit",
        );
        assert.deepEqual(shown.rows[0], { timeout: '1234ms', jit: 'off' });
      } finally {
        await pool.end();
      }
    },
  );
});
