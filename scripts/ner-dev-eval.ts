/**
 * Scores a model (by default the one `scripts/train-ner.ts --dev` saved) on the dev parts of
 * scripts/ner-dev-sets.ts, so post-processing changes can be compared without retraining.
 * Report parts are bench/ner-eval.ts's and are not scored here.
 *
 *   node --import tsx scripts/ner-dev-eval.ts [--model PATH] [--corpora gmb,gum,btc,...]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import { formatScore, loadCorpusParts, scoreRecogniser, upperCased } from './ner-dev-sets.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: repoPath('bench', 'out', 'ner-dev-model.json.gz') },
    corpora: { type: 'string', default: 'gmb,gum,btc,wnut,crossner' },
  },
});
const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.error('../shared/ner is absent');
  process.exit(2);
}
const model = loadNerModel(readFileSync(values.model));
console.log(`model ${model.version} from ${values.model}`);
for (const part of loadCorpusParts(nerDir, values.corpora.split(','))) {
  if (part.dev.length === 0) continue;
  const dev = part.dev.flat();
  console.log(formatScore(`${part.name} dev`, scoreRecogniser(model, dev)));
  if (part.name === 'GMB') {
    console.log(formatScore('GMB dev in capitals', scoreRecogniser(model, dev.map(upperCased))));
  }
}
