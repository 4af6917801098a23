import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../../src/server/api-token.js';
import { bearer, createTestServer, SAMPLE_RECORDS, type TestServer } from './test-server.js';

interface SearchBody {
  query: string;
  description: string;
  total: number;
  hits: {
    id: string;
    title?: string;
    source?: string;
    published?: string;
    snippet: string;
    snippet_text: string;
    highlights: { start: number; end: number }[];
  }[];
  facets: Record<string, { value: string; count: number }[]>;
  next_cursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe('HTTP API (reads open)', () => {
  let server: TestServer;
  const get = (path: string, headers: Record<string, string> = {}) =>
    server.app.request(path, { headers });
  const post = (body: string, headers: Record<string, string> = {}) =>
    server.app.request('/api/ingest', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', ...bearer(server.token), ...headers },
    });

  before(async () => {
    server = await createTestServer({ readsOpen: true });
    const response = await post(JSON.stringify(SAMPLE_RECORDS));
    assert.equal(response.status, 200, await response.clone().text());
  });
  after(() => server.close());

  test('GET /healthz answers ok with security headers', async () => {
    const response = await get('/healthz');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    assert.match(
      response.headers.get('content-security-policy') ?? '',
      /default-src 'self'; script-src 'self'/,
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('POST /api/ingest stored every record; posting them again changes nothing', async () => {
    assert.equal((await server.store.countStats()).articles, SAMPLE_RECORDS.length);
    const again = await post(JSON.stringify({ items: SAMPLE_RECORDS }));
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), {
      added: 0,
      unchanged: 4,
      revised: 0,
      rejected: 0,
      errors: [],
    });
  });

  test('POST /api/ingest takes JSON Lines and reports a revised record', async () => {
    const changed = {
      ...SAMPLE_RECORDS[3],
      text: 'BUCHAREST - Romania will buy three more Patriot batteries.',
    };
    const response = await post(JSON.stringify(changed), {
      'Content-Type': 'application/x-ndjson',
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { revised: number };
    assert.equal(body.revised, 1);
  });

  test('POST /api/ingest with a bad record: 207, the good one stored, the bad one named', async () => {
    const response = await post(
      JSON.stringify([
        {
          id: 'good-1',
          title: 'Norway buys NASAMS',
          text: 'OSLO - Norway will buy six NASAMS launchers.',
          source: 'Sample Wire',
        },
        { id: 'bad-1', title: 'No body at all' },
        'not a record',
      ]),
    );
    assert.equal(response.status, 207);
    const body = (await response.json()) as {
      added: number;
      rejected: number;
      errors: { record: number; reason: string }[];
    };
    assert.equal(body.added, 1);
    assert.equal(body.rejected, 2);
    assert.deepEqual(
      body.errors.map((e) => e.record),
      [1, 2],
    );
    assert.match(body.errors[0]?.reason ?? '', /missing text and html/);
    assert.match(body.errors[1]?.reason ?? '', /not a JSON object/);
  });

  test('POST /api/ingest where every record is bad: 422; JSONL reasons name the line', async () => {
    const response = await post('{"title":"x"}\n{broken', {
      'Content-Type': 'application/x-ndjson',
    });
    assert.equal(response.status, 422);
    const body = (await response.json()) as {
      added: number;
      errors: { record: number; reason: string }[];
    };
    assert.equal(body.added, 0);
    assert.match(body.errors[1]?.reason ?? '', /^jsonl line 2: invalid JSON/);
  });

  test('POST /api/ingest refuses an empty body (400) and an unknown content type (415)', async () => {
    const empty = await post('  ');
    assert.equal(empty.status, 400);
    assert.equal(((await empty.json()) as ErrorBody).error.code, 'INVALID_ARGUMENT');
    const xml = await post('<rss/>', { 'Content-Type': 'application/xml' });
    assert.equal(xml.status, 415);
  });

  test('GET /api/search returns ranked hits, highlighted snippets and facets over all hits', async () => {
    const response = await get('/api/search?q=himars');
    assert.equal(response.status, 200);
    const body = (await response.json()) as SearchBody;
    assert.equal(body.query, 'himars');
    assert.equal(body.total, 3);
    assert.match(body.description, /himars/);
    // Hits are told apart by date: titles are the cleaning stage's business, not the API's.
    assert.deepEqual(body.hits.map((h) => h.published?.slice(0, 10)).sort(), [
      '2025-03-14',
      '2025-04-02',
      '2025-04-20',
    ]);
    for (const hit of body.hits) {
      assert.match(hit.snippet, /\[HIMARS\]/i);
      assert.ok(hit.highlights.length > 0);
      for (const range of hit.highlights) {
        assert.equal(hit.snippet_text.slice(range.start, range.end).toLowerCase(), 'himars');
      }
    }
    // The source's own brackets stay as text and are not taken for a match marker.
    const poland = body.hits.find((h) => h.published?.startsWith('2025-03-14'));
    assert.match(poland?.snippet_text ?? '', /\[WIRE\] WARSAW/);
    assert.equal(poland?.highlights.length, 1);
    assert.deepEqual(body.facets['source'], [
      { value: 'Sample Wire', count: 2 },
      { value: 'Baltic Notes', count: 1 },
    ]);
    assert.deepEqual(body.facets['language'], [
      { value: 'en', count: 2 },
      { value: 'de', count: 1 },
    ]);
    assert.deepEqual(body.facets['month'], [
      { value: '2025-03', count: 1 },
      { value: '2025-04', count: 2 },
    ]);
    assert.equal(body.next_cursor, null);
  });

  test('GET /api/search applies source:, lang: and date filters', async () => {
    const bySource = (await (
      await get('/api/search?q=' + encodeURIComponent('himars source:"Baltic Notes"'))
    ).json()) as SearchBody;
    assert.deepEqual(
      bySource.hits.map((h) => h.source),
      ['Baltic Notes'],
    );
    const byLang = (await (await get('/api/search?q=himars%20lang:en')).json()) as SearchBody;
    assert.equal(byLang.hits.length, 2);
    const byDate = (await (
      await get('/api/search?q=' + encodeURIComponent('himars after:2025-04 before:2025-05'))
    ).json()) as SearchBody;
    assert.equal(byDate.hits.length, 2);
    assert.ok(byDate.hits.every((h) => h.published?.startsWith('2025-04')));
  });

  test('GET /api/search pages with an opaque cursor and never repeats a hit', async () => {
    const first = (await (await get('/api/search?q=himars&limit=2')).json()) as SearchBody;
    assert.equal(first.hits.length, 2);
    assert.ok(first.next_cursor);
    const second = (await (
      await get(`/api/search?q=himars&limit=2&cursor=${first.next_cursor}`)
    ).json()) as SearchBody;
    assert.equal(second.hits.length, 1);
    assert.equal(second.next_cursor, null);
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    assert.equal(new Set(ids).size, 3);
  });

  test('GET /api/search with an empty query browses everything', async () => {
    const body = (await (await get('/api/search')).json()) as SearchBody;
    assert.equal(body.hits.length, 5);
  });

  test('GET /api/search runs the query language: OR, NOT and sort', async () => {
    const either = (await (await get('/api/search?q=estland%20OR%20patriot')).json()) as SearchBody;
    assert.equal(either.total, 2);
    const without = (await (
      await get('/api/search?q=' + encodeURIComponent('himars -committee'))
    ).json()) as SearchBody;
    assert.equal(without.total, 2);
    const oldest = (await (await get('/api/search?q=himars&sort=oldest')).json()) as SearchBody;
    assert.match(oldest.hits[0]?.published ?? '', /^2025-03-14/);
    assert.equal((await get('/api/search?q=himars&sort=random')).status, 400);
  });

  test('GET /api/search: a syntax error is a 400 QUERY_SYNTAX naming the position', async () => {
    const response = await get('/api/search?q=' + encodeURIComponent('(himars AND'));
    assert.equal(response.status, 400);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, 'QUERY_SYNTAX');
    assert.match(body.error.message, /at \d+/);
    const unknownField = (await (await get('/api/search?q=colour:red')).json()) as ErrorBody;
    assert.match(unknownField.error.message, /unknown field 'colour' at 0/);
  });

  test('validation errors are 400 INVALID_ARGUMENT naming the parameter', async () => {
    for (const path of [
      '/api/search?q=x&limit=0',
      '/api/articles?limit=abc',
      '/api/articles?limit=1000',
      '/api/search?q=x&cursor=zzz',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 400, path);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.code, 'INVALID_ARGUMENT', path);
    }
    const body = (await (await get('/api/articles?limit=abc')).json()) as ErrorBody;
    assert.match(body.error.message, /limit/);
    const badCursor = await get('/api/articles?cursor=bm9wZQ');
    assert.equal(badCursor.status, 400);
  });

  test('GET /api/articles pages through every article exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await get(`/api/articles?limit=2${query}`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        items: { id: string }[];
        next_cursor: string | null;
      };
      seen.push(...body.items.map((item) => item.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 5);
  });

  test('GET /api/articles/:id gives text, provenance and revisions; /raw the input as plain text', async () => {
    const hits = (await (await get('/api/search?q=patriot')).json()) as SearchBody;
    const id = hits.hits[0]?.id ?? '';
    const response = await get(`/api/articles/${id}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      article: {
        id: string;
        text: string;
        revision: number;
        provenance: { path: string; recordIndex?: number };
      };
      revisions: { revision: number }[];
      links: { raw: string };
    };
    assert.equal(body.article.id, id);
    assert.match(body.article.text, /three more Patriot/);
    assert.equal(body.article.revision, 2);
    assert.deepEqual(
      body.revisions.map((r) => r.revision),
      [1, 2],
    );
    assert.equal(body.article.provenance.path, 'api:ingest:2026-01-01T00:00:00.000Z');
    assert.equal(body.article.provenance.recordIndex, 0);

    const marked = (await (await get(`/api/articles/${id}?q=patriot%20OR%20bucharest`)).json()) as {
      highlights: { start: number; end: number; kind: string }[];
    };
    assert.deepEqual(
      marked.highlights.map((h) => [body.article.text.slice(h.start, h.end), h.kind]),
      [
        ['BUCHAREST', 'match'],
        ['Patriot', 'match'],
      ],
    );
    assert.equal((await get(`/api/articles/${id}?q=%22open`)).status, 400);

    const raw = await get(body.links.raw);
    assert.equal(raw.status, 200);
    assert.match(raw.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await raw.text(), /three more Patriot/);
    const first = await get(`${body.links.raw}?revision=1`);
    assert.match(await first.text(), /two more Patriot/);
    assert.equal((await get(`${body.links.raw}?revision=9`)).status, 404);
  });

  test('stored enrichment shows as entity marks, an entity list and countries', async () => {
    const hit = ((await (await get('/api/search?q=warsaw')).json()) as SearchBody).hits[0];
    const id = hit?.id ?? '';
    const { article } = (await (await get(`/api/articles/${id}`)).json()) as {
      article: { text: string };
    };
    const at = (word: string) => article.text.indexOf(word);
    await server.store.saveEnrichment(id, {
      version: 'test-1',
      entities: [
        {
          text: 'HIMARS',
          start: at('HIMARS'),
          end: at('HIMARS') + 6,
          type: 'WEAPON',
          id: 'kb:himars',
          name: 'HIMARS',
        },
        {
          text: 'Poland',
          start: at('Poland'),
          end: at('Poland') + 6,
          type: 'GPE',
          id: 'kb:pl',
          name: 'Poland',
        },
        // Offsets that no longer fit the text (an older revision) must not mark anything.
        { text: 'Poland', start: 0, end: 6, type: 'GPE', id: 'kb:pl', name: 'Poland' },
      ],
      countries: [{ code: 'PL', name: 'Poland' }],
      figures: [],
      quotes: [],
      relations: [],
      document: null,
    });
    const body = (await (await get(`/api/articles/${id}?q=himars`)).json()) as {
      highlights: { start: number; end: number; kind: string; type?: string }[];
      entities: { id: string; name: string; type: string; mentions: number }[];
      countries: { code: string }[];
      enrichment_version: string | null;
    };
    assert.equal(body.enrichment_version, 'test-1');
    assert.deepEqual(
      body.highlights.map((h) => [article.text.slice(h.start, h.end), h.kind, h.type ?? null]),
      [
        ['Poland', 'entity', 'GPE'],
        // Same span: the entity holds the match (outer kinds first).
        ['HIMARS', 'entity', 'WEAPON'],
        ['HIMARS', 'match', null],
      ],
    );
    assert.deepEqual(
      body.entities.map((e) => [e.name, e.mentions]),
      [
        ['Poland', 2],
        ['HIMARS', 1],
      ],
    );
    assert.deepEqual(
      body.countries.map((c) => c.code),
      ['PL'],
    );
    const byEntity = (await (await get('/api/search?q=entity:himars')).json()) as SearchBody;
    assert.deepEqual(
      byEntity.hits.map((h) => h.id),
      [id],
    );
    assert.deepEqual(byEntity.facets['entity']?.map((f) => f.value).sort(), ['HIMARS', 'Poland']);
  });

  test('unknown ids and routes are 404 with the error body', async () => {
    for (const path of [
      '/api/articles/doesnotexist',
      '/api/articles/doesnotexist/raw',
      '/api/nothing',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as ErrorBody).error.code, 'NOT_FOUND');
    }
  });

  test('GET /api/stats counts articles by source and language', async () => {
    const body = (await (await get('/api/stats')).json()) as {
      articles: number;
      bySource: Record<string, number>;
    };
    assert.equal(body.articles, 5);
    assert.equal(body.bySource['Baltic Notes'], 2);
  });

  test('an unexpected failure is a 500 without details, logged on the server', async () => {
    const original = server.store.countStats.bind(server.store);
    server.store.countStats = () =>
      Promise.reject(new Error('SQLITE_CORRUPT: secret path /var/db'));
    try {
      const response = await get('/api/stats');
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.doesNotMatch(text, /SQLITE|secret|at /);
      assert.equal((JSON.parse(text) as ErrorBody).error.code, 'INTERNAL');
      assert.equal(server.errors.length, 1);
    } finally {
      server.store.countStats = original;
    }
  });
});

describe('HTTP API auth', () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer({ readsOpen: false });
  });
  after(() => server.close());

  const ingest = (headers: Record<string, string>) =>
    server.app.request('/api/ingest', {
      method: 'POST',
      body: JSON.stringify(SAMPLE_RECORDS.slice(0, 1)),
      headers: { 'Content-Type': 'application/json', ...headers },
    });

  test('writes need a token: 401 without, 401 with a wrong one, 403 read-only, 200 with write', async () => {
    const none = await ingest({});
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(((await none.json()) as ErrorBody).error.code, 'UNAUTHORIZED');
    assert.equal((await ingest(bearer('sitrep_wrong'))).status, 401);
    assert.equal((await ingest({ Authorization: 'Basic abc' })).status, 401);
    const readOnly = await ingest(bearer(server.readToken));
    assert.equal(readOnly.status, 403);
    assert.equal(((await readOnly.json()) as ErrorBody).error.code, 'FORBIDDEN');
    assert.equal((await ingest(bearer(server.token))).status, 200);
  });

  test('closed reads need a token; healthz and the OpenAPI document never do', async () => {
    assert.equal((await server.app.request('/api/search?q=himars')).status, 401);
    assert.equal((await server.app.request('/api/articles')).status, 401);
    assert.equal(
      (await server.app.request('/api/search?q=himars', { headers: bearer(server.readToken) }))
        .status,
      200,
    );
    assert.equal((await server.app.request('/healthz')).status, 200);
    assert.equal((await server.app.request('/api/openapi.json')).status, 200);
  });

  test('tokens are stored only as sha256 hashes; a revoked token stops working', async () => {
    const stored = await server.store.listApiTokens();
    assert.ok(stored.every((t) => /^[0-9a-f]{64}$/.test(t.tokenHash)));
    assert.ok(
      stored.every((t) => t.tokenHash !== server.token && t.tokenHash !== server.readToken),
    );
    assert.ok(stored.some((t) => t.tokenHash === hashToken(server.token)));
    assert.equal(await server.store.revokeApiToken('reader'), true);
    const after = await server.app.request('/api/stats', { headers: bearer(server.readToken) });
    assert.equal(after.status, 401);
  });
});
