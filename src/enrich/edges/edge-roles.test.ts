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

describe('aid lists and receipts', () => {
  test('an announced package names the parties of the list that follows, on its own lines too', () => {
    const expected = [
      'Ukraine <- United States | Stinger | committed',
      'Ukraine <- United States | Javelin | committed',
      'Ukraine <- United States | M777 | committed',
    ];
    assert.deepEqual(
      edges(
        'The United States unveiled a new $500 million security assistance package for Ukraine. It includes 900 Stinger anti-aircraft systems, 2,000 Javelin anti-armor missiles and 18 M777 howitzers.',
        '2022-05-01',
      ),
      expected,
    );
    assert.deepEqual(
      edges(
        'The United States unveiled a new security assistance package for Ukraine. The package includes:\n- 900 Stinger anti-aircraft systems;\n- 2,000 Javelin anti-armor missiles;\n- 18 M777 howitzers.',
        '2022-05-01',
      ),
      expected,
    );
  });

  test('"took delivery of X from Y", "gifted", "a deal with X for Y"', () => {
    assert.deepEqual(edges('Hungary took delivery of the S-400 from Russia.', '2019-07-12'), [
      'Hungary <- Russia | S-400 | delivered',
    ]);
    assert.deepEqual(
      edges('The Dutch government has gifted Ukraine 40 armoured vehicles.', '2022-04-08'),
      ['Ukraine <- Netherlands | armoured vehicles | delivered'],
    );
    assert.deepEqual(edges('Greece signed a deal with France for 18 Rafale jets.', '2021-01-25'), [
      'Greece <- France | Rafale | ordered',
    ]);
  });

  test('"forces using X-supplied Y" got it from X, whatever the main verb says', () => {
    assert.deepEqual(
      edges('Ukrainian troops are using British-supplied NLAW anti-tank weapons.', '2022-03-10'),
      ['Ukraine <- United Kingdom | NLAW | delivered'],
    );
    assert.deepEqual(edges('Kyiv may have used US-supplied howitzers.', '2022-08-01'), [
      'Ukraine <- United States | howitzers | delivered',
    ]);
  });

  test('a weapon the tagger typed as an organisation is still a weapon', () => {
    assert.deepEqual(
      edges('Britain will supply Saudi Arabia with 48 Tornado strike aircraft.', '1986-05-01'),
      ['Saudi Arabia <- United Kingdom | Panavia Tornado | committed'],
    );
  });
});

describe('contract objects and use under another verb', () => {
  test('a count with a thousands comma and "production of" do not cut the object', () => {
    assert.deepEqual(
      edges(
        'Hughes Aircraft Co has received a 120.5 mln dlr contract for production of 1,250 guidance sections, the Navy said.',
        '1987-04-02',
      ),
      ['United States <- Hughes Aircraft | guidance sections | ordered'],
    );
  });

  test('"would not let Iran use X": the negation is the letting, Iran still holds X', () => {
    assert.deepEqual(
      edges(
        'Washington said it would not let Iran use Chinese-made Silkworm missiles to close the Gulf.',
        '1987-03-20',
      ),
      ['Iran <- China | HY-2 Silkworm | operates'],
    );
  });

  test('an offer or a bid to sell is talk, not a commitment', () => {
    assert.deepEqual(edges('France has offered to sell 20 Mirage jets to Egypt.', '1987-06-01'), [
      'Egypt <- France | Mirage | requested',
    ]);
  });
});
