import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractArticle } from './extract-article.js';
import { parseHtml } from './html-tree.js';

const body = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Absatz ${i} über den Haushalt, der eine Weile weitergeht, mit Kommas, Nebensätzen, und genug Einzelheiten, um als Text eines Reporters zu gelten.</p>`,
).join('');
const lead =
  'Der Bundestag hat den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisiert die hohen Schulden scharf.';
const page = (leadClass: string, description = lead): string =>
  `<html><head><title>Haushalt beschlossen</title><meta property="og:description" content="${description}"></head>
   <body><header class="article-header"><h1>Haushalt beschlossen</h1><p class="${leadClass}">${lead}</p></header>
   <div class="article-body">${body}</div><footer>Impressum</footer></body></html>`;

describe('standfirst', () => {
  test('a lead named as such and matching the description opens the text', () => {
    const article = extractArticle(page('article-teaser'));
    assert.equal(article.paragraphs[0], lead);
    assert.equal(article.paragraphs.length, 6);
  });

  test('an unnamed German lead in the header that says what the description says opens the text', () => {
    assert.equal(extractArticle(page('subtitle')).paragraphs[0], lead);
  });

  test('an unnamed English dek, or a lead the description does not vouch for, stays out', () => {
    const dek =
      'Parliament passed the budget for next year on Tuesday. The opposition sharply criticised the new debt.';
    const english = page('subtitle', dek)
      .replace(lead, dek)
      .replace(/Absatz \d über den Haushalt/g, 'A paragraph on the budget');
    assert.equal(extractArticle(english).paragraphs.length, 5);
    const other =
      'Ein ganz anderer Text über Fußball, Wetter und die Bahn, der nichts mit dem Haushalt zu tun hat.';
    assert.equal(extractArticle(page('article-teaser', other)).paragraphs.length, 5);
  });

  test('a lead the body already holds is not repeated', () => {
    const html = page('teaser').replace(
      '<div class="article-body">',
      `<div class="article-body"><p>${lead}</p>`,
    );
    const paragraphs = extractArticle(html).paragraphs;
    assert.equal(paragraphs.filter((p) => p === lead).length, 1);
  });
});

describe('parseHtml', () => {
  test('an unclosed <title> does not swallow the page', () => {
    const parsed = parseHtml(
      '<html><head><title>Sport news\n<script>x()</script></head><body><p>Text</p></body></html>',
    );
    assert.equal(parsed.head.title, 'Sport news');
  });
});
