import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { ReaderEvent } from '../core/raw-item.js';
import { limitsFromEnv, parseSize, setIngestLimits } from './ingest-limits.js';
import { htmlDepthExceeds, jsonDepthExceeds, jsonValueDepthExceeds } from './nesting-depth.js';
import { readFileBytes } from './read-file.js';
import { readWarcStream } from './read-warc-stream.js';

/** Generated hostile inputs (never checked in): each limit rejects one record, the rest go on. */

const kinds = (events: readonly ReaderEvent[]) => events.map((event) => event.kind);
const reasons = (events: readonly ReaderEvent[]) =>
  events.flatMap((event) => (event.kind === 'rejected' ? [event.rejection.reason] : []));

const jsonlRecord = (n: number, text: string) =>
  JSON.stringify({ id: `r${n}`, title: `Record ${n}`, text, source: 'Wire' });

const rssItem = (n: number, body: string) =>
  `<item><title>Item ${n}</title><link>https://feed.example/${n}</link><guid>g${n}</guid><description><![CDATA[${body}]]></description></item>`;
const rss = (items: readonly string[]) =>
  Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://feed.example/</link>${items.join('')}</channel></rss>`,
  );

const warcResponse = (n: number, body: string): Buffer => {
  const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Page ${n}</title></head><body><p>${body}</p></body></html>`;
  return Buffer.concat([
    Buffer.from(
      `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://s.example/${n}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n` +
        `Content-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n`,
    ),
    Buffer.from(block),
    Buffer.from('\r\n\r\n'),
  ]);
};

