/**
 * Scores a model saved by `scripts/train-ner.ts --dev` on the held-out sets of
 * scripts/ner-dev-sets.ts, so post-processing changes can be compared without retraining.
 *
 *   node --import tsx scripts/ner-dev-eval.ts [--model bench/out/ner-dev-model.json.gz]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import { formatScore, isGmbDev, loadNerCorpora, scoreRecogniser } from './ner-dev-sets.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: repoPath('bench', 'out', 'ner-dev-model.json.gz') },
  },
});
const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.error('../shared/ner is absent');
  process.exit(2);
}
const { gmb, re3d } = loadNerCorpora(nerDir);
const model = loadNerModel(readFileSync(values.model));
console.log(`model ${model.version} from ${values.model}`);
console.log(
  formatScore(
    'GMB dev (spans)',
    scoreRecogniser(
      model,
      gmb.filter((_, i) => isGmbDev(i)),
    ),
  ),
);
console.log(formatScore('re3d train non-BBC (spans)', scoreRecogniser(model, re3d)));
