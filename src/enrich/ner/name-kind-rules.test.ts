import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WordSpan } from './entity-spans.js';
import { alignConventions } from './labelled-corpus.js';
import { applyNameKindRules, splitCoordinated } from './name-kind-rules.js';

const words = (text: string): string[] => text.split(' ');
const show = (w: readonly string[], spans: readonly (WordSpan | undefined)[]): string[] =>
  spans.map((s) => (s === undefined ? '-' : `${s.type}:${w.slice(s.start, s.end).join(' ')}`));

describe('splitCoordinated', () => {
  const split = (text: string, start: number, end: number, type = 'ORG'): string[] => {
    const w = words(text);
    return show(w, splitCoordinated(w, [{ start, end, type }]));
  };

  test('splits two names joined by "and" or a comma', () => {
    assert.deepEqual(split('the Dallas Morning News and Houston Post said', 1, 7), [
      'ORG:Dallas Morning News',
      'ORG:Houston Post',
    ]);
    assert.deepEqual(split('at Osijek-Baranja County , Croatia .', 1, 5, 'GPE'), [
      'GPE:Osijek-Baranja County',
      'GPE:Croatia',
    ]);
  });

  test('keeps names that contain "and" or end in an abbreviation', () => {
    assert.deepEqual(split('Bosnia and Herzegovina', 0, 3, 'GPE'), ['GPE:Bosnia and Herzegovina']);
    assert.deepEqual(split('the Department of Health and Human Services', 1, 7), [
      'ORG:Department of Health and Human Services',
    ]);
    assert.deepEqual(split('the U.N. Food and Agriculture Organization', 1, 6), [
      'ORG:U.N. Food and Agriculture Organization',
    ]);
    assert.deepEqual(split('in Washington , D.C. today', 1, 4, 'GPE'), ['GPE:Washington , D.C.']);
  });

  test('a name ending in an organisation head word before "and" is whole, unless a firm tail follows', () => {
    assert.deepEqual(split('Deutsche Bank and Commerzbank gained', 0, 4), [
      'ORG:Deutsche Bank',
      'ORG:Commerzbank',
    ]);
    assert.deepEqual(split('the Harris Bank and Trust Co said', 1, 6), [
      'ORG:Harris Bank and Trust Co',
    ]);
    assert.deepEqual(split('Marks and Spencer rose', 0, 3), ['ORG:Marks and Spencer']);
  });
});

describe('applyNameKindRules', () => {
  const rule = (text: string, start: number, end: number, type = 'ORG'): string => {
    const w = words(text);
    return show(w, [applyNameKindRules(w, { start, end, type })])[0] as string;
  };

  test('ships and airframes are platforms', () => {
    assert.equal(rule('joined by USS Mahan ( DDG 72 )', 2, 4), 'WEAPON:USS Mahan');
    assert.equal(rule('flew the F-94 Starfire until 1954', 2, 4), 'WEAPON:F-94 Starfire');
    assert.equal(rule('a MiG-29 crashed', 1, 2, 'PERSON'), 'WEAPON:MiG-29');
  });

  test('battles and awards are events, not the place or body inside them', () => {
    assert.equal(rule('the Battle of Antietam where', 3, 4, 'GPE'), 'EVENT:Battle of Antietam');
    assert.equal(rule('the Battle of the Bulge began', 4, 5, 'GPE'), 'EVENT:Battle of the Bulge');
    assert.equal(rule('at the MTV Video Music Awards ,', 2, 6), 'EVENT:MTV Video Music Awards');
    assert.equal(rule('( Operation Market Garden ,', 1, 4), 'EVENT:Operation Market Garden');
  });

  test('a title after "film" or "song" is a work', () => {
    assert.equal(rule('based on the film The Last Emperor .', 4, 7), '-');
    assert.equal(rule('the 1999 film , American Beauty .', 4, 6), '-');
    assert.equal(rule('the film star Tom Hanks', 3, 5, 'PERSON'), 'PERSON:Tom Hanks');
  });

  test('a unit keeps its number', () => {
    assert.equal(rule('the 65th Air Division moved', 2, 4), 'ORG:65th Air Division');
  });

  test('a quoted title is a work, a quoted short name or quoted speech is not', () => {
    assert.equal(rule('the single " A Beautiful Lie " won', 3, 6, 'PERSON'), '-');
    assert.equal(rule('a song " Rock Out " , one', 3, 4, 'PERSON'), '-');
    assert.equal(rule('the so-called " Islamic State " said', 3, 5), 'ORG:Islamic State');
    assert.equal(rule('" We will fight Russia " he said', 4, 5, 'GPE'), 'GPE:Russia');
  });

  test('training gold is moved to the same convention', () => {
    const w = words('The European Union and United States won the World Cup');
    const tags = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG'];
    assert.deepEqual(alignConventions({ words: w, tags }).tags, [
      'O',
      'B-ORG',
      'I-ORG',
      'O',
      'B-ORG',
      'I-ORG',
      'O',
      'O',
      'B-EVENT',
      'I-EVENT',
    ]);
  });
});

describe('name boundaries', () => {
  const rule = (text: string, start: number, end: number, type = 'ORG'): string => {
    const w = words(text);
    return show(w, [applyNameKindRules(w, { start, end, type })])[0] as string;
  };

  test('numbered units and name suffixes belong to the name', () => {
    assert.equal(rule('became the 4 Air Defense Wing in', 3, 6), 'ORG:4 Air Defense Wing');
    assert.equal(rule('the Fourth Air Force took', 2, 4), 'ORG:Fourth Air Force');
    assert.equal(rule('beat 4 Manchester United', 2, 4), 'ORG:Manchester United');
    assert.equal(rule('coach Clay Tice Jr. said', 1, 3, 'PERSON'), 'PERSON:Clay Tice Jr.');
  });
});
