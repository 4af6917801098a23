import { EXIT, writeLine, type CliContext } from './cli-context.js';

/** `--limit` as an integer from 1 to 1000; otherwise a usage error (exit 2) and undefined. */
export const pageLimit = (ctx: CliContext, command: string, value: string): number | undefined => {
  const limit = Number(value);
  if (Number.isInteger(limit) && limit >= 1 && limit <= 1000) return limit;
  writeLine(ctx.stderr, `sitrep ${command}: --limit must be an integer from 1 to 1000`);
  ctx.setExitCode(EXIT.usage);
  return undefined;
};
