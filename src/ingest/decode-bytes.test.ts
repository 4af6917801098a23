import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, declaredHtmlCharset, declaredXmlEncoding } from './decode-bytes.js';

describe('decodeBytes', () => {
  test('a byte-order mark wins over the declaration', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>', 'utf-16le'),
    ]);
    assert.equal(
      decodeBytes(bytes, 'iso-8859-1').text,
      '<?xml version="1.0" encoding="iso-8859-1"?><a>é</a>',
    );
  });

  test('UTF-16 without a mark is recognised from the first "<"', () => {
    const decoded = decodeBytes(iconv.encode('<rss>ü</rss>', 'utf-16be'));
    assert.deepEqual(decoded, { text: '<rss>ü</rss>', encoding: 'utf-16be' });
  });

  test('a declared single-byte encoding is honoured when the bytes are not UTF-8', () => {
    const bytes = iconv.encode(
      '<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>',
      'windows-1251',
    );
    assert.equal(declaredXmlEncoding(bytes), 'windows-1251');
    assert.match(decodeBytes(bytes, 'windows-1251').text, /Привет/);
  });

  test('valid UTF-8 wins over a wrong declaration, invalid UTF-8 falls back to windows-1252', () => {
    assert.equal(decodeBytes(Buffer.from('Café'), 'iso-8859-1').text, 'Café');
    assert.equal(
      decodeBytes(iconv.encode('Café “quoted”', 'windows-1252'), 'utf-8').text,
      'Café “quoted”',
    );
  });

  test('an unknown label is ignored', () => {
    assert.equal(decodeBytes(Buffer.from('plain'), 'x-bogus').text, 'plain');
  });

  test('finds the charset a page declares', () => {
    assert.equal(
      declaredHtmlCharset(Buffer.from('<html><head><meta charset="ISO-8859-2">')),
      'ISO-8859-2',
    );
    assert.equal(
      declaredHtmlCharset(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
      ),
      'koi8-r',
    );
  });
});
