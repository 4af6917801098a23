import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildLexicon, parseNameList, placeTags } from './lexicon.js';
import { contextFeatures, ownFeatures } from './token-features.js';

const lexicon = buildLexicon({
  firstNames: parseNameList('Anna\nKarl\n'),
  surnames: ['Berg'],
  places: ['Rio de Janeiro', 'Rio', 'Bath'],
});
const ctx = { commonWords: new Set(['the', 'in', 'said']), lexicon };

describe('gazetteer lexicon', () => {
  test('matches the longest capitalised place name and skips lower-case words', () => {
    const words = ['In', 'Rio', 'de', 'Janeiro', ',', 'a', 'bath', 'in', 'Bath', 'and', 'Rio'];
    assert.deepEqual(placeTags(words, lexicon), [
      undefined,
      'B',
      'I',
      'I',
      undefined,
      undefined,
      undefined,
      undefined,
      'B',
      undefined,
      'B',
    ]);
  });

  test('given names and surnames fire only when capitalised', () => {
    assert.ok(ownFeatures('Anna', ctx).includes('fn'));
    assert.ok(ownFeatures('Berg', ctx).includes('sn'));
    assert.ok(!ownFeatures('anna', ctx).includes('fn'));
  });

  test('a capitalised run lends its head, neighbours and keyword type to every word', () => {
    const words = ['The', 'Bank', 'of', 'England', 'said', 'Anna', 'Berg', 'left', '.'];
    const f = contextFeatures(words, ctx);
    assert.equal(f[0], undefined, 'a capitalised common word does not open a run');
    assert.deepEqual(f[1]?.slice(0, 4), ['rl=3B', 'rb=the', 'ra=said', 'rh=england']);
    assert.ok(f[3]?.includes('rk=ORG'), 'the keyword "Bank" types the whole run');
    assert.ok(f[5]?.includes('rfn') && f[6]?.includes('rl=2E'));
    assert.equal(f[7], undefined);
  });
});
