/**
 * A `sitrep worker` process for bench/workers.ts while the worker command is not yet registered
 * in src/cli/program.ts; once it is, the bench spawns src/main.ts instead. Same command code.
 */
import { Command } from 'commander';
import { register } from '../src/cli/worker-command.js';
import { openStore } from '../src/store/open-store.js';

const program = new Command('sitrep').exitOverride();
register(program, {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: false,
  openStore,
  setExitCode: (code) => {
    process.exitCode = code;
  },
});
await program.parseAsync(process.argv.slice(2), { from: 'user' });
