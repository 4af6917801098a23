import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import { loadSeedGold, scoreSeed } from '../../test/seed-entity-score.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { loadNerModel, NER_MODEL_URL } from './ner/ner-model-file.js';

/**
 * The seed-entity bar of issue 13 on the hand gold (test/golden/seed-entities.json): distinct
 * name+type pairs, precision >= 0.90 and recall >= 0.95 over the four seeds.
 */
describe(
  'entities on the seed articles against the hand gold',
  { skip: skipUnlessShared('seeds') },
  () => {
    test('precision >= 0.90 and recall >= 0.95', () => {
      const dir = sharedPath('seeds') as string;
      const gold = loadSeedGold();
      const deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
      let predicted = 0;
      let correct = 0;
      let goldTotal = 0;
      let found = 0;
      const spurious: string[] = [];
      for (const file of readdirSync(dir).sort()) {
        const g = gold[file.replace(/\.txt$/, '')];
        if (g === undefined) continue;
        const s = scoreSeed(join(dir, file), g, deps);
        predicted += s.predicted;
        correct += s.correct;
        goldTotal += s.gold;
        found += s.found;
        spurious.push(...s.spurious);
      }
      assert.equal(goldTotal > 100, true, 'the gold covers the four seeds');
      assert.ok(
        correct / predicted >= 0.9,
        `precision ${correct}/${predicted}; spurious: ${spurious.join('; ')}`,
      );
      assert.ok(found / goldTotal >= 0.95, `recall ${found}/${goldTotal}`);
    });
  },
);
