import { loadEnricher, type ArticleEnricher } from '../pipeline/enricher.js';
import { writeLine, type CliContext } from './cli-context.js';
import { kbDir } from './kb-command.js';

/** Loads the knowledge base (with the user's additions) and the NER model once for this process. */
export const enricherFor = async (
  ctx: CliContext,
  enabled: boolean,
): Promise<ArticleEnricher | undefined> =>
  enabled
    ? loadEnricher({
        kbDirs: [kbDir(ctx, undefined)],
        onProblem: (problem) => writeLine(ctx.stderr, `kb: ${problem}`),
      })
    : undefined;
