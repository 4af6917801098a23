import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { defaultHandlers } from '../queue/default-handlers.js';
import { enricherFor } from './enricher-option.js';
import { openQueue } from '../queue/open-queue.js';
import { runWorker, type WorkerEvent } from '../queue/worker.js';
import { dbLocation, EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';
import { registerPollSourceJob } from '../sources/poll-source-job.js';
import { liveRuntimeFor } from './live-options.js';
import { lowerPriority } from './process-priority.js';

/**
 * Niceness steps a worker lowers its own CPU priority by. Ingest is background work: in bench/load
 * on PostgreSQL (two workers under 20 search clients, shared machine at load 13-18), search p99 was
 * 607 and 774 ms with workers at the server's priority, 290 and 482 ms at 5 steps lower, for about
 * a fifth fewer articles stored in the minute (48 and 42 against 52 and 58); when nothing else
 * wants the CPU, the lower priority costs a worker nothing.
 */
export const DEFAULT_WORKER_NICE = 5;

interface WorkerFlags {
  db?: string;
  concurrency: string;
  leaseMs: string;
  pollMs: string;
  once?: boolean;
  json?: boolean;
  quiet?: boolean;
  enrich: boolean;
  nice: string;
}

const positiveInteger = (value: string): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

const describeEvent = (event: WorkerEvent): string | undefined => {
  switch (event.kind) {
    case 'done':
      return `done ${event.job.kind} #${event.job.id} ${describePayload(event.job.payload)} in ${event.ms} ms`;
    case 'failed':
      return `${event.state === 'dead' ? 'dead' : 'retry'} ${event.job.kind} #${event.job.id} ${describePayload(event.job.payload)}: ${event.error}`;
    case 'lease-lost':
      return `lease lost on #${event.job.id}: another worker took it over`;
    case 'queue-error':
      return `queue unavailable, retrying: ${event.error}`;
  }
};

const describePayload = (payload: unknown): string =>
  typeof payload === 'object' && payload !== null && 'path' in payload ? String(payload.path) : '';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description(
      'take jobs (ingest a file, …) from the PostgreSQL queue until stopped; run one per machine or more',
    )
    .option('--db <url>', 'postgres:// URL of the shared database (default: $SITREP_DB)')
    .option('--concurrency <n>', 'jobs at once in this process', '2')
    .option('--lease-ms <ms>', 'how long a job stays ours without a heartbeat', '60000')
    .option('--poll-ms <ms>', 'wait between claims when the queue is empty', '500')
    .option('--once', 'exit when no job is ready instead of waiting for more')
    .option('--json', 'print the final {"done","failed","dead"} as JSON, no per-job lines')
    .option('--quiet', 'no per-job lines on stderr')
    .option('--no-enrich', 'store articles without entities, figures, quotes and relations')
    .option(
      '--nice <n>',
      "lower this process's CPU priority by n (0-19): a `sitrep serve` on the same machine answers first",
      String(DEFAULT_WORKER_NICE),
    )
    .addHelpText(
      'after',
      '\nSIGINT/SIGTERM: stop claiming, finish running jobs, exit 0. A second signal exits at once;\n' +
        'its jobs return to the queue when their lease expires. Jobs run at least once: handlers are idempotent.',
    )
    .action(async (flags: WorkerFlags) => {
      const concurrency = positiveInteger(flags.concurrency);
      const leaseMs = positiveInteger(flags.leaseMs);
      const pollMs = positiveInteger(flags.pollMs);
      const nice = Number(flags.nice);
      if (!Number.isInteger(nice) || nice < 0 || nice > 19) {
        writeLine(ctx.stderr, 'sitrep worker: --nice must be an integer from 0 to 19');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (!concurrency || !leaseMs || !pollMs) {
        writeLine(
          ctx.stderr,
          'sitrep worker: --concurrency, --lease-ms and --poll-ms must be positive integers',
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const priority = lowerPriority(nice);
      if (!priority.ok)
        writeLine(ctx.stderr, `sitrep worker: priority left as it is (${priority.reason})`);
      const location = dbLocation(ctx, flags.db);
      const queue = await openQueue(location);
      const store = await ctx.openStore(location).catch(async (error: unknown) => {
        await queue.close();
        throw error;
      });
      const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
      const stop = new AbortController();
      const onSignal = (signal: NodeJS.Signals): void => {
        if (stop.signal.aborted) {
          writeLine(ctx.stderr, `sitrep worker: ${signal} again, exiting now`);
          process.exit(130);
        }
        if (!flags.quiet) writeLine(ctx.stderr, `sitrep worker: ${signal}, finishing running jobs`);
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const verbose = !flags.json && !flags.quiet;
      if (verbose)
        writeLine(
          ctx.stderr,
          `worker ${workerId}: ${concurrency} at once on ${location.replace(/\/\/[^@/]*@/, '//')}`,
        );
      const enricher = await enricherFor(ctx, flags.enrich !== false);
      const live = await liveRuntimeFor(ctx, store, {
        enrich: false,
        label: 'worker',
        ...(enricher ? { enricher } : {}),
      });
      try {
        const summary = await runWorker({
          queue,
          handlers: registerPollSourceJob(defaultHandlers(store, enricher), store, live),
          workerId,
          concurrency,
          leaseMs,
          pollMs,
          once: flags.once === true,
          signal: stop.signal,
          onEvent: (event) => {
            const line = verbose ? describeEvent(event) : undefined;
            if (line) writeLine(ctx.stderr, line);
          },
        });
        const lock = store.organiseLockStats?.();
        if (flags.json) writeJson(ctx, { ...summary, ...(lock ? { organiseLock: lock } : {}) });
        else {
          writeLine(
            ctx.stdout,
            `worker ${workerId}: ${summary.done} done, ${summary.failed} failed (${summary.dead} dead)`,
          );
          if (lock)
            writeLine(
              ctx.stdout,
              `worker ${workerId}: organise lock waited ${lock.waitSeconds.toFixed(1)} s, ` +
                `held ${lock.heldSeconds.toFixed(1)} s over ${lock.batches} batches ` +
                `(${lock.roundTrips} round trips); ${lock.turnWaitSeconds.toFixed(1)} s waiting for earlier jobs; ` +
                `${lock.resettled ?? 0} articles re-settled`,
            );
          if (lock?.locks)
            writeLine(
              ctx.stdout,
              `worker ${workerId}: per lock: ` +
                Object.entries(lock.locks)
                  .map(
                    ([name, { waitSeconds, heldSeconds }]) =>
                      `${name} waited ${waitSeconds.toFixed(1)} s, held ${heldSeconds.toFixed(1)} s`,
                  )
                  .join('; '),
            );
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await live.close();
        await Promise.all([queue.close(), store.close()]);
      }
    });
}
