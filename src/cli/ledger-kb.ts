import type { KnowledgeBase } from '../kb/kb-types.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { writeLine, type CliContext } from './cli-context.js';
import { kbDir } from './kb-command.js';

/** The KB with the user's additions, for graph and exposure (makers, origins, capabilities). */
export const ledgerKb = (ctx: CliContext): KnowledgeBase =>
  loadKnowledgeBase({
    userDirs: [kbDir(ctx, undefined)],
    onProblem: (problem) => writeLine(ctx.stderr, `kb: ${problem}`),
  });
