import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spansFromBio } from './entity-spans.js';
import { parseGumConllu } from './gum-corpus.js';

// Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC (a made-up sentence).
const row = (id: number, form: string, upos: string, head: number, misc = '_'): string =>
  [id, form, form, upos, '_', '_', head, 'dep', '_', misc].join('\t');

const text = [
  '# newdoc id = GUM_news_example',
  row(1, 'Byron', 'PROPN', 2, 'Entity=(1-person-new-s-cf1-1-coref-Lord_Byron)'),
  row(2, 'attended', 'VERB', 0),
  row(
    3,
    'Aberdeen',
    'PROPN',
    5,
    'Entity=(2-organization-new-s-cf2-1-coref(3-place-new-s-cf3-1-sgl)',
  ),
  row(4, 'Grammar', 'PROPN', 5),
  row(5, 'School', 'PROPN', 2, 'Entity=2)'),
  row(6, 'and', 'CCONJ', 9),
  row(7, 'the', 'DET', 8, 'Entity=(4-organization-new-s-cf4-2-sgl'),
  row(8, 'school', 'NOUN', 2, 'Entity=4)'),
  row(9, 'of', 'ADP', 10, 'Entity=(5-person-new-s-cf5-1-sgl'),
  row(10, 'Dr.', 'PROPN', 8),
  row(11, 'Glennie', 'PROPN', 10, 'Entity=5)'),
  '',
].join('\n');

describe('GUM reader', () => {
  test('keeps named mentions (proper-noun heads), outer mentions first', () => {
    const [doc] = parseGumConllu(text);
    assert.equal(doc?.id, 'GUM_news_example');
    const s = doc?.sentences[0];
    assert.ok(s);
    const spans = spansFromBio(s.tags).map(
      (x) => `${s.words.slice(x.start, x.end).join(' ')}/${x.type}`,
    );
    assert.deepEqual(spans, ['Byron/PERSON', 'Aberdeen Grammar School/ORG', 'Dr. Glennie/PERSON']);
  });
});
