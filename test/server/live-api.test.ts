import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { evaluateNewArticles } from '../../src/watchlists/evaluate-new-articles.js';
import { bearer, createTestServer, SAMPLE_RECORDS, type TestServer } from './test-server.js';

let server: TestServer;
before(async () => {
  server = await createTestServer({ readsOpen: false });
});
after(() => server.close());

const call = async (method: string, path: string, body?: unknown, token = server.token) => {
  const response = await server.app.request(path, {
    method,
    headers: {
      ...bearer(token),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    json: json as Record<string, unknown> & { items?: Record<string, unknown>[] },
    text,
    type: response.headers.get('content-type'),
  };
};

test('sources: add, list with health, pause, remove; writes need the write scope', async () => {
  const denied = await call(
    'POST',
    '/api/sources',
    { urls: ['http://127.0.0.1:9/feed.xml'] },
    server.readToken,
  );
  assert.equal(denied.status, 403);
  const added = await call('POST', '/api/sources', {
    urls: ['http://127.0.0.1:9/feed.xml', 'gopher://x'],
    full_text: 'never',
  });
  assert.equal(added.status, 201);
  assert.equal((added.json['invalid'] as unknown[]).length, 1);
  const id = (added.json['added'] as { id: string }[])[0]!.id;
  const list = await call('GET', '/api/sources');
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.items?.[0]?.['state'], 'active');
  assert.equal(list.json.items?.[0]?.['full_text'], 'never');
  assert.deepEqual(list.json['counts'], { active: 1, paused: 0, disabled: 0, failing: 0 });
  const paused = await call('PATCH', `/api/sources/${id}`, {
    state: 'paused',
    interval_seconds: 600,
  });
  assert.equal(paused.json['state'], 'paused');
  assert.equal(paused.json['interval_seconds'], 600);
  assert.equal((await call('PATCH', `/api/sources/${id}`, { state: 'bogus' })).status, 400);
  assert.equal((await call('DELETE', `/api/sources/${id}`)).status, 200);
  assert.equal((await call('GET', `/api/sources/${id}`)).status, 404);
  assert.equal((await call('GET', '/api/sources', undefined, 'nope')).status, 401);
});

test('watchlists: create, test, alerts with unread counts, digest, Atom by feed token, pause', async () => {
  const created = await call('POST', '/api/watchlists', {
    name: 'himars',
    query: 'HIMARS',
    webhook: { url: 'http://127.0.0.1:9/hook' },
  });
  assert.equal(created.status, 201, created.text);
  const id = String(created.json['id']);
  const feedToken = String(created.json['feed_token']);
  assert.ok((created.json['channels'] as { webhook: { secret: string } }).webhook.secret);
  assert.equal(
    (await call('POST', '/api/watchlists', { name: 'bad', query: 'HIMARS AND (' })).status,
    400,
  );
  assert.equal(
    (await call('POST', '/api/watchlists', { name: 'himars', query: 'x' })).status,
    400,
    'names are unique',
  );

  const ingested = await call('POST', '/api/ingest', SAMPLE_RECORDS);
  assert.equal(ingested.status, 200, ingested.text);
  const evaluation = await evaluateNewArticles(server.store);
  const expected = SAMPLE_RECORDS.filter((r) => /himars/i.test(`${r.title} ${r.text}`)).length;
  assert.ok(expected > 0);
  assert.equal(evaluation.alerts, expected);

  const tested = await call('GET', `/api/watchlists/${id}/test?since=36500d`);
  assert.equal((tested.json['matches'] as unknown[]).length, expected);

  const alerts = await call('GET', '/api/alerts?unread=1');
  assert.equal(alerts.json.items?.length, expected);
  assert.deepEqual(alerts.json['unread'], { total: expected, by_watchlist: { [id]: expected } });
  assert.equal((await call('GET', '/api/watchlists')).json.items?.[0]?.['unread'], expected);

  const md = await call('GET', `/api/watchlists/himars/digest?since=24h&format=md`);
  assert.match(md.text, /^# himars: \d+ alert/);
  const html = await call('GET', `/api/watchlists/${id}/digest?format=html`);
  assert.match(html.type ?? '', /text\/html/);

  const feedResponse = await server.app.request(`/watchlists/${id}/atom.xml?token=${feedToken}`);
  assert.equal(feedResponse.status, 200);
  const atom = await feedResponse.text();
  assert.equal(atom.match(/<entry>/g)?.length, expected);
  assert.match(atom, /<link rel="alternate" href="http:\/\/localhost\/articles\//);
  assert.equal((await server.app.request(`/watchlists/${id}/atom.xml?token=wrong`)).status, 401);

  const deliveries = await call('GET', `/api/watchlists/${id}/deliveries`);
  assert.equal(deliveries.json.items?.length, expected);
  assert.equal(deliveries.json.items?.[0]?.['state'], 'pending');

  const marked = await call('POST', '/api/alerts/read', { watchlist: id });
  assert.equal(marked.json['marked'], expected);
  assert.equal(((await call('GET', '/api/alerts')).json['unread'] as { total: number }).total, 0);

  const paused = await call('PATCH', `/api/watchlists/${id}`, { state: 'paused' });
  assert.equal(paused.json['state'], 'paused');
  assert.equal((await call('DELETE', `/api/watchlists/${id}`)).status, 200);
  assert.equal((await call('GET', `/api/watchlists/${id}`)).status, 404);
  assert.deepEqual(server.errors, []);
});

test('watchlists: ledger conditions through the API, resolved to KB ids; a query or a condition is required', async () => {
  const created = await call('POST', '/api/watchlists', {
    name: 'estonia-edges',
    new_edge_for: 'Estonia',
  });
  assert.equal(created.status, 201, created.text);
  assert.deepEqual(created.json['conditions'], { newEdgeFor: { id: 'gpe:ee', name: 'Estonia' } });
  assert.equal(created.json['query'], '');
  const edited = await call('PATCH', `/api/watchlists/${String(created.json['id'])}`, {
    conflict_about: 'Ukraine Defense Contact Group',
  });
  assert.equal(edited.status, 200, edited.text);
  assert.deepEqual(edited.json['conditions'], {
    conflictAbout: { id: 'org:udcg', name: 'Ukraine Defense Contact Group' },
    newEdgeFor: { id: 'gpe:ee', name: 'Estonia' },
  });
  const empty = await call('POST', '/api/watchlists', { name: 'empty' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /query is required unless conflict_about or new_edge_for/);
  assert.equal((await call('DELETE', `/api/watchlists/${String(created.json['id'])}`)).status, 200);
});
