import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { ReaderEvent } from '../core/raw-item.js';
import { readWarcStream, streamableArchive } from './read-warc-stream.js';
import { readWarc } from './read-warc.js';

const record = (type: string, uri: string, block: string): Buffer =>
  Buffer.concat([
    Buffer.from(
      `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n` +
        `Content-Type: application/http; msgtype=${type}\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n`,
    ),
    Buffer.from(block),
    Buffer.from('\r\n\r\n'),
  ]);

const response = (n: number) =>
  record(
    'response',
    `https://s.example/${n}`,
    `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Page ${n}</title></head><body>${'x'.repeat(n * 97)}</body></html>`,
  );

const records = [
  record('request', 'https://s.example/0', 'GET / HTTP/1.1\r\n\r\n'),
  ...Array.from({ length: 30 }, (_, n) => response(n)),
  Buffer.from('garbage between records\r\n'),
  response(31),
];

async function* inChunks(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < data.length; start += size) yield data.subarray(start, start + size);
}

const collect = async (events: AsyncIterable<ReaderEvent>): Promise<ReaderEvent[]> => {
  const out: ReaderEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

describe('readWarcStream', () => {
  const plain = Buffer.concat(records);
  const expected = readWarc('s.warc', plain);

  test('chunked reading gives exactly the events of the whole-file reader', async () => {
    assert.equal(expected.filter((event) => event.kind === 'item').length, 31);
    assert.equal(expected.filter((event) => event.kind === 'rejected').length, 1);
    for (const size of [7, 1000, 1 << 20]) {
      assert.deepEqual(
        await collect(readWarcStream('s.warc', inChunks(plain, size), 'warc')),
        expected,
        `chunks of ${size}`,
      );
    }
  });

  test('multi-member gzip streams decompress to the same events', async () => {
    const gz = Buffer.concat(records.map((r) => gzipSync(r)));
    assert.deepEqual(
      await collect(readWarcStream('s.warc', inChunks(gz, 4096), 'warc-gzip')),
      expected,
    );
  });

  test('a cut gzip stream yields the records before the cut and a rejection', async () => {
    const gz = Buffer.concat(records.map((r) => gzipSync(r)));
    const events = await collect(
      readWarcStream('cut.warc.gz', inChunks(gz.subarray(0, gz.length - 300), 4096), 'warc-gzip'),
    );
    assert.ok(events.filter((event) => event.kind === 'item').length >= 29);
    assert.ok(events.some((event) => event.kind === 'rejected'));
  });

  test('streamableArchive recognises plain and gzip WARC starts only', () => {
    assert.equal(streamableArchive(plain.subarray(0, 100)), 'warc');
    assert.equal(streamableArchive(gzipSync(plain).subarray(0, 200)), 'warc-gzip');
    assert.equal(streamableArchive(gzipSync(Buffer.from('<rss/>'))), undefined);
    assert.equal(streamableArchive(Buffer.from('hello')), undefined);
  });
});
