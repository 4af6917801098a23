/**
 * Scores a model (by default the one `scripts/train-ner.ts --dev` saved) on the dev parts of
 * scripts/ner-dev-sets.ts, so post-processing changes can be compared without retraining.
 * Report parts are bench/ner-eval.ts's and are not scored here.
 *
 *   node --import tsx scripts/ner-dev-eval.ts [--model PATH] [--corpora gmb,gum,btc,...] [--full]
 *
 * --full scores the whole recogniser as bench/ner-eval.ts does (KB phrases merged, document
 * consistency) instead of the tagger path alone.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNerModel } from '../src/enrich/ner/ner-model-file.js';
import { sharedPath, repoPath } from '../test/shared-data.js';
import {
  formatScore,
  loadCorpusParts,
  scoreFullRecogniser,
  scoreRecogniser,
  headlineInCapitals,
  upperCased,
} from './ner-dev-sets.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: repoPath('bench', 'out', 'ner-dev-model.json.gz') },
    corpora: { type: 'string', default: 'gmb,gum,btc,wnut,crossner' },
    full: { type: 'boolean', default: false },
  },
});
const nerDir = sharedPath('ner');
if (nerDir === undefined) {
  console.error('../shared/ner is absent');
  process.exit(2);
}
const model = loadNerModel(readFileSync(values.model));
console.log(`model ${model.version} from ${values.model}`);
const matcher = values.full ? loadKnowledgeBase().matcher() : undefined;
for (const part of loadCorpusParts(nerDir, values.corpora.split(','))) {
  if (part.dev.length === 0) continue;
  const score = (docs: typeof part.dev) =>
    matcher ? scoreFullRecogniser({ model, matcher }, docs) : scoreRecogniser(model, docs.flat());
  console.log(formatScore(`${part.name} dev`, score(part.dev)));
  if (part.name === 'GMB') {
    console.log(formatScore('GMB dev in capitals', score(part.dev.map((d) => d.map(upperCased)))));
  }
  if (matcher && part.dev.some((d) => d.length > 1)) {
    // Each document's first sentence in capitals, as a wire headline: the headline restored
    // with the model's case profile alone, then with the document's own casing as well.
    const headlined = part.dev.map(headlineInCapitals);
    for (const withDoc of [false, true]) {
      const name = `${part.name} dev, headline in capitals${withDoc ? ', document casing' : ''}`;
      const deps = { model, matcher };
      console.log(
        formatScore(name, scoreFullRecogniser(deps, headlined, { documentCase: withDoc })),
      );
      const heads = scoreFullRecogniser(deps, headlined, {
        documentCase: withDoc,
        firstOnly: true,
      });
      console.log(formatScore(`${name}, headlines only`, heads));
    }
  }
}
