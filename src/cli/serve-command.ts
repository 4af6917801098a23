import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { boundSearches } from '../server/bounded-search.js';
import { DEFAULT_RATE_LIMITS } from '../server/rate-limit.js';
import { createApp } from '../server/create-app.js';
import { LOOPBACK_HOSTNAMES } from '../server/host-check.js';
import { isLoopbackHost, startServer } from '../server/serve.js';
import { dbLocation, EXIT, writeLine, type CliContext } from './cli-context.js';
import { startServePolling } from './live-options.js';
import { isPostgresLocation } from '../store/open-store.js';
import { backupPostgres } from '../store/postgres/backup.js';
import { backupSqlite } from '../store/sqlite/backup.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  requireTokenForReads?: boolean;
  openReads?: boolean;
  poll: boolean;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Resolves on the first SIGINT/SIGTERM; the listeners are removed so a second signal kills as usual. */
const untilSignalled = (): Promise<string> =>
  new Promise((resolve) => {
    const handlers = STOP_SIGNALS.map((name) => {
      const handler = () => {
        for (const [index, signal] of STOP_SIGNALS.entries()) {
          const registered = handlers[index];
          if (registered) process.off(signal, registered);
        }
        resolve(name);
      };
      process.on(name, handler);
      return handler;
    });
  });

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web UI until Ctrl-C')
    .option(
      '--db <location>',
      'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8750')
    .option('--host <address>', 'address to bind; 127.0.0.1 keeps it on this machine', '127.0.0.1')
    .option(
      '--require-token-for-reads',
      'read endpoints need a token too (the default off localhost; or SITREP_REQUIRE_TOKEN_FOR_READS=1)',
    )
    .option(
      '--open-reads',
      'read endpoints need no token even when bound to a non-loopback address',
    )
    .option('--no-poll', 'do not poll live sources (`sitrep source add`) in this process')
    .addHelpText(
      'after',
      '\nWrite endpoints (POST /api/ingest) always need "Authorization: Bearer <token>" (`sitrep token create`).',
    )
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        writeLine(ctx.stderr, 'sitrep serve: --port must be an integer from 0 to 65535');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (flags.requireTokenForReads && flags.openReads) {
        writeLine(
          ctx.stderr,
          'sitrep serve: --require-token-for-reads and --open-reads contradict each other',
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const closed =
        flags.requireTokenForReads === true || ctx.env['SITREP_REQUIRE_TOKEN_FOR_READS'] === '1';
      const readsOpen = closed ? false : flags.openReads === true || isLoopbackHost(flags.host);
      const location = dbLocation(ctx, flags.db);
      const store = await ctx.openStore(location);
      // Searches run off the event loop with a time budget (src/server/bounded-search.ts).
      const searches = await boundSearches(store, location);
      try {
        const app = createApp({
          store: searches.store,
          backup: isPostgresLocation(location)
            ? {
                kind: 'postgres',
                run: (file) => backupPostgres(location, file, { force: true, env: ctx.env }),
              }
            : { kind: 'sqlite', run: (file) => backupSqlite(location, file, { force: true }) },
          rateLimits: DEFAULT_RATE_LIMITS,
          auth: { readsOpen },
          ...(isLoopbackHost(flags.host) ? { allowedHostnames: LOOPBACK_HOSTNAMES } : {}),
          logError: (error) =>
            writeLine(
              ctx.stderr,
              `sitrep serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            ),
        });
        const server = await startServer(app, { host: flags.host, port }).catch(
          (error: unknown) => {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
              throw new AppError(
                'INVALID_ARGUMENT',
                `cannot listen on ${flags.host}:${port} (${code})`,
                {
                  cause: error,
                },
              );
            }
            throw error;
          },
        );
        const polling = await startServePolling(ctx, store, flags.poll !== false);
        const stopped = untilSignalled();
        writeLine(
          ctx.stdout,
          `sitrep is serving ${server.url}/ (reads ${readsOpen ? 'open' : 'need a token'}; Ctrl-C stops)`,
        );
        const signal = await stopped;
        writeLine(ctx.stderr, `sitrep serve: ${signal} received, stopping`);
        await polling.stop();
        await server.close();
      } finally {
        await searches.close();
        await store.close();
      }
    });
}
