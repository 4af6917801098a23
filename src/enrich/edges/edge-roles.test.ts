import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/**
 * Roles and scope chosen on eval/gold/facts-dev4.txt's error kinds (sentences here are made up): a
 * negation of another clause, the one urging is no giver, a demonym that cannot be the origin is
 * the user, "the Chinese-made missiles" after a named system, a state naming a civil buyer.
 */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}${e.negated ? ' NEG' : ''}`;
const edges = (text: string, published: string): string[] =>
  enrichArticle({ text, published }, deps).edges.map(brief);

describe('edge roles and scope', () => {
  test('a negation before "who said" belongs to another clause', () => {
    assert.deepEqual(
      edges(
        'Iran was not deterred, according to officials, who said Iranian troops fired Chinese-made Silkworm missiles at a tanker.',
        '1987-10-20',
      ),
      ['Iran <- China | HY-2 Silkworm | operates'],
    );
  });

  test('the one urging others to give is not the giver', () => {
    assert.deepEqual(
      edges("Estonia's prime minister urges allies to give Ukraine more HIMARS.", '2022-08-01'),
      ['Ukraine <- United States | HIMARS | requested'],
    );
  });

  test('a demonym that is not the system origin names its user', () => {
    assert.deepEqual(
      edges('Officials described an Iranian Silkworm missile strike on the tanker.', '1987-10-20'),
      ['Iran <- China | HY-2 Silkworm | operates'],
    );
  });

  test('"the Chinese-made missiles" after Silkworm missiles are those Silkworms', () => {
    assert.deepEqual(
      edges(
        'Iran has installed Silkworm missiles near Hormuz. Washington warned Tehran against using the Chinese-made missiles.',
        '1987-04-01',
      ),
      ['Iran <- China | HY-2 Silkworm | operates'],
    );
  });

  test('a state in front of an airline does not buy its airliners', () => {
    assert.deepEqual(
      edges('A British airline has agreed to buy 12 Airbus A320 aircraft.', '1987-06-01'),
      [],
    );
  });

  test('a headline word glued to a state name ("New U.S.") still names the giver of a package', () => {
    assert.deepEqual(
      edges('New U.S. aid package for Ukraine includes 4 HIMARS, 16 155mm howitzers', '2022-10-04'),
      [
        'Ukraine <- United States | HIMARS | committed',
        'Ukraine <- United States | 155mm howitzers | committed',
      ],
    );
  });
});
