import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import type { CliContext } from '../../src/cli/cli-context.js';
import { openStore } from '../../src/store/open-store.js';

type Registrar = (program: Command, ctx: CliContext) => void;

export interface CommandRun {
  readonly done: Promise<{ code: number; stdout: string; stderr: string }>;
  /** Resolves with stdout so far once it matches `pattern`. */
  waitForOutput(pattern: RegExp): Promise<string>;
}

/**
 * Runs one command registered by `register` in-process, without program.ts, so the server's
 * commands are tested on their own; output can be watched while the command still runs (serve).
 */
export const runCommand = (register: Registrar, args: readonly string[]): CommandRun => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  let code = 0;
  const ctx: CliContext = {
    env: {},
    stdin: Readable.from([]),
    stdout,
    stderr,
    interactive: false,
    openStore,
    setExitCode: (value) => {
      code = value;
    },
  };
  const program = new Command('sitrep').exitOverride();
  register(program, ctx);
  const done = program
    .parseAsync([...args], { from: 'user' })
    .then(() => ({ code, stdout: out, stderr: err }));
  return {
    done,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            stdout.off('data', check);
            resolve(out);
          }
        };
        stdout.on('data', check);
        check();
        done.then(
          () =>
            pattern.test(out)
              ? resolve(out)
              : reject(new Error(`ended without ${pattern}: ${out} ${err}`)),
          reject,
        );
      }),
  };
};