describe('ingest limits', () => {
  const restore: (() => void)[] = [];
  const limit = (overrides: Parameters<typeof setIngestLimits>[0]) =>
    restore.push(setIngestLimits(overrides));
  after(() => restore.reverse().forEach((undo) => undo()));

  test('sizes and environment variables', () => {
    assert.equal(parseSize('16m'), 16 * 1024 * 1024);
    assert.equal(parseSize('1GiB'), 1024 ** 3);
    assert.equal(parseSize('4096'), 4096);
    assert.equal(parseSize('-1'), undefined);
    assert.equal(limitsFromEnv({ SITREP_MAX_FEED_ITEMS: '5' }).maxFeedItems, 5);
    assert.throws(() => limitsFromEnv({ SITREP_MAX_RECORD_BYTES: 'lots' }), /not a positive/);
    assert.equal(limitsFromEnv({ SITREP_MAX_RECORD_SECONDS: '0.5' }).maxRecordSeconds, 0.5);
    assert.equal(limitsFromEnv({ SITREP_MAX_RECORD_SECONDS: '0' }).maxRecordSeconds, 0);
    assert.equal(limitsFromEnv({}).maxRecordSeconds, 30);
    assert.throws(() => limitsFromEnv({ SITREP_MAX_RECORD_SECONDS: '-1' }), /number of seconds/);
  });

  test('a JSONL record over the record limit is rejected before parsing; the other six are read', () => {
    const lines = Array.from({ length: 6 }, (_, n) => jsonlRecord(n, `Normal text number ${n}.`));
    lines.splice(3, 0, jsonlRecord(99, 'x'.repeat(17 * 1024 * 1024)));
    const events = readFileBytes('big.jsonl', Buffer.from(lines.join('\n')));
    assert.deepEqual(kinds(events), ['item', 'item', 'item', 'rejected', 'item', 'item', 'item']);
    assert.match(
      reasons(events)[0] ?? '',
      /jsonl line 4: record is 17\.0 MiB, more than the 16 MiB limit/,
    );
  });

  test('deep JSON in a JSONL line is rejected with a reason, not a stack overflow', () => {
    const deep = `{"text":"a","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const events = readFileBytes('deep.jsonl', Buffer.from(`${jsonlRecord(1, 'ok')}\n${deep}\n`));
    assert.deepEqual(kinds(events), ['item', 'rejected']);
    assert.match(reasons(events)[0] ?? '', /nested more than 1024 levels/);
  });

  test('a gzip bomb stops inflating at the ratio budget, with a reason naming it', () => {
    limit({ ratioGraceBytes: 1024 * 1024 });
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    const started = Date.now();
    const events = readFileBytes('bomb.txt.gz', bomb);
    assert.deepEqual(kinds(events), ['rejected']);
    assert.match(reasons(events)[0] ?? '', /decompresses to more than 50 times its .* zip bomb/);
    assert.ok(Date.now() - started < 5000);
  });

  test('a gzip over the decompressed-size limit is refused while inflating', () => {
    limit({ maxDecompressedBytes: 1024 * 1024, maxInflateRatio: 10_000 });
    const events = readFileBytes('big.txt.gz', gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a')));
    assert.match(reasons(events)[0] ?? '', /decompresses to more than 1 MiB/);
  });

  test('HTML nested 100,000 deep is rejected quickly; depth is measured without recursion', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
    const started = Date.now();
    const events = readFileBytes('deep.html', Buffer.from(html));
    assert.deepEqual(kinds(events), ['rejected']);
    assert.match(reasons(events)[0] ?? '', /HTML nested more than 1024 elements deep/);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    assert.equal(htmlDepthExceeds('<div><p>a<p>b<p>c</div>', 3), false, 'implied closes count');
  });

  test('a tag name that never closes is one scan, not a backtrack over every split (fuzz: 22 s)', () => {
    // Before the fix: quadratic in the run's length (about 2e10 steps here).
    const html = `<rss><channel><item><title>a</title><link${'x'.repeat(200_000)}</item></channel></rss>`;
    const started = Date.now();
    assert.equal(htmlDepthExceeds(html, 1024), false);
    assert.equal(htmlDepthExceeds('<a href="x"><br/><img src="y" />t</a>', 1), false);
    assert.equal(htmlDepthExceeds('<a href="x"><b >t</b></a>', 1), true);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });

  test('a feed item with deeply nested HTML is rejected; the other items are stored', () => {
    const deep = `${'<span>'.repeat(5000)}deep${'</span>'.repeat(5000)}`;
    const events = readFileBytes(
      'feed.xml',
      rss([rssItem(1, 'one'), rssItem(2, deep), rssItem(3, 'three')]),
    );
    assert.deepEqual(kinds(events), ['item', 'rejected', 'item']);
  });

  test('a feed with more items than the limit reads the first ones and says why it stopped', () => {
    limit({ maxFeedItems: 10 });
    const events = readFileBytes(
      'many.xml',
      rss(Array.from({ length: 25 }, (_, n) => rssItem(n, `body ${n}`))),
    );
    assert.equal(events.filter((e) => e.kind === 'item').length, 10);
    assert.match(
      reasons(events)[0] ?? '',
      /feed has 25 items; items after the first 10 are not read/,
    );
  });

  test('a streamed WARC skips an oversized record without buffering it and reads the next', async () => {
    limit({ maxRecordBytes: 64 * 1024 });
    const data = Buffer.concat([
      warcResponse(1, 'first'),
      warcResponse(2, 'y'.repeat(1024 * 1024)),
      warcResponse(3, 'third'),
    ]);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let start = 0; start < data.length; start += 4096)
        yield data.subarray(start, start + 4096);
    }
    const events: ReaderEvent[] = [];
    for await (const event of readWarcStream('big.warc', chunks(), 'warc')) events.push(event);
    assert.deepEqual(kinds(events), ['item', 'rejected', 'item']);
    assert.match(reasons(events)[0] ?? '', /record of 1\.0 MiB is more than the 64 KiB limit/);
    const third = events[2];
    assert.ok(third?.kind === 'item' && third.item.url === 'https://s.example/3');
  });

  test('JSON depth checks agree on text and values', () => {
    assert.equal(
      jsonDepthExceeds('[[["[[[[[["]]]', 3),
      false,
      'brackets inside strings do not count',
    );
    assert.equal(jsonDepthExceeds('[[[[]]]]', 3), true);
    assert.equal(jsonValueDepthExceeds([[[1]]], 3), false);
    assert.equal(jsonValueDepthExceeds([[[[1]]]], 3), true);
  });
});
