import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { SupplyEdge } from '../../core/supply-edge.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps } from '../enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../ner/ner-model-file.js';

/** A list of states in a recipient's place: each state of it holds the role. */
let deps: EnrichDeps;
before(() => {
  deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
});

const brief = (e: SupplyEdge): string =>
  `${e.recipient.name} <- ${e.supplier?.name ?? '?'} | ${e.system.name} | ${e.status}`;
const edges = (text: string): string[] =>
  enrichArticle({ text, published: '2023-05-02' }, deps).edges.map(brief).sort();

describe('coordinated recipients', () => {
  test('every buyer of a list of states buys', () => {
    assert.deepEqual(edges('Finland, Sweden and Poland bought the NASAMS air defence system.'), [
      'Finland <- ? | NASAMS | ordered',
      'Poland <- ? | NASAMS | ordered',
      'Sweden <- ? | NASAMS | ordered',
    ]);
  });

  test('every state after "to" receives', () => {
    assert.deepEqual(edges('Washington shipped HIMARS launchers to Latvia and Estonia.'), [
      'Estonia <- United States | HIMARS | delivered',
      'Latvia <- United States | HIMARS | delivered',
    ]);
  });

  test('a list of suppliers stays on the supplier side', () => {
    assert.deepEqual(edges('Canada and Norway sent NASAMS batteries to Ukraine.'), [
      'Ukraine <- Canada | NASAMS | delivered',
      'Ukraine <- Norway | NASAMS | delivered',
    ]);
  });

  test('a company in the list makes it no list of states', () => {
    assert.deepEqual(edges('Raytheon and Spain will receive Patriot parts next year.'), [
      'Spain <- United States | Patriot | committed',
    ]);
  });
});
