import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from './html-tree.js';
import { selectMainText } from './main-text.js';

const prose = (n: number, topic: string): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} about ${topic}, which goes on for a while, with commas, clauses, and detail enough to read as prose written by a reporter.</p>`,
  ).join('');

const mainOf = (html: string, title?: string): readonly string[] =>
  selectMainText(parseHtml(html).root, title).paragraphs;

describe('selectMainText', () => {
  test('takes the article and leaves navigation, sidebars, comments and footers', () => {
    const html = `<body><nav><a href="/">Home</a><a href="/w">World</a></nav>
      <div class="layout"><article><h1>The headline</h1>${prose(5, 'the summit')}</article>
      <aside class="sidebar">${prose(2, 'something else')}</aside></div>
      <div class="comments">${prose(3, 'reader opinions')}</div>
      <footer>Copyright 2024 Example</footer></body>`;
    const paragraphs = mainOf(html, 'The headline');
    assert.equal(paragraphs.length, 5);
    assert.ok(paragraphs.every((p) => p.includes('the summit')));
  });

  test('drops a link list inside the article', () => {
    const html = `<article>${prose(4, 'the budget')}<ul><li><a href="/1">Read: another story entirely</a></li>
      <li><a href="/2">Read: yet another story here</a></li></ul></article>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 4);
  });

  test('a widget-named wrapper around the whole article is not thrown away', () => {
    const html = `<body><div class="page-ad-margins"><div class="story">${prose(6, 'the election')}</div></div>
      <div class="ad-slot">Advertisement</div></body>`;
    assert.equal(mainOf(html).length, 6);
  });

  test('an article split into twin containers is taken whole', () => {
    const html = `<body><div class="chunks"><div class="grid"><div class="body-chunk">${prose(5, 'banking')}</div></div>
      <div class="grid"><div class="promo">Subscribe now</div></div>
      <div class="grid"><div class="body-chunk">${prose(4, 'more banking')}</div></div></div></body>`;
    assert.equal(mainOf(html).length, 9);
  });
});

describe('selectMainText, chunked bodies', () => {
  test('chunks that share the container component class are one article', () => {
    const chunk = (i: number, modifier: string): string =>
      `<div data-area="text"><div class="RichText ${modifier} lg:w-8/12">${prose(2, `part ${i}`)}</div></div>`;
    const html = `<body><div data-area="body">${chunk(1, '')}<div class="ad">Anzeige</div>${chunk(2, 'RichText--last')}
      <div class="teaser-list"><a href="/x">Another story</a></div>${chunk(3, 'RichText--lastPmb0')}</div></body>`;
    const paragraphs = mainOf(html);
    for (const part of [1, 2, 3])
      assert.ok(
        paragraphs.some((p) => p.includes(`part ${part}`)),
        `part ${part}`,
      );
  });
});

describe('selectMainText, article text out of sight', () => {
  test('a hidden subtree holding most of the page is the article (React streaming, gated body)', () => {
    const html = `<body><div class="skeleton"><p>Loading the article for you now</p></div>
      <div hidden id="S:1"><article>${prose(6, 'the port strike')}</article></div>
      <div hidden class="menu-copy"><p>A hidden short menu description with a few words in it.</p></div></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 6);
    assert.ok(paragraphs.every((p) => p.includes('the port strike')));
  });

  test('a hidden dialog is never the article, however long', () => {
    const html = `<body><article>${prose(3, 'the ceasefire')}</article>
      <div role="dialog" aria-hidden="true" class="cli-modal">${prose(12, 'cookie categories')}</div></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 3);
    assert.ok(paragraphs.every((p) => p.includes('the ceasefire')));
  });

  test('a small hidden box stays furniture', () => {
    const html = `<body><article>${prose(5, 'the tariff')}<div style="display:none">${prose(1, 'a hidden note')}</div></article></body>`;
    assert.equal(mainOf(html).length, 5);
  });

  test('paragraphs a site marks as paywalled are article text', () => {
    const html = `<body><article><div class="body">${prose(2, 'the open part')}
      ${prose(4, 'the gated part').replaceAll('<p>', '<p class="paywall">')}</div></article></body>`;
    assert.equal(mainOf(html).length, 6);
  });
});

describe('selectMainText, readers comments', () => {
  test('a comment box is left out even when it holds more text than the article', () => {
    const html = `<body><div id="container"><div class="blog"><div class="post">${prose(2, 'the caucus')}</div>
      <div class="comments-body">${prose(9, 'what readers think')}</div></div></div></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 2);
    assert.ok(paragraphs.every((p) => p.includes('the caucus')));
  });

  test('an opinion piece named "Kommentar" or "comment" is an article, not readers\' comments', () => {
    for (const name of ['article kommentar', 'comment', 'section-comment'])
      assert.equal(
        mainOf(`<body><article class="${name}"><div>${prose(4, 'the coalition')}</div></article>
          <div class="teaser">${prose(1, 'elsewhere')}</div></body>`).length,
        4,
        name,
      );
  });

  test('page settings that name comments ("has-comments", "comments-enabled") are no comment box', () => {
    const html = `<body class="has-comments"><div class="None comments-enabled" id="article">
      <div class="body">${prose(4, 'the drought')}</div></div></body>`;
    assert.equal(mainOf(html).length, 4);
  });
});

describe('selectMainText, a story split around its container', () => {
  test('paragraphs above a read-more box holding the rest are kept', () => {
    const html = `<body><div class="story-body"><p>${'The opening paragraph of the story says what happened, where it happened and who said so. '.repeat(2)}</p>
      <div id="read-more"><div id="read-more-content">${prose(6, 'the rest')}</div></div></div>
      <div class="sidebar-box"><p>Unrelated box text that is long enough to be a paragraph but sits elsewhere on the page.</p></div></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 7);
    assert.ok(paragraphs[0]!.startsWith('The opening paragraph'));
  });

  test('a short or link-heavy paragraph beside the container is not taken in', () => {
    const html = `<body><div class="story-body"><p>Posted at 12:19</p>
      <p><a href="/a">A long link that leads somewhere else entirely on this website</a> and a few words</p>
      <div id="read-more"><div id="read-more-content">${prose(6, 'the rest')}</div></div></div></body>`;
    assert.equal(mainOf(html).length, 6);
  });
});

