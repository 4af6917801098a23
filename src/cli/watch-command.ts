import type { Command } from 'commander';
import { openQueue } from '../queue/open-queue.js';
import { pause } from '../sources/poll-cycle.js';
import { enqueueDueSources } from '../sources/poll-source-job.js';
import { isPostgresLocation } from '../store/open-store.js';
import { dbLocation, EXIT, writeLine, type CliContext } from './cli-context.js';
import { describePoll, liveRuntimeFor } from './live-options.js';

interface WatchFlags {
  db?: string;
  queue?: boolean;
  enrich: boolean;
  quiet?: boolean;
  tickMs: string;
}

const untilSignalled = (stop: AbortController, ctx: CliContext): (() => void) => {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(130);
    writeLine(ctx.stderr, `sitrep watch: ${signal}, finishing running polls`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .description(
      'poll sources, raise watchlist alerts and send deliveries until stopped (headless `serve`)',
    )
    .option(
      '--db <location>',
      'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)',
    )
    .option(
      '--queue',
      'PostgreSQL: only schedule (enqueue due sources for `sitrep worker`s) and send deliveries',
    )
    .option('--tick-ms <ms>', 'with --queue: how often due sources are enqueued', '5000')
    .option('--no-enrich', 'store articles without entities, figures, quotes and relations')
    .option('--quiet', 'no per-poll lines on stderr')
    .addHelpText(
      'after',
      '\nSettings: SITREP_FETCH_ALLOW (CIDRs the fetcher may reach despite the private-address rules),\n' +
        'SITREP_CONFIG (JSON: fetch limits, poll bounds, smtp, publicUrl). SIGINT/SIGTERM stops after running polls.',
    )
    .action(async (flags: WatchFlags) => {
      const location = dbLocation(ctx, flags.db);
      const tickMs = Number(flags.tickMs);
      if (flags.queue && !isPostgresLocation(location)) {
        writeLine(
          ctx.stderr,
          'sitrep watch: --queue needs a postgres:// database (workers take the jobs)',
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (!Number.isInteger(tickMs) || tickMs < 100) {
        writeLine(ctx.stderr, 'sitrep watch: --tick-ms must be an integer of at least 100');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const store = await ctx.openStore(location);
      const stop = new AbortController();
      const release = untilSignalled(stop, ctx);
      const runtime = await liveRuntimeFor(ctx, store, {
        enrich: flags.enrich !== false,
        label: 'watch',
        ...(flags.quiet
          ? {}
          : { onPolled: (outcome) => writeLine(ctx.stderr, describePoll(outcome)) }),
      });
      try {
        if (flags.queue) {
          const queue = await openQueue(location);
          writeLine(
            ctx.stderr,
            `sitrep watch: scheduling polls for workers every ${tickMs} ms (Ctrl-C stops)`,
          );
          try {
            while (!stop.signal.aborted) {
              const enqueued = await enqueueDueSources(store, queue).catch((error: unknown) => {
                writeLine(ctx.stderr, `sitrep watch: ${(error as Error).message}`);
                return 0;
              });
              if (enqueued > 0 && !flags.quiet)
                writeLine(ctx.stderr, `enqueued ${enqueued} poll(s)`);
              await runtime.evaluateAndDeliver().catch(() => undefined);
              await pause(tickMs, stop.signal);
            }
          } finally {
            await queue.close();
          }
          return;
        }
        writeLine(ctx.stderr, 'sitrep watch: polling due sources (Ctrl-C stops)');
        await runtime.run(stop.signal, (cycle) => {
          if (!flags.quiet)
            writeLine(
              ctx.stderr,
              `cycle: ${cycle.sources} polled in ${cycle.ms} ms, ${cycle.added} new, ${cycle.failed} failed`,
            );
        });
      } finally {
        release();
        await runtime.close();
        await store.close();
      }
    });
}
