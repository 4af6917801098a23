import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/**
 * Makers named after a system, aid lists after their recipient, bare heads in a list of materiel,
 * systems named only as a yardstick,
 * consumables bought by contract, and deals whose partner comes a few words after the deal noun.
 */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}`;
const edges = (text: string, published = '2022-09-14'): string[] =>
  enrichArticle({ text, published }, deps).edges.map(brief).sort();

describe('makers, aid lists and yardsticks', () => {
  test('"X of <demonym> producer Y": the maker\'s state supplies', () => {
    assert.deepEqual(edges('Brazil ordered 10 Mongoose helicopters of Italian producer Agusta.'), [
      'Brazil <- Italy | Mongoose helicopters | ordered',
    ]);
  });

  test('a demonym without a maker noun names no supplier', () => {
    assert.deepEqual(edges('Brazil ordered 10 Mongoose helicopters of Italian design.'), [
      'Brazil <- ? | Mongoose helicopters | ordered',
    ]);
  });

  test("systems listed after the aid's recipient are that aid", () => {
    assert.deepEqual(
      edges(
        'Washington unveiled $400 million in fresh military aid for Ukraine, with 4 HIMARS launchers and 20 Stinger missiles.',
      ),
      [
        'Ukraine <- United States | HIMARS | committed',
        'Ukraine <- United States | Stinger | committed',
      ],
    );
  });

  test('a system named as a yardstick is not the one sent', () => {
    assert.deepEqual(
      edges('Norway sent Ukraine rocket systems comparable to the American HIMARS.'),
      ['Ukraine <- Norway | rocket systems | delivered'],
    );
  });

  test('a bare "rockets" listed after materiel is materiel; bare "vehicles" is not', () => {
    assert.deepEqual(edges('Iran plans to buy Russian artillery shells, rockets and vehicles.'), [
      'Iran <- Russia | artillery shells | ordered',
      'Iran <- Russia | rockets | ordered',
    ]);
  });

  test('fuel bought by contract is no defence edge', () => {
    assert.deepEqual(
      edges(
        'Texaco Inc has been awarded a 22.5 mln dlr Defense Logistics Agency contract for jet fuel, the Pentagon said.',
        '1987-04-02',
      ),
      [],
    );
  });

  test('an agreement "within a scheme with" a state: that state receives', () => {
    assert.deepEqual(
      edges(
        'Rheinmetall signed an agreement under a swap scheme with Slovakia for the supply of Leopard tanks.',
      ),
      ['Slovakia <- Rheinmetall | Leopard | ordered'],
    );
  });
});