describe('selectMainText, teaser cards', () => {
  test('a linked <article> card nested in the story is left out', () => {
    const html = `<body><main><div class="story">${prose(3, 'the vote')}
      <article class="c1"><h3><a href="/other">Another story</a></h3><p>A description of another story that links away from this page, with commas, too.</p></article>
      ${prose(3, 'the count')}</div></main></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 6);
    assert.ok(!paragraphs.some((p) => p.includes('another story')));
  });

  test('a page made of cards (a section front) keeps them', () => {
    const card = (i: number): string =>
      `<article><h3><a href="/s${i}">Story ${i}</a></h3>${prose(1, `story ${i}`)}</article>`;
    const html = `<body><main><div class="list">${[1, 2, 3, 4, 5, 6].map(card).join('')}</div></main></body>`;
    assert.ok(mainOf(html).length >= 6);
  });
});

describe('selectMainText, bare text beside the container', () => {
  test('a lead written straight into the cell that holds the story is kept', () => {
    const html = `<body><table><tr><td class="nav"><a href="/">Home</a></td><td>
      The lead of the story is bare text in the cell, long enough to be prose and free of links.
      <span class="articleText">${prose(5, 'the ruling')}</span></td></tr></table></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 6);
    assert.ok(paragraphs[0]!.startsWith('The lead of the story'));
  });
});

describe('selectMainText, hidden boxes named as widgets', () => {
  test('a long hidden cookie-settings box without a dialog role stays out', () => {
    const html = `<body><article>${prose(2, 'the harbour')}</article>
      <div class="cookie-settings" style="display: none">${prose(10, 'cookie purposes')}</div></body>`;
    const paragraphs = mainOf(html);
    assert.equal(paragraphs.length, 2);
    assert.ok(paragraphs.every((p) => p.includes('the harbour')));
  });

  test('a long liveblog entry in an <article> with a permalink is no teaser card', () => {
    const entry = (i: number): string =>
      `<article><a href="#e${i}">12:0${i}</a>${prose(6, `update ${i}`)}</article>`;
    const html = `<body><main><div class="blog">${prose(3, 'the summary')}${[1, 2, 3].map(entry).join('')}</div></main></body>`;
    assert.equal(mainOf(html).length, 21);
  });
  test('a story cut into several boxes inside its <article> is taken whole', () => {
    const entry = (i: number): string =>
      `<div class="entry" id="e${i}"><h3>Update ${i}</h3><div class="entry-text"><p>Update ${i} on the talks, short.</p><p>Delegates met again on day ${i}, officials said.</p></div></div>`;
    const html = `<body><div class="layout"><article><div class="intro">${prose(4, 'the talks')}</div>
      <div class="entries">${[1, 2, 3, 4, 5, 6, 7, 8].map(entry).join('')}</div></article>
      <div class="more">${prose(1, 'the weather')}</div></div></body>`;
    const paragraphs = mainOf(html);
    assert.ok(paragraphs.some((p) => p.includes('day 8')));
    assert.ok(paragraphs.some((p) => p.includes('Paragraph 0 about the talks')));
    assert.ok(!paragraphs.some((p) => p.includes('the weather')));
  });

  test('a short story under its headline beats the longer teaser list beside it', () => {
    const teasers = Array.from(
      { length: 5 },
      (_, i) =>
        `<h3>Feature ${i}</h3><p>Feature ${i} is a programme about music, culture, and history, with guests, interviews, and more.</p>`,
    ).join('');
    const html = `<body><div class="col"><div class="features">${teasers}</div></div>
      <div class="col"><h2>Local papers report on the state funeral</h2>
      <p>All the papers lead on the funeral, with details of the service, the guests, and the route.</p>
      <p>The Herald also reports on the mayor, his plans, the court case, and the law he means to test.</p></div></body>`;
    const paragraphs = mainOf(html, 'Local papers report on the state funeral');
    assert.ok(paragraphs.some((p) => p.startsWith('All the papers')));
  });
  test('the headline repeated as the first line of the body goes, a phrase of it stays', () => {
    const html = `<body><div class="story"><p><b>Bush declares flooded town a disaster</b></p>
      <p>“Flooded town”</p>${prose(4, 'the flood')}</div></body>`;
    const paragraphs = mainOf(html, 'Bush declares flooded town a disaster - Example News');
    assert.equal(paragraphs.length, 5);
    assert.equal(paragraphs[0], '“Flooded town”');
  });
});
