import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { ReaderEvent } from '../core/raw-item.js';
import { readFileBytes } from './read-file.js';
import { readArc, readWarc } from './read-warc.js';

const record = (
  type: string,
  uri: string | undefined,
  block: Buffer,
  date = '2024-05-06T07:08:09Z',
): Buffer =>
  Buffer.concat([
    Buffer.from(
      `WARC/1.0\r\nWARC-Type: ${type}\r\n${uri ? `WARC-Target-URI: ${uri}\r\n` : ''}WARC-Date: ${date}\r\n` +
        `Content-Type: ${type === 'response' || type === 'request' ? 'application/http; msgtype=' + type : 'text/html'}\r\n` +
        `Content-Length: ${block.length}\r\n\r\n`,
    ),
    block,
    Buffer.from('\r\n\r\n'),
  ]);

const http = (status: string, headers: string[], body: Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`),
    body,
  ]);

const chunked = (body: Buffer): Buffer => {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)];
  return Buffer.concat([
    ...parts.flatMap((part) => [
      Buffer.from(`${part.length.toString(16)}\r\n`),
      part,
      Buffer.from('\r\n'),
    ]),
    Buffer.from('0\r\n\r\n'),
  ]);
};

const page = (title: string, extraHead = '') =>
  Buffer.from(
    `<!doctype html><html><head><title>${title}</title>${extraHead}</head><body><p>${title} body</p></body></html>`,
  );

const summary = (events: ReaderEvent[]) =>
  events.map((event) =>
    event.kind === 'item'
      ? `item ${event.item.provenance.recordIndex} ${event.item.url} ${event.item.title}`
      : event.kind === 'skipped'
        ? `skipped ${event.skip.provenance.recordIndex} ${event.skip.reason}`
        : event.kind === 'rejected'
          ? `rejected ${event.rejection.reason}`
          : 'feed',
  );

const gzipChunkedResponse = http(
  '200 OK',
  [
    'Content-Type: text/html; charset=utf-8',
    'Transfer-Encoding: chunked',
    'Content-Encoding: gzip',
  ],
  chunked(gzipSync(page('Gzip chunked'))),
);

const records = [
  record('warcinfo', undefined, Buffer.from('software: test\r\n')),
  record(
    'request',
    'https://a.example/1',
    Buffer.from('GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n'),
  ),
  record('response', 'https://a.example/1', gzipChunkedResponse),
  record(
    'revisit',
    'https://a.example/1',
    http('200 OK', ['Content-Type: text/html'], Buffer.alloc(0)),
  ),
  record(
    'response',
    'https://a.example/logo.png',
    http('200 OK', ['Content-Type: image/png'], Buffer.from([0x89, 0x50])),
  ),
  record(
    'response',
    'https://a.example/2',
    http(
      '200 OK',
      ['Content-Type: text/html', 'Content-Encoding: br'],
      brotliCompressSync(page('Brotli')),
    ),
  ),
  record(
    'response',
    'https://a.example/gone',
    http('404 Not Found', ['Content-Type: text/html'], page('Missing')),
  ),
  record(
    'response',
    'https://a.example/3',
    http(
      '200 OK',
      ['Content-Type: text/html'],
      page('Dated', '<meta property="article:published_time" content="2020-01-01T00:00:00Z">'),
    ),
  ),
];

const expected = [
  'skipped 0 warc: warcinfo record',
  'skipped 1 warc: request record',
  'item 2 https://a.example/1 Gzip chunked',
  'skipped 3 warc: revisit record',
  'skipped 4 warc: non-HTML response (image/png)',
  'item 5 https://a.example/2 Brotli',
  'skipped 6 warc: HTTP 404 response',
  'item 7 https://a.example/3 Dated',
];

describe('readWarc', () => {
  test('HTML responses become items; other records are skipped by reason', () => {
    const events = readWarc('x.warc', Buffer.concat(records));
    assert.deepEqual(summary(events), expected);
    const first = events[2];
    if (first?.kind !== 'item') return assert.fail('expected an item');
    assert.equal(first.item.format, 'html');
    assert.equal(first.item.raw, page('Gzip chunked').toString());
    assert.deepEqual(first.item.provenance, {
      path: 'x.warc',
      recordIndex: 2,
      byteOffset: records[0]!.length + records[1]!.length,
      url: 'https://a.example/1',
    });
  });

  test('the capture date is only a fallback for pages that state no date', () => {
    const events = readWarc('x.warc', Buffer.concat(records));
    const published = events.flatMap((event) =>
      event.kind === 'item' ? [event.item.published] : [],
    );
    assert.deepEqual(published, [
      '2024-05-06T07:08:09.000Z',
      '2024-05-06T07:08:09.000Z',
      '2020-01-01T00:00:00.000Z',
    ]);
  });

  test('multi-member gzip (one member per record) reads the same as the plain file', () => {
    const multiMember = Buffer.concat(records.map((r) => gzipSync(r)));
    assert.deepEqual(summary(readFileBytes('x.warc.gz', multiMember)), expected);
  });

  test('a truncated last record is rejected with its offset, after the good records', () => {
    const whole = Buffer.concat(records.slice(0, 3));
    const cut = whole.subarray(0, whole.length - 40);
    const events = readWarc('t.warc', cut);
    const offset = records[0]!.length + records[1]!.length;
    assert.deepEqual(summary(events), [
      'skipped 0 warc: warcinfo record',
      'skipped 1 warc: request record',
      // 40 bytes cut: the record's 4 trailing CRLF bytes and 36 of its block.
      `rejected warc: at offset ${offset}: truncated record: Content-Length ${gzipChunkedResponse.length} but only ${gzipChunkedResponse.length - 36} bytes remain`,
    ]);
    const rejected = events[2];
    assert.equal(
      rejected?.kind === 'rejected' ? rejected.rejection.provenance.byteOffset : -1,
      offset,
    );
  });

  test('garbage between records is rejected and reading resumes at the next record', () => {
    const withGarbage = Buffer.concat([records[2]!, Buffer.from('junk junk\r\n'), records[5]!]);
    assert.deepEqual(summary(readWarc('g.warc', withGarbage)), [
      'item 0 https://a.example/1 Gzip chunked',
      `rejected warc: at offset ${records[2]!.length}: 11 unexpected bytes where a WARC record should start (wrong Content-Length in the previous record?)`,
      'item 1 https://a.example/2 Brotli',
    ]);
  });

  test('a body that cannot be decoded is rejected, not thrown', () => {
    const bad = record(
      'response',
      'https://a.example/bad',
      http(
        '200 OK',
        ['Content-Type: text/html', 'Content-Encoding: br'],
        Buffer.from('not brotli at all'),
      ),
    );
    const [event] = readWarc('b.warc', bad);
    assert.equal(event?.kind, 'rejected');
    assert.match(
      event?.kind === 'rejected' ? event.rejection.reason : '',
      /^warc: response record at offset 0: could not decode Content-Encoding br/,
    );
  });

  test('ARC files: the filedesc header is skipped and HTTP captures become items', () => {
    const header =
      'filedesc://t.arc 0.0.0.0 20140216050221 text/plain 38\n1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n';
    const fixedHeader = header.replace(
      ' 38\n',
      ` ${Buffer.byteLength(header.slice(header.indexOf('\n') + 1))}\n`,
    );
    const capture = http('200 OK', ['Content-Type: text/html'], page('Arc page'));
    const arc = Buffer.concat([
      Buffer.from(fixedHeader),
      Buffer.from('\n'),
      Buffer.from(`http://arc.example/ 1.2.3.4 20140216050221 text/html ${capture.length}\n`),
      capture,
      Buffer.from('\n'),
    ]);
    const events = readArc('t.arc', arc);
    assert.deepEqual(summary(events), [
      'skipped 0 arc: warcinfo record',
      'item 1 http://arc.example/ Arc page',
    ]);
    assert.equal(
      events[1]?.kind === 'item' ? events[1].item.published : '',
      '2014-02-16T05:02:21.000Z',
    );
  });
});
