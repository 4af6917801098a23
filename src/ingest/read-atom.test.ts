import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RawItem, ReaderEvent } from '../core/raw-item.js';
import { readAtom } from './read-atom.js';
import { bytesOf } from './test-bytes.js';

const itemsOf = (events: ReaderEvent[]): RawItem[] =>
  events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de" xml:base="https://example.de/blog/">
  <title type="html">Security &lt;b&gt;Wire&lt;/b&gt;</title>
  <link rel="alternate" href="https://example.de/"/>
  <author><name>Feed Author</name></author>
  <entry>
    <title>Erste Meldung</title>
    <link rel="self" href="https://example.de/api/1"/>
    <link rel="alternate" type="text/html" href="2024/erste"/>
    <id>tag:example.de,2024:1</id>
    <published>2024-03-01T10:00:00+01:00</published>
    <updated>2024-03-02T10:00:00Z</updated>
    <author><name>Anna Autorin</name></author>
    <category term="verteidigung"/>
    <summary>Kurz</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Voller <b>Text</b></p></div></content>
  </entry>
  <entry xml:lang="en">
    <title type="text">Second</title>
    <link href="https://example.de/second"/>
    <id>tag:example.de,2024:2</id>
    <updated>2024-03-03T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Escaped&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Third</title>
    <id>tag:example.de,2024:3</id>
    <summary>Only a summary</summary>
    <content src="https://example.de/out-of-line"/>
  </entry>
  <entry><id>tag:example.de,2024:4</id></entry>
</feed>`;

describe('readAtom', () => {
  const events = readAtom('feed.atom', bytesOf(atom));
  const items = itemsOf(events);

  test('one item per entry with xhtml content, alternate link resolved against xml:base', () => {
    assert.equal(items.length, 3);
    const first = items[0]!;
    assert.equal(first.format, 'atom');
    assert.equal(first.title, 'Erste Meldung');
    assert.equal(first.url, 'https://example.de/blog/2024/erste');
    assert.equal(first.externalId, 'tag:example.de,2024:1');
    assert.equal(first.published, '2024-03-01T09:00:00.000Z');
    assert.equal(first.updated, '2024-03-02T10:00:00.000Z');
    assert.deepEqual(first.authors, ['Anna Autorin']);
    assert.deepEqual(first.categories, ['verteidigung']);
    assert.equal(first.body.kind, 'html');
    assert.match(
      first.body.kind === 'html' ? first.body.html : '',
      /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml"><p>Voller <b>Text<\/b><\/p><\/div>$/,
    );
    assert.equal(first.source, 'Security Wire');
    assert.equal(first.language, 'de');
  });

  test('escaped html content, entry language and feed authors as fallback', () => {
    const second = items[1]!;
    assert.deepEqual(second.body, { kind: 'html', html: '<p>Escaped</p>' });
    assert.equal(second.language, 'en');
    assert.equal(second.published, undefined);
    assert.deepEqual(second.authors, ['Feed Author']);
  });

  test('out-of-line content falls back to the summary', () => {
    assert.deepEqual(items[2]?.body, { kind: 'text', text: 'Only a summary' });
  });

  test('an entry with only an id is rejected with a reason', () => {
    const rejected = events.flatMap((event) =>
      event.kind === 'rejected' ? [event.rejection] : [],
    );
    assert.deepEqual(rejected, [
      {
        provenance: { path: 'feed.atom', recordIndex: 3 },
        reason: 'atom: entry 3 has no title, link or content',
      },
    ]);
  });

  test('Atom 0.3: issued/modified and mode="escaped"', () => {
    const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
<entry><title>E</title><link rel="alternate" type="text/html" href="http://x.example/e"/>
<issued>2004-01-02T03:04:05Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`;
    const [item] = itemsOf(readAtom('old.atom', bytesOf(atom03)));
    assert.equal(item?.published, '2004-01-02T03:04:05.000Z');
    assert.deepEqual(item?.body, { kind: 'html', html: '<p>Hi</p>' });
    assert.equal(item?.url, 'http://x.example/e');
  });
});
