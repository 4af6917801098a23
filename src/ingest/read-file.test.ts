import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readFileBytes } from './read-file.js';
import { bytesOf } from './test-bytes.js';

describe('readFileBytes', () => {
  test('dispatches on content, not on the file name', () => {
    const [event] = readFileBytes(
      'looks-like.txt',
      bytesOf('<rss><channel><item><title>T</title></item></channel></rss>'),
    );
    assert.equal(event?.kind === 'item' ? event.item.format : event?.kind, 'rss');
  });

  test('.gz is decompressed and its content sniffed, with the real path as provenance', () => {
    const [event] = readFileBytes('dump.txt.gz', gzipSync(Buffer.from('Headline\n\nBody text.')));
    if (event?.kind !== 'item') return assert.fail('expected an item');
    assert.equal(event.item.format, 'text');
    assert.equal(event.item.title, 'Headline');
    assert.equal(event.item.provenance.path, 'dump.txt.gz');
  });

  test('corrupt gzip and unreadable content are rejected with a reason, never thrown', () => {
    const corrupt = Buffer.concat([
      gzipSync(Buffer.from('x')).subarray(0, 10),
      Buffer.from('garbage-garbage'),
    ]);
    const [bad] = readFileBytes('bad.gz', corrupt);
    assert.equal(bad?.kind, 'rejected');
    assert.match(bad?.kind === 'rejected' ? bad.rejection.reason : '', /gzip/);
    const [binary] = readFileBytes('blob', new Uint8Array([0, 1, 2, 3, 0, 0, 7]));
    assert.deepEqual(binary, {
      kind: 'rejected',
      rejection: {
        provenance: { path: 'blob' },
        reason: 'binary content (not text, HTML, a feed, JSONL or a web archive)',
      },
    });
  });

  test('nested gzip is read up to a limit', () => {
    const twice = gzipSync(gzipSync(Buffer.from('Title\nText')));
    assert.equal(readFileBytes('x.gz.gz', twice)[0]?.kind, 'item');
    const thrice = gzipSync(twice);
    assert.equal(readFileBytes('x.gz.gz.gz', thrice)[0]?.kind, 'rejected');
  });
});
