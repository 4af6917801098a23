import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from './html-tree.js';
import { selectMainText } from './main-text.js';

const para = (i: number): string =>
  `<p>Die Landesregierung will das Pensionsalter der Feuerwehr ${i} anheben, und die Gewerkschaft kritisiert den Plan scharf, weil der Schichtdienst schon heute belastet.</p>`;

describe('sourcesLists', () => {
  test('a German sources heading under the story goes with the entries after it', () => {
    const html = `<body><div class="article">${[1, 2, 3, 4].map(para).join('')}
      <p>Quellen:</p><ul><li>Landtag NRW, Stellungnahmen zur Anhörung</li><li>WDR Interviews</li></ul>
      <p>Meldung Gewerkschaft Verdi</p></div></body>`;
    const { paragraphs, dropped } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 4);
    assert.equal(dropped.filter((d) => d.reason === 'sources').length, 4);
  });

  test('a sentence after the list is reporting again, and "Quellen" in a sentence is no heading', () => {
    const html = `<body><div class="article">${[1, 2].map(para).join('')}
      <p>Verwendete Quellen</p><ul><li>Eigene Recherchen</li></ul>${para(3)}
      <p>Quellen aus dem Ministerium bestätigten das am Abend.</p></div></body>`;
    const { paragraphs } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 4);
    assert.equal(paragraphs[3], 'Quellen aus dem Ministerium bestätigten das am Abend.');
  });
});
