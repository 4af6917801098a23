import { Command, CommanderError } from 'commander';
import { isAppError } from '../core/errors.js';
import { EXIT, writeLine, type CliContext } from './cli-context.js';
import { register as registerBackup } from './backup-command.js';
import { register as registerClean } from './clean-command.js';
import { register as registerDupes } from './dupes-command.js';
import { register as registerEnrich } from './enrich-command.js';
import { register as registerEntities } from './entities-command.js';
import { register as registerEntity } from './entity-command.js';
import { register as registerExport } from './export-command.js';
import { register as registerExtract } from './extract-command.js';
import { register as registerFigures } from './figures-command.js';
import { register as registerIngest } from './ingest-command.js';
import { register as registerJobs } from './jobs-command.js';
import { register as registerKb } from './kb-command.js';
import { register as registerList } from './list-command.js';
import { register as registerMigrate } from './migrate-command.js';
import { register as registerQuotes } from './quotes-command.js';
import { register as registerReprocess } from './reprocess-command.js';
import { register as registerSearch } from './search-command.js';
import { register as registerServe } from './serve-command.js';
import { register as registerShow } from './show-command.js';
import { register as registerStats } from './stats-command.js';
import { register as registerStories } from './stories-command.js';
import { register as registerStory } from './story-command.js';
import { register as registerToken } from './token-command.js';
import { register as registerWorker } from './worker-command.js';
import { register as registerClaims } from './claims-command.js';
import { register as registerGraph } from './graph-command.js';
import { register as registerExposure } from './exposure-command.js';
import { register as registerLedger } from './ledger-command.js';
import { register as registerSource } from './source-command.js';
import { register as registerWatch } from './watch-command.js';
import { register as registerWatchlist } from './watchlist-command.js';
import { register as registerDigest } from './digest-command.js';

type Registrar = (program: Command, ctx: CliContext) => void;

/** Every command, one file each; the order here is the order of `sitrep --help`. */
const COMMANDS: readonly Registrar[] = [
  registerIngest,
  registerList,
  registerShow,
  registerSearch,
  registerStats,
  registerExport,
  registerReprocess,
  registerExtract,
  registerClean,
  registerEnrich,
  registerDupes,
  registerStories,
  registerStory,
  registerKb,
  registerEntities,
  registerEntity,
  registerFigures,
  registerQuotes,
  registerServe,
  registerSource,
  registerWatch,
  registerWatchlist,
  registerDigest,
  registerToken,
  registerWorker,
  registerJobs,
  registerMigrate,
  registerClaims,
  registerGraph,
  registerExposure,
  registerLedger,
  registerBackup,
];

export const buildProgram = (ctx: CliContext, version: string): Command => {
  const program = new Command('sitrep')
    .description(
      'sitrep: turn a raw stream of defence and security news into searchable, traceable articles',
    )
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  for (const registrar of COMMANDS) registrar(program, ctx);
  // `search`'s line says "see below": the query language follows the command list.
  program.addHelpText(
    'after',
    `
Query language (sitrep search, the API and the web UI; more in \`sitrep search --help\`):
  nato drones   "air defence"   patriot OR samp/t   -russia   drone*   (a OR b) c
  source:reuters  lang:en  entity:nato  type:weapon  country:ua  after:2025-01  before:2025-04

Run \`sitrep <command> --help\` for a command's options.`,
  );
  for (const command of program.commands) command.exitOverride();
  return program;
};

/** Runs one command line; maps every error to one clear line and an exit code (never a stack trace). */
export const runCli = async (argv: readonly string[], ctx: CliContext, version: string) => {
  const program = buildProgram(ctx, version);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version "errors" are normal exits
      ctx.setExitCode(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
      return;
    }
    if (isAppError(error)) {
      writeLine(ctx.stderr, `sitrep: ${error.message}`);
      // What the user typed is wrong (a missing file, a file that is not a store): usage, exit 2.
      if (error.code === 'INVALID_ARGUMENT' || error.code === 'INPUT_NOT_FOUND') {
        ctx.setExitCode(EXIT.usage);
        return;
      }
    } else {
      writeLine(ctx.stderr, `sitrep: internal error: ${(error as Error).message ?? String(error)}`);
      if (ctx.env['SITREP_DEBUG']) writeLine(ctx.stderr, String((error as Error).stack));
    }
    ctx.setExitCode(EXIT.fatal);
  }
};
