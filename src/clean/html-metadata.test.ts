import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readMetadata, toIsoDate } from './html-metadata.js';
import { parseHtml } from './html-tree.js';

const metaOf = (html: string) => {
  const page = parseHtml(html);
  return readMetadata(page.head, page.landmarks);
};

describe('readMetadata', () => {
  test('prefers JSON-LD authors and dates, splits author lists, drops the site from the title', () => {
    const meta = metaOf(`<html lang="en-GB"><head><title>Troops arrive - Example News</title>
      <meta property="og:site_name" content="Example News">
      <meta property="og:image" content="https://x.test/lead.jpg">
      <meta property="article:section" content="World"><meta property="article:tag" content="NATO">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"page"},
        {"@type":"NewsArticle","headline":"Troops arrive","datePublished":"2024-03-01T10:00:00+01:00",
         "dateModified":"2024-03-02T08:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}]}</script>
      </head><body><h1>Something else entirely</h1></body></html>`);
    assert.equal(meta.title, 'Troops arrive');
    assert.deepEqual(meta.authors, ['Ann Lee', 'Bo Chen']);
    assert.equal(meta.published, '2024-03-01T10:00:00+01:00');
    assert.equal(meta.modified, '2024-03-02T08:00:00Z');
    assert.equal(meta.site, 'Example News');
    assert.equal(meta.language, 'en-GB');
    assert.equal(meta.section, 'World');
    assert.deepEqual(meta.tags, ['NATO']);
    assert.equal(meta.leadImage, 'https://x.test/lead.jpg');
  });

  test('falls back to meta author (not URLs) and the visible h1 when the declared title decorates it', () => {
    const meta = metaOf(`<head><meta property="og:title" content="Breaking: Port closed | Daily">
      <meta name="author" content="By Jane Roe and John Poe"><meta property="article:author" content="https://x.test/jane">
      </head><body><h1>Port closed</h1></body>`);
    assert.equal(meta.title, 'Port closed');
    assert.deepEqual(meta.authors, ['Jane Roe', 'John Poe']);
  });

  test('itemprop bylines when nothing is declared', () => {
    const meta = metaOf(
      '<body><span itemprop="author"><span itemprop="name">Kim Park</span></span></body>',
    );
    assert.deepEqual(meta.authors, ['Kim Park']);
  });
});

describe('toIsoDate', () => {
  test('keeps ISO as stated and converts other readable dates', () => {
    assert.equal(toIsoDate('2024-05-03 14:24:00+02:00'), '2024-05-03T14:24:00+02:00');
    assert.equal(toIsoDate('Fri, 03 May 2024 12:00:00 GMT'), '2024-05-03T12:00:00.000Z');
    assert.equal(toIsoDate('yesterday-ish'), undefined);
  });
});
