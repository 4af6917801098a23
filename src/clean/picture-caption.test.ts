import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from './html-tree.js';
import { selectMainText } from './main-text.js';

const para = (i: number): string =>
  `<p>Die Offensive wird seit Wochen vorbereitet ${i}, heißt es in Kiew, und die Wetterbedingungen sind noch ungünstig, weil Regen viele Straßen aufgeweicht hat.</p>`;
const caption = 'Seit Monaten umkämpft: die ostukrainische Stadt Bachmut';

describe('pictureCaptions', () => {
  test('a paragraph in a box that holds only a picture and it is a caption', () => {
    const html = `<body><div class="longText">${para(1)}${para(2)}
      <div class="picBox"><a href="#"><img src="a.jpg" alt=""></a><p>${caption}</p></div>
      ${para(3)}${para(4)}</div></body>`;
    const { paragraphs, dropped } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 4);
    assert.deepEqual(
      dropped.filter((d) => d.reason === 'caption').map((d) => d.text),
      [caption],
    );
  });

  test('a picture in a paragraph of its own, or in a quote, leaves the text beside it alone', () => {
    const inParagraph = `<body><div class="longText">${para(1)}${para(2)}
      <div><p><img src="a.jpg"></p><p>${caption}</p></div>${para(3)}</div></body>`;
    assert.equal(selectMainText(parseHtml(inParagraph).root).paragraphs.length, 4);
    const inQuote = `<body><div class="longText">${para(1)}${para(2)}
      <blockquote><img src="a.jpg"><p>${caption}</p></blockquote>${para(3)}</div></body>`;
    assert.equal(selectMainText(parseHtml(inQuote).root).paragraphs.length, 4);
  });

  test('a box with more text than the one paragraph is no picture box', () => {
    const html = `<body><div class="longText">${para(1)}${para(2)}
      <div><img src="a.jpg"><p>${caption}</p>${para(3)}</div>${para(4)}</div></body>`;
    assert.equal(selectMainText(parseHtml(html).root).paragraphs.length, 5);
  });
});
