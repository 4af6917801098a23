import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/** Sentence shapes of real aid and arms-transfer reporting (short phrases in the style of the wires). */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const edges = (text: string, published = '2022-06-01'): SupplyEdge[] => [
  ...enrichArticle({ text, published }, deps).edges,
];

/** "recipient <- supplier | system | status", with markers for negation and hedging. */
const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}${e.negated ? ' NEG' : ''}${e.hedged ? ' HEDGED' : ''}`;

describe('findEdges', () => {
  test('an aid-package list gives one edge per item, with quantities', () => {
    const found = edges(
      'Washington announced a package including 800 Stinger anti-aircraft systems, 2,000 Javelin anti-armor systems and 100 drones for Ukraine.',
    );
    assert.deepEqual(found.map(brief), [
      'Ukraine <- United States | Stinger | committed',
      'Ukraine <- United States | Javelin | committed',
      'Ukraine <- United States | drones | committed',
    ]);
    assert.deepEqual(
      found.map((e) => e.quantity),
      [800, 2000, 100],
    );
  });

  test('a package announced in one sentence and listed in the next', () => {
    const found = edges(
      'The United States will provide $800 million in security assistance to Ukraine. The package includes 20 Mi-17 helicopters.',
    );
    assert.deepEqual(found.map(brief), ['Ukraine <- United States | Mi-8 | committed']);
  });

  test('a capital stands for its state; the supplier comes from the KB only when the text is silent', () => {
    const [edge, ...rest] = edges('The government has donated three Patriot units to Kyiv.');
    assert.equal(rest.length, 0);
    assert.ok(edge);
    assert.equal(brief(edge), 'Ukraine <- United States | Patriot | delivered');
    assert.equal(edge.quantity, 3);
    assert.ok(edge.reasons.some((r) => r.includes("KB's origin")));
    assert.ok(edge.reasons.some((r) => r.includes('gpe:kyiv')));
  });

  test('refusals are negated, talk is hedged and only requested', () => {
    const [refusal, ...others] = edges('Germany declined to send the Abrams to Ukraine.');
    assert.equal(others.length, 0);
    assert.ok(refusal);
    assert.equal(brief(refusal), 'Ukraine <- Germany | M1 Abrams | committed NEG');
    assert.ok(refusal.reasons.includes('negated by "declined to"'));
    assert.deepEqual(
      edges('The Netherlands is considering sending F-16 jets to Ukraine.').map(brief),
      ['Ukraine <- Netherlands | F-16 | requested HEDGED'],
    );
    assert.deepEqual(
      edges('Zelensky asks Portugal for tanks, APCs, anti-ship missiles').map(brief),
      [
        'Ukraine <- Portugal | tanks | requested',
        'Ukraine <- Portugal | APCs | requested',
        'Ukraine <- Portugal | anti-ship missiles | requested',
      ],
    );
  });

  test('purchases: procurement from a supplier, buying for a third country', () => {
    assert.deepEqual(
      edges("Russia's procurement of ballistic missiles from North Korea").map(brief),
      ['Russia <- North Korea | ballistic missiles | ordered'],
    );
    assert.deepEqual(
      edges('Germany, Denmark and Norway will purchase 16 Zuzana 2 howitzers for Ukraine.').map(
        brief,
      ),
      [
        'Ukraine <- Germany | Zuzana 2 | ordered',
        'Ukraine <- Denmark | Zuzana 2 | ordered',
        'Ukraine <- Norway | Zuzana 2 | ordered',
      ],
    );
  });

  test('possession, passive voice and X-supplied systems', () => {
    const [nasams] = edges("Ukraine's NASAMS shot down ten drones.");
    assert.equal(nasams?.status, 'operates');
    assert.equal(nasams?.recipient.name, 'Ukraine');
    assert.deepEqual(edges('The tanks were delivered to Ukraine by Poland last week.').map(brief), [
      'Ukraine <- Poland | tanks | delivered',
    ]);
    assert.deepEqual(
      edges(
        'Russia said Ukraine used a U.S.-supplied rocket system to hit a detention facility.',
      ).map(brief),
      ['Ukraine <- United States | rocket system | delivered'],
    );
  });

  test('dependence on capabilities and on a state', () => {
    assert.deepEqual(edges('Kyiv depends on US intelligence and spare parts.').map(brief), [
      'Ukraine <- United States | intelligence | depends_on',
      'Ukraine <- United States | spare parts | depends_on',
    ]);
    assert.deepEqual(
      edges("Elon Musk's Starlink reportedly denied Ukrainian access to its services.").map(brief),
      ['Ukraine <- SpaceX | Starlink | depends_on'],
    );
    assert.deepEqual(edges("Europe's dependence on Russian gas worries Berlin.").map(brief), []);
  });

  test('what is not a transfer: origins, clock times, strikes', () => {
    assert.deepEqual(
      edges(
        'Podolyak thanked Baykar CEO Haluk Bayraktar for supplying Turkish combat drones to Ukraine.',
      ).map((e) => e.recipient.name),
      ['Ukraine'],
    );
    assert.deepEqual(
      edges('21.04.22 20:31 - Assistance to Ukraine: EU will supply heavy weapons to Ukraine').map(
        brief,
      ),
      [],
    );
    assert.deepEqual(edges('Russian ships fired artillery shells towards Odesa.').map(brief), []);
  });

  test('what comes back "in exchange for" goes the other way; ammunition is not the gun it feeds', () => {
    assert.deepEqual(
      edges('Russia gave Iran cash and captured Western weapons in exchange for drones.').map(
        brief,
      ),
      ['Russia <- Iran | drones | delivered'],
    );
    assert.deepEqual(
      edges(
        'The new package of U.S. aid to Ukraine will include additional shells for HIMARS multiple rocket launchers.',
      ).map(brief),
      ['Ukraine <- United States | shells | committed'],
    );
  });

  test('a title and its lead state one transfer once, under its most specific name', () => {
    const found = edges(
      'Norway to donate anti-tank missiles to Ukraine\n\nNorway will transfer to Ukraine 160 Hellfire anti-tank missiles, launching pads, and guidance units.',
    );
    assert.deepEqual(found.map(brief), ['Ukraine <- Norway | Hellfire | committed']);
    assert.equal(found[0]?.quantity, 160);
  });

  test('every edge points at its evidence', () => {
    const text = 'Lithuania sends 105-mm howitzers to Ukraine';
    const [edge] = edges(text);
    assert.ok(edge);
    assert.equal(text.slice(edge.start, edge.end), 'Lithuania sends 105-mm howitzers to Ukraine');
    assert.equal(text.slice(edge.system.start, edge.system.end), '105-mm howitzers');
  });

  test('"can supply" is hedged talk, "cannot supply" a refusal', () => {
    assert.deepEqual(edges('France can supply Ukraine with self-propelled guns.').map(brief), [
      'Ukraine <- France | self-propelled guns | requested HEDGED',
    ]);
    assert.deepEqual(edges('Germany cannot supply IRIS-T systems to Ukraine.').map(brief), [
      'Ukraine <- Germany | IRIS-T | delivered NEG',
    ]);
  });

  test('names the KB used to miss or mislink: Bastion vehicles, Caliber, Leopards, MaxxPro', () => {
    assert.deepEqual(
      edges('France will hand over 20 Bastion armored vehicles to Ukraine.').map(brief),
      ['Ukraine <- France | ACMAT Bastion | committed'],
    );
    assert.deepEqual(
      edges('Two Russian ships with Caliber missiles are on duty in the Black Sea.').map(brief),
      ['Russia <- ? | Kalibr | operates'],
    );
    assert.deepEqual(
      edges('Zelensky called on Portugal to provide Leopards to Ukraine.').map(brief),
      ['Ukraine <- Portugal | Leopard | requested'],
    );
    assert.deepEqual(
      edges('The US will send 200 MaxxPro armored vehicles to Ukraine.').map(brief),
      ['Ukraine <- United States | MaxxPro | committed'],
    );
  });

  test('a base named in a meeting is no supplier', () => {
    const found = edges(
      'At the meeting of defense ministers of NATO countries and the Ramstein coalition, the main topic will be the supply of air defense systems to Ukraine.',
    );
    assert.ok(
      found.every((e) => e.supplier === undefined),
      found.map(brief).join('; '),
    );
  });

  test('a reliance named by "this strategy" or withheld by "it" goes to the party said to rely before', () => {
    const found = edges(
      'European nations want to reduce their reliance on the United States. Additionally, this strategy depends on U.S. support in intelligence sharing and electronic warfare capabilities. "If the U.S. decides to disable European equipment, it can do so. It can withhold software updates and spare parts," he said.',
    ).map(brief);
    for (const capability of [
      'intelligence sharing',
      'electronic warfare capabilities',
      'software updates',
      'spare parts',
    ])
      assert.ok(
        found.includes(`European Union <- United States | ${capability} | depends_on`),
        `${capability}: ${found.join('; ')}`,
      );
    // Without a reliance stated before, "it" names nobody.
    assert.deepEqual(edges('It can withhold software updates and spare parts.'), []);
  });

  test('a defence contract: the service buys, the company that wins it supplies, sales add buyers', () => {
    const found = edges(
      'Acme Defense Corp is being awarded a 164.2 mln dlr Navy contract for aircraft radar warning receivers for the U.S. Navy, Australia and Spain, the Defense Department said.',
    ).map(brief);
    assert.deepEqual(found, [
      'United States <- Acme Defense Corp | aircraft radar warning receivers | ordered',
      'Australia <- United States | aircraft radar warning receivers | ordered',
      'Spain <- United States | aircraft radar warning receivers | ordered',
    ]);
    // Work and programmes are not materiel; a later sentence may say what the contract buys.
    assert.deepEqual(
      edges(
        'Acme Corp said it won a 4.9 mln dlr contract from the U.S. Army for work on the initiative. The company said it will deliver printer/plotters to the Army.',
      ).map(brief),
      ['United States <- Acme Corp | printer/plotters | ordered'],
    );
  });

  test('hard-wrapped wire lines are read as one sentence', () => {
    const found = edges(
      'Raytheon Co has been awarded a 3.53\nbillion dlr military procurement contract for Patriot\nair-defense missiles, the U.S. Army said.',
    );
    assert.deepEqual(found.map(brief), ['United States <- Raytheon | Patriot | ordered']);
  });

  test('"North Korean" tagged as "Korean" still names the origin; an announcing ministry gives', () => {
    assert.deepEqual(edges('Russia to buy North Korean artillery shells').map(brief), [
      'Russia <- North Korea | artillery shells | ordered',
    ]);
    assert.deepEqual(
      edges('Kiev will receive four more rocket systems, Pentagon chief says').map(brief),
      ['Ukraine <- United States | rocket systems | committed'],
    );
  });
});
