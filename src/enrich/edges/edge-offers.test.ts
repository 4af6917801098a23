import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/**
 * Offers, refusals in relative clauses, coordinated systems before a participle and fact-sheet
 * lists (edges-5, eval/gold/facts-dev5.txt and the misses listed in issue 12).
 */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}${e.negated ? ' NEG' : ''}`;
const edges = (text: string, published = '2023-01-20'): string[] =>
  enrichArticle({ text, published }, deps).edges.map(brief);

describe('offers, refusals and lists', () => {
  test('an offer is hedged talk, not a commitment', () => {
    assert.deepEqual(edges('Lockheed Martin has offered Poland the F-35 fighter.'), [
      'Poland <- Lockheed Martin | F-35 | requested',
    ]);
    assert.deepEqual(edges('Britain has offered to send Challenger 2 tanks to Ukraine.'), [
      'Ukraine <- United Kingdom | Challenger 2 | requested',
    ]);
    assert.deepEqual(edges('Russia offers safe passage in exchange for surrender.'), []);
  });

  test('a relative clause refusing a system the recipient wants is a negated transfer', () => {
    assert.deepEqual(edges('Ukraine wants Taurus missiles, which Germany has declined to send.'), [
      'Ukraine <- Germany | Taurus KEPD 350 | committed NEG',
    ]);
  });

  test('a state right after a supply verb is its recipient even when the tagger drops it', () => {
    assert.deepEqual(edges('The United States has so far declined to give Ukraine ATACMS.'), [
      'Ukraine <- United States | ATACMS | committed NEG',
    ]);
  });

  test('systems coordinated before a participle, and coordinated givers', () => {
    assert.deepEqual(
      edges(
        'The Ministry of Defence announced that Challenger 2 tanks and AS-90 self-propelled guns will be gifted to Ukraine.',
      ).map((e) => e.replace(/ <- .*? \|/, ' |')),
      ['Ukraine | Challenger 2 | committed', 'Ukraine | AS-90 | committed'],
    );
    assert.deepEqual(
      edges('Denmark and the Netherlands are to give F-16 fighter jets to Ukraine.'),
      ['Ukraine <- Denmark | F-16 | committed', 'Ukraine <- Netherlands | F-16 | committed'],
    );
  });

  test('a fact sheet list after "Capabilities include:" belongs to the aid announced before', () => {
    assert.deepEqual(
      edges(
        'The United States has committed more than $2.6 billion in security assistance to Ukraine. Capabilities include: 800 Stinger anti-aircraft systems; 2,000 Javelin anti-armor systems.',
      ),
      [
        'Ukraine <- United States | Stinger | committed',
        'Ukraine <- United States | Javelin | committed',
      ],
    );
  });

  test('a demonym system hit in combat is its own; an instrument "with" its maker is not the maker\'s', () => {
    assert.deepEqual(
      edges('Operation targeting Snake Island continues, Russian SAM Pantsir may be destroyed.'),
      ['Russia <- ? | Pantsir | operates'],
    );
    assert.deepEqual(edges('Russia attacked Kyiv with Iranian Shahed drones.'), []);
    assert.deepEqual(edges('Turkey bought the Russian S-400 system in 2019.'), [
      'Turkey <- Russia | S-400 | ordered',
    ]);
  });

  test('a Foreign Military Sale notice: "the Government of X" is the state that asks to buy', () => {
    assert.deepEqual(
      edges(
        'The State Department has made a determination approving a possible Foreign Military Sale to the Government of Poland of M1A2 Abrams Main Battle Tanks for an estimated cost of $6 billion.',
      ),
      ['Poland <- United States | M1 Abrams | requested'],
    );
    assert.deepEqual(
      edges(
        'The Government of Taiwan has requested to buy one hundred (100) Harpoon Coastal Defense Systems.',
      ),
      ['Taiwan <- United States | Harpoon | requested'],
    );
    assert.deepEqual(
      edges(
        'Coalition forces conducted 11 strikes in support of the government of Iraq using rocket artillery against ISIL targets.',
      ),
      [],
    );
  });

  test('deliveries received or expected from several states', () => {
    assert.deepEqual(
      edges('Ukraine has received the first delivery of Leopard 2 tanks from Germany.'),
      ['Ukraine <- Germany | Leopard 2 | delivered'],
    );
    assert.deepEqual(
      edges('Ukraine is expecting deliveries of Leopard 1 tanks from Denmark and Germany.'),
      ['Ukraine <- Denmark | Leopard 1 | delivered', 'Ukraine <- Germany | Leopard 1 | delivered'],
    );
  });
});
