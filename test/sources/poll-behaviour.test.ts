import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FeedFixtureServer } from './feed-fixture-server.js';
import { openSqlite, runtimeFor, tempDir, testConfig } from './live-harness.js';

const rss = (items: string, title = 'Fixture feed'): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link>${items}</channel></rss>`,
  );
const item = (n: number, description: string, link = `http://example.org/a/${n}`): string =>
  `<item><title>Item ${n}</title><link>${link}</link><guid>item-${n}</guid><description>${description}</description><pubDate>Mon, 07 Dec 2026 06:00:00 GMT</pubDate></item>`;

describe('polling behaviour', () => {
  const temp = tempDir('poll-behaviour');
  const server = new FeedFixtureServer();
  let counter = 0;
  const fresh = (): SqliteStore => openSqlite(temp.path(`s${++counter}.db`));

  before(() => server.listen(2));
  after(async () => {
    await server.close();
    temp.remove();
  });

  test('politeness: a per-host limit of 2 is never exceeded; other hosts are not held up', async () => {
    const store = fresh();
    for (let i = 0; i < 8; i++) {
      server.setFile(`/polite/${i}.xml`, rss(item(i, `text ${i}`), `Polite ${i}`));
    }
    await store.sources.addSources(
      Array.from({ length: 8 }, (_, i) => ({
        url: server.url(`/polite/${i}.xml`, i % 2),
        fullText: 'never' as const,
      })),
      new Date().toISOString(),
    );
    server.delayMs = 150;
    server.maxConcurrentByHost.clear();
    const { runtime } = runtimeFor({
      store,
      config: testConfig({ perHostLimit: 2, concurrency: 16 }),
    });
    try {
      const report = await runtime.pollOnce();
      assert.equal(report.added, 8);
    } finally {
      server.delayMs = 0;
      await runtime.close();
      await store.close();
    }
    const peaks = [...server.maxConcurrentByHost.values()];
    assert.equal(peaks.length, 2);
    for (const peak of peaks) assert.equal(peak, 2, `peak per host ${peak}`);
  });

  test('a 429 with Retry-After: 5 delays the next request to that source by at least 5 s', async () => {
    const store = fresh();
    server.setFile('/busy.xml', rss(item(1, 'busy')));
    const [added] = await store.sources.addSources(
      [{ url: server.url('/busy.xml'), intervalSeconds: 1 }],
      new Date().toISOString(),
    );
    let answered429 = false;
    server.intercept((req, res) => {
      if (req.url !== '/busy.xml' || answered429) return false;
      answered429 = true;
      res.writeHead(429, { 'retry-after': '5' }).end();
      return true;
    });
    // Backoff alone would retry after 1-2 s: only Retry-After can make it wait 5.
    const { runtime } = runtimeFor({
      store,
      config: testConfig({ policy: { backoffBaseSeconds: 1 } }),
    });
    const stop = new AbortController();
    const loop = runtime.run(stop.signal);
    try {
      const deadline = Date.now() + 12_000;
      while (Date.now() < deadline && server.seen.filter((r) => r.path === '/busy.xml').length < 2)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      stop.abort();
      await loop;
      server.intercept(undefined);
      await runtime.close();
    }
    const hits = server.seen.filter((r) => r.path === '/busy.xml');
    assert.ok(hits.length >= 2, 'polled again after the 429');
    assert.equal(hits[0]?.status, 429);
    const gap = hits[1]!.at - hits[0]!.answeredAt;
    assert.ok(gap >= 5000, `next request after ${gap} ms`);
    const source = await store.sources.getSource(added!.source.id);
    assert.equal(source?.consecutiveFailures, 0);
    await store.close();
  });

  test('failures back off and disable the source after N with the reason', async () => {
    const store = fresh();
    server.intercept((req, res) => {
      if (req.url !== '/broken.xml') return false;
      res.writeHead(500).end('boom');
      return true;
    });
    const [added] = await store.sources.addSources(
      [{ url: server.url('/broken.xml') }],
      new Date().toISOString(),
    );
    const { runtime, clock } = runtimeFor({
      store,
      config: testConfig({ policy: { maxFailures: 3 } }),
    });
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const report = await runtime.pollOnce();
        assert.equal(report.failed, 1);
        const source = await store.sources.getSource(added!.source.id);
        assert.equal(source?.consecutiveFailures, attempt);
        assert.match(source?.lastError ?? '', /HTTP 500/);
        const wait = Date.parse(source!.nextPollAt) - Date.parse(source!.lastFetchAt!);
        const ceiling = 60_000 * 2 ** (attempt - 1);
        assert.ok(
          wait >= ceiling / 2 && wait <= ceiling,
          `backoff ${wait} ms after failure ${attempt}`,
        );
        clock.offsetMs += 3 * 86_400_000;
      }
      const disabled = await store.sources.getSource(added!.source.id);
      assert.equal(disabled?.state, 'disabled');
      assert.match(disabled?.disabledReason ?? '', /disabled after 3 failures in a row: HTTP 500/);
      assert.equal((await runtime.pollOnce()).sources, 0, 'a disabled source is not polled');
    } finally {
      server.intercept(undefined);
      await runtime.close();
      await store.close();
    }
  });

  test('a refused address disables the source at once with the refusal as the reason', async () => {
    const store = fresh();
    await store.sources.addSources(
      [{ url: 'http://10.1.2.3/feed.xml' }, { url: 'file:///etc/passwd' }],
      new Date().toISOString(),
    );
    const { runtime } = runtimeFor({ store });
    try {
      const report = await runtime.pollOnce();
      assert.equal(report.disabled, 2);
      const reason = async (url: string) =>
        (await store.sources.getSource(url))?.disabledReason ?? '';
      assert.match(
        await reason('http://10.1.2.3/feed.xml'),
        /refused to connect: 10\.1\.2\.3 is an address outside/,
      );
      assert.match(await reason('file:///etc/passwd'), /only http and https/);
    } finally {
      await runtime.close();
      await store.close();
    }
  });

  test('full text: a summary-only item gets the linked page through extraction; an unreachable page keeps the feed text', async () => {
    const store = fresh();
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the full article on the frigate programme, with enough words in it to be the main text of the page rather than boilerplate around it.</p>`,
    ).join('');
    server.setFile(
      '/article/1.html',
      Buffer.from(
        `<html><head><title>Frigate programme</title></head><body><nav>Home | News</nav><article><h1>Frigate programme</h1>${paragraphs}</article><footer>Copyright</footer></body></html>`,
      ),
    );
    server.setFile(
      '/summaries.xml',
      rss(
        item(1, 'Only a short summary.', server.url('/article/1.html')) +
          item(2, 'Another short summary.', server.url('/article/missing.html')),
      ),
    );
    await store.sources.addSources(
      [{ url: server.url('/summaries.xml'), fullText: 'auto' }],
      new Date().toISOString(),
    );
    const { runtime } = runtimeFor({ store });
    try {
      const report = await runtime.pollOnce();
      assert.equal(report.added, 2);
      assert.equal(report.fullTextFetched, 1);
      assert.equal(report.fullTextFellBack, 1);
      const page = await store.listArticles({ limit: 10 });
      const full = page.items.find(
        (a) => a.title?.includes('Item 1') || a.text.includes('Paragraph 8'),
      );
      assert.ok(full?.text.includes('Paragraph 8 of the full article'), 'the page text was stored');
      assert.equal(full?.externalId, 'item-1', 'the feed identity is kept');
      const fallback = page.items.find((a) => a.externalId === 'item-2');
      assert.match(fallback?.text ?? '', /Another short summary/);
    } finally {
      await runtime.close();
      await store.close();
    }
  });

  test('charset from the Content-Type header when the document declares none', async () => {
    const store = fresh();
    const body = iconv.encode(
      '<rss version="2.0"><channel><title>Новости</title><item><title>Оборона</title><guid>k1</guid><description>Текст статьи о поставках.</description></item></channel></rss>',
      'windows-1251',
    );
    server.setFile('/cyrillic.xml', body, 'application/rss+xml; charset=windows-1251');
    await store.sources.addSources(
      [{ url: server.url('/cyrillic.xml') }],
      new Date().toISOString(),
    );
    const { runtime } = runtimeFor({ store });
    try {
      assert.equal((await runtime.pollOnce()).added, 1);
      const [article] = (await store.listArticles({ limit: 1 })).items;
      assert.equal(article?.title, 'Оборона');
      assert.equal((await store.sources.listSources())[0]?.title, 'Новости');
    } finally {
      await runtime.close();
      await store.close();
    }
  });
});
