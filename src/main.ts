/**
 * Composition root: the only place that reads the process environment and chooses implementations.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli/program.js';
import { limitsFromEnv, setIngestLimits } from './ingest/ingest-limits.js';
import { openStore } from './store/open-store.js';

const packageVersion = (): string => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

// A closed pipe (`sitrep export | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

try {
  setIngestLimits(limitsFromEnv(process.env));
} catch (error) {
  process.stderr.write(`sitrep: ${(error as Error).message}\n`);
  process.exit(2);
}

await runCli(
  process.argv.slice(2),
  {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: process.stderr.isTTY === true,
    openStore,
    setExitCode: (code) => {
      process.exitCode = code;
    },
  },
  packageVersion(),
);
