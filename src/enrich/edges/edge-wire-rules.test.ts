import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/**
 * Sentence shapes of 1980s wire stories and agency leads (eval/gold/facts-dev3.txt): contracts let by
 * a bare "Navy", halted transfers, definite nouns standing for a system named before, counterfactuals.
 */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}${e.negated ? ' NEG' : ''}`;
const edges = (text: string, published = '1987-03-20'): string[] =>
  enrichArticle({ text, published }, deps).edges.map(brief);

describe('edges on wire stories', () => {
  test('a dollar contract let by a bare service is a U.S. order; demonyms in its object buy through it', () => {
    assert.deepEqual(
      edges(
        'Hughes Aircraft Co, a division of General Motors Corp, has received a 61.1 mln dlr contract for electronic display equipment for U.S., Australian and Spanish surface ships, the Navy said.',
      ),
      [
        'United States <- Hughes Aircraft | electronic display equipment | ordered',
        'Australia <- United States | electronic display equipment | ordered',
        'Spain <- United States | electronic display equipment | ordered',
      ],
    );
  });

  test('the firm that wins a contract is no recipient of what it builds', () => {
    assert.deepEqual(
      edges(
        'General Dynamics Corp has received two contracts totaling 29.2 mln dlrs for upgrade and retrofit work on F-16A/B aircraft, the Air Force said.',
      ),
      ['United States <- General Dynamics | F-16A/B aircraft | ordered'],
    );
  });

  test('stopping a transfer presupposes it: the edge is not negated', () => {
    assert.deepEqual(
      edges(
        'Kuleba demanded that Iran immediately stop supplying Russia with drones.',
        '2022-10-29',
      ),
      ['Russia <- Iran | drones | requested'],
    );
  });

  test('"the missiles" after one known system of that class is that system', () => {
    assert.deepEqual(
      edges(
        'Iran has deployed Chinese-made Silkworm missiles near the Strait of Hormuz. The battleship is likely to make Iran think twice about using the missiles, diplomats said.',
      ),
      ['Iran <- China | HY-2 Silkworm | operates'],
    );
  });

  test('a counterfactual reports no transfer', () => {
    assert.deepEqual(
      edges(
        'Had Ukraine received more MLR systems in time, Lysychansk would have remained under its control.',
        '2022-07-18',
      ),
      [],
    );
    assert.deepEqual(edges('Ukraine received more MLR systems in time.', '2022-07-18'), [
      'Ukraine <- ? | MLR systems | delivered',
    ]);
  });

  test('a contract with a party for a supply: the party receives, the signer supplies', () => {
    assert.deepEqual(
      edges(
        'Slovakia signs contract with Ukraine for supply of eight Zuzana 2 howitzers.',
        '2022-06-02',
      ),
      ['Ukraine <- Slovakia | Zuzana 2 | ordered'],
    );
  });

  test('the one wanting a delivery gets it; Turkey is named Turkey', () => {
    assert.deepEqual(
      edges('Turkey wants to speed up the delivery of American F-16 fighter jets.', '2022-08-13'),
      ['Turkey <- United States | F-16 | requested'],
    );
  });
});
