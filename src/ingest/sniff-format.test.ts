import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { bytesOf } from './test-bytes.js';
import { sniffFormat } from './sniff-format.js';

const sniff = (text: string, name = '') => {
  const result = sniffFormat(bytesOf(text), name);
  return result.ok ? result.value : `error: ${result.error}`;
};

describe('sniffFormat', () => {
  test('recognises each format from content, whatever the name says', () => {
    assert.equal(
      sniff('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel/></rss>', 'x.txt'),
      'rss',
    );
    assert.equal(
      sniff('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'),
      'rdf',
    );
    assert.equal(sniff('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'atom');
    assert.equal(sniff('<opml version="2.0"><body/></opml>'), 'opml');
    assert.equal(sniff('<!DOCTYPE html><html><body>x</body></html>', 'page.txt'), 'html');
    assert.equal(sniff('WARC/1.0\r\nWARC-Type: warcinfo\r\n'), 'warc');
    assert.equal(sniff('filedesc://x.arc 0.0.0.0 20140101000000 text/plain 10\n'), 'arc');
    assert.equal(sniff('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), 'jsonfeed');
    assert.equal(sniff('{"text":"a"}\n{"text":"b"}\n', 'x.json'), 'jsonl');
    assert.equal(sniff('NATO allies meet in Brussels\n\nThe ministers...', 'x.html'), 'text');
  });

  test('gzip magic bytes mean "decompress and sniff again"', () => {
    const result = sniffFormat(gzipSync(Buffer.from('hello')));
    assert.deepEqual(result, { ok: true, value: 'gzip' });
  });

  test('a UTF-16 feed is not mistaken for binary', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<rss><channel/></rss>', 'utf16le'),
    ]);
    assert.deepEqual(sniffFormat(bytes), { ok: true, value: 'rss' });
  });

  test('rejects empty, binary and non-feed XML with a reason', () => {
    assert.match(sniff(''), /^error: empty file/);
    assert.match(sniff('  \n '), /^error: empty file/);
    assert.match(
      String(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])).ok),
      /false/,
    );
    assert.equal(
      sniff('<?xml version="1.0"?><urlset/>'),
      'error: XML but not a feed (root element <urlset>)',
    );
  });
});

test('text that opens with a bracketed tag is text, not JSON', () => {
  assert.equal(sniff('[FICTIONAL SAMPLE] Romania takes delivery of Patriot', 'a.txt'), 'text');
  assert.equal(sniff('[Updated] NATO summit\n\nBody', 'b'), 'text');
  assert.equal(sniff('{ "id": 1, "text": "x" }\n', 'c.txt'), 'jsonl');
  assert.equal(sniff('[{"id": 1}]', 'd'), 'jsonl');
  assert.equal(sniff('[\n  1, 2]', 'e'), 'jsonl');
});
