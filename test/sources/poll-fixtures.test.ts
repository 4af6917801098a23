import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sharedPath, skipUnlessShared } from '../shared-data.js';
import { FeedFixtureServer } from './feed-fixture-server.js';
import { openSqlite, runtimeFor, tempDir } from './live-harness.js';

/**
 * Bar: the feeds of ../shared/corpora/feed-fixtures served on loopback with ETag/Last-Modified.
 * The test polls the real-world subsets (miniflux, rss-parser, node-feedparser, news-crawl);
 * bench/sources-fixtures.ts polls all 2,228 files.
 */
const FIXTURES = sharedPath('corpora', 'feed-fixtures');
const SUBSETS = ['miniflux', 'rss-parser/test/input', 'node-feedparser', 'commoncrawl-news-crawl'];
const skip = skipUnlessShared('corpora', 'feed-fixtures');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path);
      return /^(LICENSE|README)/.test(name) || name.endsWith('.md') ? [] : [path];
    });

describe('polling the feed fixtures', { skip }, () => {
  const temp = tempDir('poll-fixtures');
  const server = new FeedFixtureServer();
  let files: string[] = [];
  let ingested: SqliteStore;
  let polled: SqliteStore;

  before(async () => {
    // Files over 200 KB (podcast feeds) only slow the suite down; the bench polls every file.
    files = SUBSETS.flatMap((subset) => filesUnder(join(FIXTURES!, subset))).filter(
      (file) => statSync(file).size <= 200_000,
    );
    await server.listen();
    for (const file of files) server.serveFile(`/${relative(FIXTURES!, file)}`, file);
    ingested = openSqlite(temp.path('ingested.db'));
    polled = openSqlite(temp.path('polled.db'));
  });
  after(async () => {
    await server.close();
    await ingested.close();
    await polled.close();
    temp.remove();
  });

  test('first poll stores what ingest of the same files stores; second poll is all conditional and adds 0; a changed feed adds exactly its new items', async () => {
    const fromFiles = await ingestPaths(files, ingested);
    await polled.sources.addSources(
      files.map((file) => ({
        url: server.url(`/${relative(FIXTURES!, file)}`),
        fullText: 'never' as const,
      })),
      new Date().toISOString(),
    );
    const { runtime, clock } = runtimeFor({ store: polled });
    try {
      const first = await runtime.pollOnce();
      const unfetched = (await polled.sources.listSources()).filter((s) => !s.etag);
      assert.deepEqual(
        unfetched.map((s) => `${s.url}: ${s.lastError}`),
        [],
        'every source fetched',
      );
      assert.equal(first.sources, files.length);
      const [a, b] = [await ingested.countStats(), await polled.countStats()];
      assert.equal(b.articles, a.articles, 'same articles');
      assert.equal(b.revisions, a.revisions, 'same revisions');
      assert.equal(first.added, fromFiles.added);
      assert.ok(first.added > 100, `stored ${first.added}`);

      const requestsBefore = server.seen.length;
      clock.offsetMs = 2 * 86_400_000;
      const second = await runtime.pollOnce();
      assert.equal(second.sources, files.length, 'every source polled again');
      assert.equal(second.added, 0);
      const secondRequests = server.seen.slice(requestsBefore);
      assert.equal(secondRequests.length, files.length);
      assert.deepEqual(
        secondRequests.filter((r) => !r.conditional).map((r) => r.path),
        [],
        'every request carried If-None-Match or If-Modified-Since',
      );
      assert.equal(secondRequests.filter((r) => r.status === 304).length, files.length);
      assert.equal((await polled.countStats()).articles, b.articles);

      // One feed gains two items.
      const guardian = files.find((f) => f.endsWith('guardian.rss'))!;
      const original = readFileSync(guardian, 'utf8');
      const extra = [1, 2]
        .map(
          (n) =>
            `<item><title>Added item ${n}</title><link>https://example.org/added-${n}</link><guid>added-${n}</guid><description>New text number ${n} about a frigate order.</description><pubDate>Mon, 07 Dec 2026 06:0${n}:00 GMT</pubDate></item>`,
        )
        .join('');
      server.setFile(
        `/${relative(FIXTURES!, guardian)}`,
        Buffer.from(original.replace(/<item>/, `${extra}<item>`)),
        undefined,
        new Date(Date.now() + 4 * 86_400_000),
      );
      clock.offsetMs = 4 * 86_400_000;
      const third = await runtime.pollOnce();
      assert.equal(third.added, 2, 'exactly the new items');
      assert.equal(third.notModified, files.length - 1);
    } finally {
      await runtime.close();
    }
  });
});
