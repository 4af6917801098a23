import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPhraseMatcher } from './phrase-matcher.js';
import { normalizeAlias } from './normalize-alias.js';

const matcher = createPhraseMatcher([
  { alias: 'US', id: 'gpe:us', type: 'GPE' },
  { alias: 'U.S.', id: 'gpe:us', type: 'GPE' },
  { alias: 'Patriot', id: 'weapon:patriot', type: 'WEAPON' },
  { alias: 'SCALP', id: 'weapon:storm-shadow', type: 'WEAPON' },
  { alias: 'Storm Shadow', id: 'weapon:storm-shadow', type: 'WEAPON' },
  { alias: 'Ukraine', id: 'gpe:ua', type: 'GPE' },
  { alias: 'the Ukraine', id: 'gpe:ua', type: 'GPE' },
  { alias: 'Ukraine Defense Contact Group', id: 'org:udcg', type: 'ORG' },
  { alias: 'NATO', id: 'org:nato', type: 'ORG' },
  { alias: 'NATO Response Force', id: 'unit:nrf', type: 'UNIT' },
  { alias: 'de Gaulle', id: 'person:de-gaulle', type: 'PERSON' },
  { alias: 'SAMP/T', id: 'weapon:samp-t', type: 'WEAPON' },
]);

const found = (text: string) =>
  matcher.matchText(text).map((m) => `${m.text}@${m.start}=${m.ids.join('/')}`);

describe('normalizeAlias', () => {
  test('folds case, dots, dashes, diacritics and British spelling', () => {
    assert.equal(normalizeAlias('U.S.'), 'u s');
    assert.equal(normalizeAlias('SAMP-T'), normalizeAlias('SAMP/T'));
    assert.equal(normalizeAlias('Türkiye'), 'turkiye');
    assert.equal(
      normalizeAlias('Ukraine Defence Contact Group'),
      normalizeAlias('Ukraine Defense Contact Group'),
    );
    assert.equal(normalizeAlias('Błaszczak'), 'blaszczak');
  });
});

describe('createPhraseMatcher', () => {
  test('short acronyms match only as written', () => {
    assert.deepEqual(found('let us go'), []);
    assert.deepEqual(found('the US and the U.S. army'), ['US@4=gpe:us', 'U.S.@15=gpe:us']);
  });

  test('capitalised names need a capital; longer acronyms accept title case', () => {
    assert.deepEqual(found('a true patriot'), []);
    assert.deepEqual(found('Patriot and French Scalp missiles'), [
      'Patriot@0=weapon:patriot',
      'Scalp@19=weapon:storm-shadow',
    ]);
    assert.deepEqual(found('storm shadow'), []);
  });

  test('lowercase alias words match any case', () => {
    assert.deepEqual(found('Charles de Gaulle'), ['de Gaulle@8=person:de-gaulle']);
  });

  test('longest match wins, also against a leading "the"', () => {
    assert.deepEqual(found('joined the Ukraine Defense Contact Group.'), [
      'Ukraine Defense Contact Group@11=org:udcg',
    ]);
    assert.deepEqual(found('an expanded NATO Response Force'), ['NATO Response Force@12=unit:nrf']);
    assert.deepEqual(found("NATO's summit"), ['NATO@0=org:nato']);
  });

  test('names inside longer words do not match; plurals of words do, of acronyms not', () => {
    assert.deepEqual(found('NATOs USA Patriotic'), []);
    assert.deepEqual(found('two Patriots'), ['Patriots@4=weapon:patriot']);
  });

  test('matchTokens respects the caller tokenisation', () => {
    const tokens = [
      'The',
      'U.S.',
      'sent',
      'SAMP/T',
      'and',
      'Storm',
      'Shadow',
      'to',
      'Ukraine',
      '.',
    ];
    assert.deepEqual(
      matcher.matchTokens(tokens).map((m) => [m.start, m.end, m.ids[0]]),
      [
        [1, 2, 'gpe:us'],
        [3, 4, 'weapon:samp-t'],
        [5, 7, 'weapon:storm-shadow'],
        [8, 9, 'gpe:ua'],
      ],
    );
    // "SAMP" alone is not a name, and a match may not end inside a caller token.
    assert.deepEqual(matcher.matchTokens(['SAMP']), []);
    assert.deepEqual(matcher.matchTokens(['NATO-led']), []);
  });
});
