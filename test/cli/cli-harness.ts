import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliContext } from '../../src/cli/cli-context.js';
import { runCli } from '../../src/cli/program.js';
import { openStore } from '../../src/store/open-store.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = Record<string, unknown>>(): T;
}

const collect = (stream: PassThrough): (() => string) => {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
};

/** Runs `sitrep <args>` in-process, as a user would from a pipe (no TTY, so no progress bar). */
export const runSitrep = async (
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const readOut = collect(stdout);
  const readErr = collect(stderr);
  let code = 0;
  const ctx: CliContext = {
    env: options.env ?? {},
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    stdout,
    stderr,
    interactive: false,
    openStore,
    setExitCode: (value) => {
      code = value;
    },
  };
  await runCli(args, ctx, 'test');
  stdout.end();
  stderr.end();
  const out = readOut();
  return {
    code,
    stdout: out,
    stderr: readErr(),
    json: <T>() => JSON.parse(out) as T,
  };
};

/** A temporary directory removed when the test file finishes. */
export const tempDir = (prefix: string): { path: string; remove: () => void } => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};
