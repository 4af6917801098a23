import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCommentSectionHeading } from './comment-section.js';
import { parseHtml } from './html-tree.js';
import { selectMainText } from './main-text.js';

const para = (i: number): string =>
  `<p>Am Wochenende waren wir wieder im Garten ${i}, und die Tomaten haben endlich Farbe bekommen, obwohl der Sommer bisher eher kühl und verregnet war.</p>`;

describe('isCommentSectionHeading', () => {
  test('German blog themes announce their comments in several forms', () => {
    for (const heading of [
      'Hinterlasse einen Kommentar',
      'Hinterlassen Sie eine Antwort',
      'Kommentar hinterlassen',
      'Keine Kommentare',
      'Alle Kommentare anzeigen',
      '3 Antworten zu „Tomaten im Juli“',
      'Schreibe einen Kommentar',
    ])
      assert.equal(isCommentSectionHeading(heading), true, heading);
  });

  test('a sentence about comments, or a section named Diskussion, is text', () => {
    for (const text of [
      'Keine Kommentare wollte der Sprecher zu den Vorwürfen abgeben.',
      'Diskussion',
      'Kommentar',
    ])
      assert.equal(isCommentSectionHeading(text), false, text);
  });

  test('the article ends at the heading: the comments under it in the same box are left out', () => {
    const html = `<body><div class="entry">${[1, 2, 3].map(para).join('')}
      <h3>Hinterlasse einen Kommentar</h3><p>Toller Beitrag, bei uns sind die Tomaten auch endlich rot geworden, danke für die vielen Tipps!</p></div></body>`;
    const { paragraphs, dropped } = selectMainText(parseHtml(html).root);
    assert.equal(paragraphs.length, 3);
    assert.equal(dropped.filter((d) => d.reason === 'comments').length, 2);
  });
});
