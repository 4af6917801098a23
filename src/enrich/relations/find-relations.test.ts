import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EntityType } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';
import { splitSentences, tokenize } from '../tokenize.js';
import { findRelations } from './find-relations.js';

const mentions = (text: string, names: [string, EntityType][]): EntityMention[] =>
  names.map(([surface, type]) => {
    const start = text.indexOf(surface);
    assert.ok(start >= 0, surface);
    return {
      text: surface,
      start,
      end: start + surface.length,
      type,
      id: surface.toLowerCase(),
      name: surface,
      source: 'ner',
      method: 'local',
    };
  });

const relations = (text: string, names: [string, EntityType][]): string[] =>
  findRelations(text, splitSentences(text, tokenize(text)), mentions(text, names)).map(
    (r) => `${r.subject.name} ${r.negated ? 'NOT ' : ''}${r.predicate} ${r.object.name}`,
  );

describe('findRelations', () => {
  test('membership, with negation', () => {
    assert.deepEqual(
      relations('Georgia is not a full member of NATO yet.', [
        ['Georgia', 'GPE'],
        ['NATO', 'ORG'],
      ]),
      ['Georgia NOT member_of NATO'],
    );
    assert.deepEqual(
      relations('Finland joined NATO in 2023.', [
        ['Finland', 'GPE'],
        ['NATO', 'ORG'],
      ]),
      ['Finland member_of NATO'],
    );
  });

  test('deployments and supplies are told apart by what is sent', () => {
    assert.deepEqual(
      relations('Berlin will send 4,000 troops to Lithuania.', [
        ['Berlin', 'GPE'],
        ['Lithuania', 'GPE'],
      ]),
      ['Berlin deploys_to Lithuania'],
    );
    assert.deepEqual(
      relations('Norway supplied NASAMS launchers to Ukraine.', [
        ['Norway', 'GPE'],
        ['NASAMS', 'WEAPON'],
        ['Ukraine', 'GPE'],
      ]),
      ['Norway supplies Ukraine'],
    );
  });

  test('makers, buyers, dependence and offices', () => {
    assert.deepEqual(
      relations('Poland ordered K2 tanks, and Saab builds the Gripen.', [
        ['Poland', 'GPE'],
        ['K2', 'WEAPON'],
        ['Saab', 'ORG'],
        ['Gripen', 'WEAPON'],
      ]),
      ['Poland acquires K2', 'Saab manufactures Gripen'],
    );
    assert.deepEqual(
      relations('Europe still depends on Washington for satellites.', [
        ['Europe', 'LOC'],
        ['Washington', 'GPE'],
      ]).length,
      0,
      'a LOC is not an actor',
    );
    assert.deepEqual(
      relations('Taiwan relies on U.S. arms.', [
        ['Taiwan', 'GPE'],
        ['U.S.', 'GPE'],
      ]),
      ['Taiwan depends_on U.S.'],
    );
    assert.deepEqual(
      relations('Dutch Prime Minister Dick Schoof spoke.', [['Dick Schoof', 'PERSON']]),
      ['Dick Schoof holds_office Dutch Prime Minister'],
    );
  });
});
