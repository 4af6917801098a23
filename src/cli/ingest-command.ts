import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { Rejection } from '../core/raw-item.js';
import { missingInputPaths } from './input-paths.js';
import { emptyTimings, ingestPaths } from '../pipeline/ingest.js';
import { measureInputs } from '../pipeline/read-inputs.js';
import { enqueueIngest } from '../queue/enqueue-ingest.js';
import { openQueue } from '../queue/open-queue.js';
import {
  dbLocation,
  EXIT,
  withStore,
  writeJson,
  writeLine,
  type CliContext,
} from './cli-context.js';
import { alertsAfterIngest, type IngestAlerts } from './ingest-watchlists.js';
import { stagesFor, threadsOption } from './stages-option.js';
import { progressFor } from './progress.js';

interface IngestFlags {
  db?: string;
  json?: boolean;
  errors?: string;
  batchSize: string;
  queue?: boolean;
  enrich: boolean;
  threads: string;
  timings?: boolean;
}

const describeRecord = (rejection: Rejection): string => {
  const { path, recordIndex, byteOffset } = rejection.provenance;
  if (recordIndex !== undefined) return `${path} record ${recordIndex}`;
  if (byteOffset !== undefined) return `${path} at byte ${byteOffset}`;
  return path;
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description(
      'read news from files, directories or stdin (-) and store every article; re-ingesting stores nothing twice',
    )
    .argument('<paths...>', 'files or directories (recursive); "-" reads stdin')
    .option(
      '--db <location>',
      'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)',
    )
    .option(
      '--json',
      'print {"added","unchanged","revised","rejected",...} as JSON, no progress bar',
    )
    .option('--errors <file>', 'also write every rejected record as a JSON line to this file')
    .option('--batch-size <n>', 'articles per transaction', '200')
    .option('--no-enrich', 'store articles without entities, figures, quotes and relations')
    .option(
      '--threads <n>',
      'threads in all: a number (1: all on one thread; N: the writer and N-1 cleaning and ' +
        'enrichment workers) or auto (the cores, one per 2 MiB of input); results do not depend on it',
      'auto',
    )
    .option(
      '--timings',
      "also print where the run's time went (startup, writer phases, watchlists; ms) to stderr as JSON",
    )
    .option(
      '--queue',
      'PostgreSQL only: enqueue one job per file for `sitrep worker` processes instead of ingesting here',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 all stored, 3 completed but some records were rejected, 1 fatal error.',
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        writeLine(ctx.stderr, `sitrep ingest: --batch-size must be a positive integer`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const missing = await missingInputPaths(paths);
      if (missing.length > 0) {
        writeLine(ctx.stderr, `sitrep ingest: ${missing.join(', ')}: no such file or directory`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const totalBytes = await measureInputs(paths);
      // stdin's size is unknown: auto then uses every core.
      const threads = threadsOption(
        flags.threads,
        paths.includes('-') ? Number.POSITIVE_INFINITY : totalBytes,
      );
      if (threads === undefined) {
        writeLine(ctx.stderr, `sitrep ingest: --threads must be a positive integer`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (flags.queue) {
        await enqueueFiles(ctx, paths, flags);
        return;
      }
      const errorsFile: WriteStream | undefined = flags.errors
        ? createWriteStream(flags.errors, { flags: 'w' })
        : undefined;
      const quiet = flags.json === true;
      const started = performance.now();
      const timings = flags.timings ? emptyTimings() : undefined;
      const { stages, enricher, close } = await stagesFor(ctx, { threads, enrich: flags.enrich });
      const startupMs = performance.now() - started;
      let ingestMs = 0;
      const progress = progressFor(ctx, { quiet, totalBytes, label: 'ingest' });
      let items = 0;
      let watchAlerts: IngestAlerts | undefined;
      const summary = await withStore(ctx, flags.db, async (store) => {
        const ingestStarted = performance.now();
        const ingested = await ingestPaths(paths, store, {
          batchSize,
          ...(timings ? { timings } : {}),
          ...(enricher ? { enricher } : {}),
          ...(stages ? { stages } : {}),
          stdin: ctx.stdin,
          onProgress: ({ items: seen, bytesRead }) => {
            items = seen;
            progress.update(bytesRead, { items });
          },
          onRejected: (rejection) => {
            writeLine(ctx.stderr, `rejected: ${describeRecord(rejection)}: ${rejection.reason}`);
            errorsFile?.write(
              `${JSON.stringify({
                file: rejection.provenance.path,
                record: rejection.provenance.recordIndex ?? null,
                offset: rejection.provenance.byteOffset ?? null,
                url: rejection.provenance.url ?? null,
                reason: rejection.reason,
              })}\n`,
            );
          },
        });
        ingestMs = performance.now() - ingestStarted;
        watchAlerts = await alertsAfterIngest(ctx, store);
        return ingested;
      }).finally(() => {
        progress.stop();
        return close();
      });
      if (errorsFile) await new Promise<void>((resolve) => errorsFile.end(resolve));
      if (timings) {
        const round = (ms: number) => Math.round(ms);
        writeLine(
          ctx.stderr,
          `timings: ${JSON.stringify({
            startupMs: round(startupMs),
            ingestMs: round(ingestMs),
            writerMs: Object.fromEntries(
              Object.entries(timings).map(([phase, ms]) => [phase, round(ms)]),
            ),
            totalMs: round(performance.now() - started),
          })}`,
        );
      }

      if (flags.json)
        writeJson(ctx, watchAlerts ? { ...summary, watchlists: watchAlerts } : summary);
      else {
        const skipped = Object.entries(summary.skippedByReason)
          .map(([reason, n]) => `${n} ${reason}`)
          .join('; ');
        writeLine(
          ctx.stdout,
          `added ${summary.added}, unchanged ${summary.unchanged}, revised ${summary.revised}, ` +
            `rejected ${summary.rejected}, skipped ${summary.skipped}${skipped ? ` (${skipped})` : ''}` +
            (summary.feeds.added + summary.feeds.unchanged > 0
              ? `; feeds added ${summary.feeds.added}, unchanged ${summary.feeds.unchanged}`
              : '') +
            (watchAlerts
              ? `; watchlists: ${watchAlerts.alerts} alert(s), ${watchAlerts.delivered} delivered${watchAlerts.retrying ? `, ${watchAlerts.retrying} to retry` : ''}`
              : ''),
        );
      }
      ctx.setExitCode(summary.rejected > 0 ? EXIT.completedWithRejections : EXIT.ok);
    });
}

/** `--queue`: the files become jobs in the PostgreSQL queue; workers anywhere with the URL ingest them. */
const enqueueFiles = async (
  ctx: CliContext,
  paths: string[],
  flags: IngestFlags,
): Promise<void> => {
  const queue = await openQueue(dbLocation(ctx, flags.db));
  try {
    const result = await enqueueIngest(paths, queue);
    if (flags.json) writeJson(ctx, result);
    else
      writeLine(
        ctx.stdout,
        `enqueued ${result.enqueued} of ${result.files} files (${result.alreadyQueued} already queued); ` +
          'run `sitrep worker` to process them',
      );
  } finally {
    await queue.close();
  }
};
