import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml, textOf } from './html-tree.js';

describe('parseHtml', () => {
  test('keeps text, drops script/style content, keeps JSON-LD and head facts', () => {
    const page = parseHtml(`<!doctype html><html lang="de-AT"><head><title> A  title </title>
      <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://x.test/a">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>
      <script>var p = "<p>not text</p>";</script><style>p{color:red}</style></head>
      <body><p>Hello <b>world</b></p><!-- a comment --></body></html>`);
    assert.equal(page.head.title, 'A title');
    assert.equal(page.head.lang, 'de-AT');
    assert.deepEqual(page.head.meta.get('og:site_name'), ['Example News']);
    assert.deepEqual(page.head.links.get('canonical'), ['https://x.test/a']);
    assert.equal(page.head.jsonLd.length, 1);
    assert.match(page.head.jsonLd[0] ?? '', /NewsArticle/);
    const text = textOf(page.root).replace(/\s+/g, ' ');
    assert.match(text, /Hello world/);
    assert.doesNotMatch(text, /not text|color|a comment/);
  });

  test('an unclosed skipped element does not swallow the rest of the page', () => {
    const page = parseHtml('<div><iframe src="x"><p>inside</p></div><p>after the frame</p>');
    const text = textOf(page.root);
    assert.match(text, /after the frame/);
    assert.doesNotMatch(text, /inside/);
  });
});
