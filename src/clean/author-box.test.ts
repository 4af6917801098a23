import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from './html-tree.js';
import { selectMainText } from './main-text.js';

const para = (i: number): string =>
  `<p>Die Regierung hat am Dienstag ihre Pläne für den Haushalt ${i} vorgestellt, und die Opposition kritisierte sie scharf, weil die Kürzungen vor allem Soziales treffen.</p>`;

describe('authorBoxes', () => {
  test('an unnamed box headed "Über die Autorin" under the story is left out', () => {
    const html = `<body><div class="article-text">${[1, 2, 3, 4].map(para).join('')}
      <div class="about"><h3>Über die Autorin</h3><p>Anna Beispiel ist Redakteurin im Ressort Politik und schreibt seit 2015 über Finanzpolitik.</p></div>
      </div></body>`;
    const { paragraphs, dropped } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 4);
    assert.equal(dropped.filter((d) => d.reason === 'author-box').length, 2);
  });

  test('the heading alone goes when it sits straight in the article, the text after it stays', () => {
    const html = `<body><div class="article-text">${[1, 2, 3].map(para).join('')}
      <h3>Über den Autor</h3>${para(4)}</div></body>`;
    assert.equal(selectMainText(parseHtml(html).root).paragraphs.length, 4);
  });

  test('a box headed just "Die Autorin" under the story is left out too', () => {
    const html = `<body><div class="article-text">${[1, 2, 3, 4].map(para).join('')}
      <div><h4>Die Autorin</h4><p>Anne Beispiel (*1958) war Direktorin für Planung und leitet heute eine Denkfabrik.</p></div>
      </div></body>`;
    const { paragraphs, dropped } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 4);
    assert.equal(dropped.filter((d) => d.reason === 'author-box').length, 2);
  });
});
