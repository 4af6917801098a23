import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { RawItem, ReaderEvent } from '../core/raw-item.js';
import { readRss } from './read-rss.js';
import { bytesOf } from './test-bytes.js';

const itemsOf = (events: ReaderEvent[]): RawItem[] =>
  events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel xml:base="https://news.example.com/">
  <title>Example &amp; Sons News</title>
  <link>https://news.example.com/</link>
  <language>en-us</language>
  <item>
    <title>Allies &amp; partners agree on air defence</title>
    <link>/2024/03/air-defence</link>
    <guid isPermaLink="false">urn:example:1</guid>
    <pubDate>Fri, 01 Mar 2024 10:00:00 +0100</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <author>desk@example.com (News Desk)</author>
    <category>Defence</category><category>NATO</category>
    <description>Short summary</description>
    <content:encoded><![CDATA[<p>Full <b>story</b> &amp; more</p>]]></content:encoded>
  </item>
  <item>
    <title>Plain text description</title>
    <link>https://news.example.com/b</link>
    <pubDate>not a date</pubDate>
    <description>Ministers met &#8211; nothing else</description>
  </item>
  <item>
    <description>&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt;&lt;/p&gt;</description>
    <guid>https://news.example.com/c</guid>
  </item>
  <item><category>empty</category></item>
</channel></rss>`;

describe('readRss', () => {
  const events = readRss('feed.xml', bytesOf(rss), 'rss');
  const items = itemsOf(events);

  test('one item per <item>, with body, link, ids, dates, people and categories', () => {
    assert.equal(items.length, 3);
    const first = items[0]!;
    assert.equal(first.format, 'rss');
    assert.equal(first.title, 'Allies & partners agree on air defence');
    assert.equal(first.url, 'https://news.example.com/2024/03/air-defence');
    assert.equal(first.externalId, 'urn:example:1');
    assert.equal(first.published, '2024-03-01T09:00:00.000Z');
    assert.deepEqual(first.authors, ['News Desk', 'Jane Doe']);
    assert.deepEqual(first.categories, ['Defence', 'NATO']);
    assert.deepEqual(first.body, { kind: 'html', html: '<p>Full <b>story</b> &amp; more</p>' });
    assert.equal(first.source, 'Example & Sons News');
    assert.equal(first.language, 'en-us');
    assert.deepEqual(first.provenance, {
      path: 'feed.xml',
      recordIndex: 0,
      url: 'https://news.example.com/2024/03/air-defence',
    });
    assert.match(first.raw, /^<item>[\s\S]*<\/item>$/);
  });

  test('a plain description is a text body; an unreadable date is dropped', () => {
    assert.deepEqual(items[1]?.body, { kind: 'text', text: 'Ministers met – nothing else' });
    assert.equal(items[1]?.published, undefined);
  });

  test('escaped HTML becomes an html body and a permalink guid serves as the link', () => {
    assert.deepEqual(items[2]?.body, { kind: 'html', html: '<p>Escaped <i>HTML</i></p>' });
    assert.equal(items[2]?.url, 'https://news.example.com/c');
  });

  test('an item with nothing to read is rejected with a reason', () => {
    const rejected = events.filter((event) => event.kind === 'rejected');
    assert.deepEqual(rejected, [
      {
        kind: 'rejected',
        rejection: {
          provenance: { path: 'feed.xml', recordIndex: 3 },
          reason: 'rss: entry 3 has no title, link or content',
        },
      },
    ]);
  });

  test('tolerates bad ampersands, HTML entities, unclosed CDATA and undeclared prefixes', () => {
    const broken = `<rss><channel><title>AT&T news</title>
<item><title>Caf&eacute; &nbsp;talks & more</title><dc:creator>Undeclared Prefix</dc:creator>
<description>Raw <b>markup</b> inside</description></item>
<item><title>Truncated</title><description><![CDATA[<p>never closed`;
    const parsed = itemsOf(readRss('broken.xml', bytesOf(broken), 'rss'));
    assert.equal(parsed.length, 2);
    assert.equal(parsed[0]?.source, 'AT&T news');
    assert.equal(parsed[0]?.title, 'Café talks & more');
    assert.deepEqual(parsed[0]?.authors, ['Undeclared Prefix']);
    assert.deepEqual(parsed[0]?.body, { kind: 'html', html: 'Raw <b>markup</b> inside' });
    assert.equal(parsed[1]?.title, 'Truncated');
    assert.deepEqual(parsed[1]?.body, { kind: 'html', html: '<p>never closed' });
  });

  test('honours the encoding in the XML declaration', () => {
    const latin = iconv.encode(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Sécurité</title></item></channel></rss>',
      'latin1',
    );
    assert.equal(itemsOf(readRss('latin.xml', latin, 'rss'))[0]?.title, 'Sécurité');
  });

  test('RSS 1.0 (RDF): items beside the channel, dc:date, rdf:about as id', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/"><title>RDF Wire</title><link>https://example.org/</link></channel>
  <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>
    <dc:date>2024-02-03T04:05:06+00:00</dc:date><dc:subject>Security</dc:subject><description>Text</description></item>
</rdf:RDF>`;
    const [item] = itemsOf(readRss('feed.rdf', bytesOf(rdf), 'rdf'));
    assert.equal(item?.format, 'rdf');
    assert.equal(item?.source, 'RDF Wire');
    assert.equal(item?.externalId, 'https://example.org/1');
    assert.equal(item?.published, '2024-02-03T04:05:06.000Z');
    assert.deepEqual(item?.categories, ['Security']);
  });

  test('an aggregated item names its original outlet as source', () => {
    const aggregated = `<rss><channel><title>Google News</title><item><title>T</title>
<source url="https://www.reuters.com">Reuters</source></item><item><title>U</title></item></channel></rss>`;
    assert.deepEqual(
      itemsOf(readRss('gn.xml', bytesOf(aggregated), 'rss')).map((item) => item.source),
      ['Reuters', 'Google News'],
    );
  });

  test('a feed without items is skipped, not an error', () => {
    assert.deepEqual(
      readRss('empty.xml', bytesOf('<rss><channel><title>x</title></channel></rss>'), 'rss'),
      [
        {
          kind: 'skipped',
          skip: { provenance: { path: 'empty.xml' }, reason: 'rss: feed has no items' },
        },
      ],
    );
  });
});
