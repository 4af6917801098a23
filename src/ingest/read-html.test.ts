import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { readHtml } from './read-html.js';
import { bytesOf } from './test-bytes.js';

const page = `<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Fallback title | Outlet</title>
<meta property="og:title" content="Allies pledge air defence">
<meta property="og:site_name" content="Defence Daily">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">
<link rel="canonical" href="https://example.com/news/air-defence">
</head><body><article><p>Allies pledged more air defence &amp; ammunition.</p></article></body></html>`;

describe('readHtml', () => {
  test('one html item with metadata candidates from the head', () => {
    const [event] = readHtml('page.html', bytesOf(page));
    assert.equal(event?.kind, 'item');
    if (event?.kind !== 'item') return;
    const { item } = event;
    assert.deepEqual(item.body, { kind: 'html', html: page });
    assert.equal(item.title, 'Allies pledge air defence');
    assert.equal(item.url, 'https://example.com/news/air-defence');
    assert.equal(item.published, '2024-03-01T09:00:00.000Z');
    assert.deepEqual(item.authors, ['Jane Doe']);
    assert.equal(item.source, 'Defence Daily');
    assert.equal(item.language, 'en-GB');
  });

  test('JSON-LD dates and authors win over meta tags; <title> is used without og:title', () => {
    const html = `<html><head><title> Plain  title </title>
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-02T08:00:00Z",
"author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}]}]}</script>
<script type="application/ld+json">{ broken json</script>
<meta name="author" content="Meta Author"></head><body><time datetime="2020-01-01">x</time></body></html>`;
    const [event] = readHtml('p.html', bytesOf(html));
    if (event?.kind !== 'item') return assert.fail('expected an item');
    assert.equal(event.item.title, 'Plain title');
    assert.equal(event.item.published, '2023-05-02T08:00:00.000Z');
    assert.deepEqual(event.item.authors, ['A. Writer', 'B. Writer']);
  });

  test('a <time> element is the last resort for the date', () => {
    const [event] = readHtml(
      'p.html',
      bytesOf('<html><body><time datetime="2020-01-02T03:04:05Z">x</time></body></html>'),
    );
    assert.equal(event?.kind === 'item' ? event.item.published : '', '2020-01-02T03:04:05.000Z');
  });

  test('decodes with the charset the page declares', () => {
    const bytes = iconv.encode(
      '<html><head><meta charset="windows-1251"><title>Новости</title></head></html>',
      'windows-1251',
    );
    const [event] = readHtml('ru.html', bytes);
    assert.equal(event?.kind === 'item' ? event.item.title : '', 'Новости');
  });
});
