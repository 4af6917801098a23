import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signsOf } from './boilerplate-markers.js';
import type { HtmlElement } from './html-tree.js';

const el = (cls: string): HtmlElement => ({
  tag: 'div',
  attrs: { class: cls },
  children: [],
  parent: undefined,
});

describe('signsOf', () => {
  test('a widget word glued to a part name in one class word is still a widget', () => {
    for (const cls of ['jp-relatedposts', 'sharebuttons', 'newsletterbox', 'sidebarbox'])
      assert.equal(signsOf(el(cls)).negative, true, cls);
  });

  test('German templates name their boxes in German', () => {
    for (const cls of ['autorenbox', 'werbung-container', 'artikel-teilen'])
      assert.equal(signsOf(el(cls)).negative, true, cls);
    assert.equal(signsOf(el('artikel-autor-text')).negative, false);
  });

  test('words that merely start like a widget word are not split', () => {
    for (const cls of ['entry-content', 'adventure-story', 'shareholders', 'metadata-text'])
      assert.equal(signsOf(el(cls)).negative, false, cls);
  });

  test('a CSS Modules hash after __ is no BEM part: the name before it is read', () => {
    assert.equal(signsOf(el('NewsletterBox_root__rh9I2')).negative, true);
    assert.equal(signsOf(el('Teaser_wrapper__ckSlm')).negative, true);
    assert.equal(signsOf(el('ArticleParagraph_root__lhFZo')).negative, false);
    // A BEM element is a word: "sidebar-grid__title" is a title, not a sidebar.
    assert.equal(signsOf(el('sidebar-grid__title')).negative, false);
  });

  test('an id slugged from a heading names no widget; a short widget id still does', () => {
    const withId = (id: string): HtmlElement => ({
      tag: 'div',
      attrs: { class: 'section', id },
      children: [],
      parent: undefined,
    });
    for (const id of ['sharing-with-a-single-developer', 'Werbung_im_Internet_erkennen'])
      assert.equal(signsOf(withId(id)).negative, false, id);
    for (const id of ['related-posts', 'comment-form', 'site-index-subscribe-label'])
      assert.equal(signsOf(withId(id)).negative, true, id);
  });
});
