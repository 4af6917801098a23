import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestServer, type TestServer } from '../server/test-server.js';

let closed: TestServer;
let open: TestServer;
before(async () => {
  closed = await createTestServer({ readsOpen: false });
  open = await createTestServer({ readsOpen: true });
  await open.app.request('/api/ingest', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${open.token}` },
    body: JSON.stringify([
      {
        id: 'a',
        title: 'HIMARS arrive',
        text: 'HIMARS launchers arrived in March.',
        published: '2025-03-02T10:00:00Z',
        source: 'Wire',
      },
      {
        id: 'b',
        title: 'More HIMARS',
        text: 'More HIMARS =SUM(A1) arrived in June.',
        published: '2025-06-02T10:00:00Z',
        source: 'Wire',
      },
    ]),
  });
});
after(async () => {
  await closed.close();
  await open.close();
});

test('closed reads: the page asks for a token, keeps it in an HttpOnly cookie, then serves', async () => {
  const first = await closed.app.request('/search?q=x');
  assert.equal(first.status, 401);
  const form = await first.text();
  assert.match(form, /<form class="token-form" action="\/ui\/session" method="post">/);
  assert.match(form, /name="next" value="\/search\?q=x"/);
  const login = await closed.app.request('/ui/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: closed.readToken, next: '/search?q=x' }).toString(),
  });
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), '/search?q=x');
  const cookie = login.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Strict/i);
  const page = await closed.app.request('/search?q=x', {
    headers: { Cookie: cookie.split(';')[0] ?? '' },
  });
  assert.equal(page.status, 200);
  const bad = await closed.app.request('/', { headers: { Cookie: 'sitrep_token=nope' } });
  assert.equal(bad.status, 401);
  assert.match(await bad.text(), /not valid/);
  // No open redirect after the form.
  const away = await closed.app.request('/ui/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: 'x', next: '//evil.example/' }).toString(),
  });
  assert.equal(away.headers.get('location'), '/');
});

test('every page is complete HTML with a doctype, under the strict CSP', async () => {
  for (const path of [
    '/',
    '/search?q=HIMARS',
    '/articles/nope',
    '/entities',
    '/entities/nope',
    '/stories',
    '/graph',
    '/search?q=((',
  ]) {
    const response = await open.app.request(path);
    assert.ok([200, 400, 404].includes(response.status), `${path}: ${response.status}`);
    const html = await response.text();
    assert.match(html, /^<!DOCTYPE html><html lang="en">/, path);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  }
});

test('the date-range form becomes query filters; exports carry the whole result set', async () => {
  const range = await open.app.request('/search?q=HIMARS&after=2025-05&before=2025-07&sort=newest');
  assert.equal(range.status, 303);
  assert.equal(
    range.headers.get('location'),
    '/search?q=HIMARS+after%3A2025-05+before%3A2025-07&sort=newest',
  );
  const csv = await open.app.request('/search/export?q=HIMARS&format=csv&sort=oldest');
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1] ?? '', /HIMARS arrive/);
  const jsonl = await open.app.request('/search/export?q=HIMARS&format=jsonl');
  const hits = (await jsonl.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { title: string });
  assert.deepEqual(hits.map((h) => h.title).sort(), ['HIMARS arrive', 'More HIMARS']);
});

test('the graph page and its GEXF export answer on an archive without relations', async () => {
  const page = await open.app.request('/graph?type=WEAPON&after=2025-01&before=bad');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /No relation matches these filters/);
  const gexf = await open.app.request('/graph.gexf');
  assert.match(gexf.headers.get('content-type') ?? '', /gexf/);
  assert.match(await gexf.text(), /<nodes\/><edges\/>|<nodes><\/nodes>/);
});

test('the overview says what is new since the last visit (kept in a cookie)', async () => {
  const first = await open.app.request('/');
  assert.doesNotMatch(await first.text(), /since your last visit/);
  assert.match(first.headers.get('set-cookie') ?? '', /sitrep_last_visit=/);
  const old = await open.app.request('/', {
    headers: { Cookie: 'sitrep_last_visit=2000-01-01T00:00:00.000Z' },
  });
  assert.match(await old.text(), /At least 2 articles new since your last visit/);
  const recent = await open.app.request('/', {
    headers: { Cookie: 'sitrep_last_visit=2999-01-01T00:00:00.000Z' },
  });
  assert.match(await recent.text(), /Nothing new since your last visit/);
});

test('one row per outlet: a bare host and its feed name count as one source', async () => {
  const server = await createTestServer({ readsOpen: true });
  try {
    await server.store.saveFeeds([
      {
        xmlUrl: 'https://northern.example.com/feed.xml',
        title: 'Northern Monitor',
        provenance: { path: 'feeds.opml' },
      },
    ]);
    await server.app.request('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify([
        { id: 'n1', title: 'One', text: 'First text here.', source: 'northern.example.com' },
        { id: 'n2', title: 'Two', text: 'Second text here.', source: 'Northern Monitor' },
      ]),
    });
    const html = await (await server.app.request('/')).text();
    const table = html.slice(html.indexOf('class="source-table"'));
    assert.equal(table.match(/>Northern Monitor</g)?.length, 1, 'one row');
    assert.match(table, /Northern Monitor<\/span><\/a><\/td><td class="num">2</);
    assert.match(
      table,
      /source%3Anorthern.example.com\+OR\+source%3A%22Northern\+Monitor%22|source%3A%22Northern\+Monitor%22\+OR\+source%3Anorthern.example.com/,
    );
  } finally {
    await server.close();
  }
});
