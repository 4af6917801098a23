import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { openQueue } from '../queue/open-queue.js';
import { sourcesOf } from '../sources/poll-cycle.js';
import { enqueueDueSources } from '../sources/poll-source-job.js';
import {
  addSourceUrls,
  importOpmlFile,
  importStoredFeeds,
  requireSource,
  type AddResult,
} from '../sources/source-service.js';
import { isPostgresLocation } from '../store/open-store.js';
import { FULL_TEXT_MODES, type FullTextMode, type SourceRecord } from '../store/sources-port.js';
import { sourceJson } from '../sources/source-json.js';
import { parseDuration } from '../watchlists/duration.js';
import {
  dbLocation,
  EXIT,
  withStore,
  writeJson,
  writeLine,
  type CliContext,
} from './cli-context.js';
import { describePoll, liveRuntimeFor } from './live-options.js';

interface AddFlags {
  db?: string;
  page?: boolean;
  interval?: string;
  fullText?: string;
  json?: boolean;
}

const fullTextMode = (value: string | undefined): FullTextMode | undefined => {
  if (value === undefined) return undefined;
  if (!(FULL_TEXT_MODES as readonly string[]).includes(value))
    throw new AppError(
      'INVALID_ARGUMENT',
      `--full-text must be one of ${FULL_TEXT_MODES.join(', ')}`,
    );
  return value as FullTextMode;
};

const addOptions = (flags: AddFlags) => {
  const fullText = fullTextMode(flags.fullText);
  return {
    ...(flags.page ? { kind: 'page' as const } : {}),
    ...(flags.interval ? { intervalSeconds: parseDuration(flags.interval, '--interval') } : {}),
    ...(fullText ? { fullText } : {}),
  };
};

const ago = (iso: string | undefined, now: number): string => {
  if (!iso) return 'never';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Math.abs(seconds) < 90) return seconds >= 0 ? `${seconds}s ago` : `in ${-seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 90) return minutes >= 0 ? `${minutes}m ago` : `in ${-minutes}m`;
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 36) return hours >= 0 ? `${hours}h ago` : `in ${-hours}h`;
  const days = Math.round(hours / 24);
  return days >= 0 ? `${days}d ago` : `in ${-days}d`;
};

const reportAdd = (ctx: CliContext, result: AddResult, json: boolean | undefined): void => {
  if (json) {
    writeJson(ctx, {
      added: result.added.map(sourceJson),
      existing: result.existing.map(sourceJson),
      invalid: result.invalid,
    });
  } else {
    for (const source of result.added) writeLine(ctx.stdout, `added ${source.id} ${source.url}`);
    for (const source of result.existing)
      writeLine(ctx.stdout, `exists ${source.id} ${source.url}`);
    for (const bad of result.invalid)
      writeLine(ctx.stderr, `sitrep source: ${bad.entry}: ${bad.reason}`);
  }
  if (result.invalid.length > 0) ctx.setExitCode(EXIT.completedWithRejections);
};

const showSource = (ctx: CliContext, source: SourceRecord): void => {
  const now = Date.now();
  const lines: [string, string][] = [
    ['id', source.id],
    ['url', source.url],
    ['title', source.title ?? ''],
    ['kind', `${source.kind}${source.format ? ` (${source.format})` : ''}`],
    ['state', source.state + (source.disabledReason ? `: ${source.disabledReason}` : '')],
    ['full text', source.fullText],
    ['interval', `${source.intervalSeconds}s`],
    [
      'last fetch',
      `${ago(source.lastFetchAt, now)}${source.lastStatus ? ` (HTTP ${source.lastStatus})` : ''}`,
    ],
    ['last success', ago(source.lastSuccessAt, now)],
    ['last error', source.lastError ?? ''],
    ['failures', String(source.consecutiveFailures)],
    ['next poll', source.state === 'active' ? ago(source.nextPollAt, now) : '-'],
    ['items/day', String(source.itemsPerDay)],
    ['items', String(source.itemsTotal)],
    ['polls', `${source.polls} (${source.notModified} not modified)`],
    ['etag', source.etag ?? ''],
    ['last-modified', source.lastModified ?? ''],
  ];
  for (const [label, value] of lines) writeLine(ctx.stdout, `${label.padEnd(14)}${value}`);
};

export function register(program: Command, ctx: CliContext): void {
  const source = program
    .command('source')
    .description('live sources (feeds and pages) that `serve`, `watch` or workers poll');

  source
    .command('add')
    .description('add feeds (RSS/Atom/RDF/JSON Feed) or, with --page, HTML pages to watch')
    .argument('<url...>', 'http(s) URLs')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--page', 'watch an HTML page (one article that may change) instead of a feed')
    .option('--interval <duration>', 'first poll interval (adapts afterwards), e.g. 15m', undefined)
    .option(
      '--full-text <mode>',
      'fetch the linked article for summary-only items: auto, always, never',
    )
    .option('--json', 'print {"added","existing","invalid"}')
    .action(async (urls: string[], flags: AddFlags) => {
      const options = addOptions(flags);
      const result = await withStore(ctx, flags.db, (store) => addSourceUrls(store, urls, options));
      reportAdd(ctx, result, flags.json);
    });

  source
    .command('import')
    .description(
      'add every feed of an OPML file; without a file, the OPML feeds `sitrep ingest` stored',
    )
    .argument('[file]', 'an OPML file')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--full-text <mode>', 'auto, always or never for the imported feeds')
    .option('--json', 'print {"added","existing","invalid"}')
    .action(async (file: string | undefined, flags: AddFlags) => {
      const options = addOptions(flags);
      const result = await withStore(ctx, flags.db, (store) =>
        file ? importOpmlFile(store, file, options) : importStoredFeeds(store, options),
      );
      reportAdd(ctx, result, flags.json);
      if (!flags.json)
        writeLine(
          ctx.stderr,
          `${result.added.length} added, ${result.existing.length} already present`,
        );
    });

  source
    .command('list')
    .description('sources with their health: state, last fetch, last error, items per day')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--state <state>', 'only active, paused or disabled sources')
    .option('--json', 'print a JSON array')
    .action(async (flags: { db?: string; state?: string; json?: boolean }) => {
      if (flags.state && !['active', 'paused', 'disabled'].includes(flags.state))
        throw new AppError('INVALID_ARGUMENT', '--state must be active, paused or disabled');
      const list = await withStore(ctx, flags.db, (store) =>
        sourcesOf(store).listSources(
          flags.state ? { state: flags.state as SourceRecord['state'] } : {},
        ),
      );
      if (flags.json) return writeJson(ctx, list.map(sourceJson));
      const now = Date.now();
      for (const s of list) {
        const health =
          s.state !== 'active'
            ? s.state.toUpperCase()
            : s.lastError
              ? `ERR x${s.consecutiveFailures}`
              : 'ok';
        writeLine(
          ctx.stdout,
          `${s.id}  ${health.padEnd(9)} ${String(s.itemsPerDay).padStart(6)}/day  fetched ${ago(s.lastFetchAt, now).padEnd(9)} ${s.url}${s.lastError ? `  (${s.disabledReason ?? s.lastError})` : ''}`,
        );
      }
      if (list.length === 0)
        writeLine(
          ctx.stderr,
          'no sources yet: `sitrep source add URL` or `sitrep source import FILE.opml`',
        );
    });

  source
    .command('show')
    .description('one source in detail')
    .argument('<id>', 'source id or URL')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { db?: string; json?: boolean }) => {
      const found = await withStore(ctx, flags.db, (store) => requireSource(store, id));
      if (flags.json) writeJson(ctx, sourceJson(found));
      else showSource(ctx, found);
    });

  for (const [verb, state, help] of [
    ['pause', 'paused', 'stop polling a source (it keeps its state)'],
    ['resume', 'active', 'poll again now (clears failures and a disable reason)'],
  ] as const) {
    source
      .command(verb)
      .description(help)
      .argument('<id...>', 'source ids or URLs')
      .option('--db <location>', 'SQLite file or postgres:// URL')
      .action(async (ids: string[], flags: { db?: string }) => {
        await withStore(ctx, flags.db, async (store) => {
          for (const id of ids) {
            const found = await requireSource(store, id);
            await sourcesOf(store).setSourceState(found.id, state, new Date().toISOString());
            writeLine(
              ctx.stdout,
              `${verb === 'pause' ? 'paused' : 'resumed'} ${found.id} ${found.url}`,
            );
          }
        });
      });
  }

  source
    .command('remove')
    .description('remove sources (their articles stay)')
    .argument('<id...>', 'source ids or URLs')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .action(async (ids: string[], flags: { db?: string }) => {
      await withStore(ctx, flags.db, async (store) => {
        for (const id of ids) {
          const found = await requireSource(store, id);
          await sourcesOf(store).removeSource(found.id);
          writeLine(ctx.stdout, `removed ${found.id} ${found.url}`);
        }
      });
    });

  source
    .command('poll')
    .description('poll every due source once and exit (for cron and scripts)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option(
      '--once',
      'poll what is due once and exit (the only mode; `sitrep watch` keeps polling)',
    )
    .option('--all', 'poll every active source now, due or not')
    .option(
      '--queue',
      'PostgreSQL: enqueue one job per due source for `sitrep worker`s instead of polling here',
    )
    .option('--no-enrich', 'store articles without entities, figures, quotes and relations')
    .option('--json', 'print the cycle summary as JSON, no per-source lines')
    .option('--quiet', 'no per-source lines')
    .action(
      async (flags: {
        db?: string;
        all?: boolean;
        queue?: boolean;
        enrich: boolean;
        json?: boolean;
        quiet?: boolean;
      }) => {
        const location = dbLocation(ctx, flags.db);
        if (flags.queue && !isPostgresLocation(location)) {
          writeLine(
            ctx.stderr,
            'sitrep source poll: --queue needs a postgres:// database (workers take the jobs)',
          );
          ctx.setExitCode(EXIT.usage);
          return;
        }
        await withStore(ctx, flags.db, async (store) => {
          if (flags.all) {
            const now = new Date().toISOString();
            for (const s of await sourcesOf(store).listSources({ state: 'active' }))
              await sourcesOf(store).setSourceState(s.id, 'active', now);
          }
          if (flags.queue) {
            const queue = await openQueue(location);
            try {
              const enqueued = await enqueueDueSources(store, queue);
              if (flags.json) writeJson(ctx, { enqueued });
              else writeLine(ctx.stdout, `${enqueued} poll-source job(s) enqueued`);
            } finally {
              await queue.close();
            }
            return;
          }
          const verbose = !flags.json && !flags.quiet;
          const runtime = await liveRuntimeFor(ctx, store, {
            enrich: flags.enrich !== false,
            label: 'source poll',
            ...(verbose
              ? { onPolled: (outcome) => writeLine(ctx.stderr, describePoll(outcome)) }
              : {}),
          });
          try {
            const report = await runtime.pollOnce();
            if (flags.json) writeJson(ctx, report);
            else
              writeLine(
                ctx.stdout,
                `${report.sources} polled in ${report.ms} ms: ${report.succeeded} fetched, ${report.notModified} not modified, ${report.failed} failed (${report.disabled} disabled); ${report.added} new, ${report.revised} revised; ${report.evaluation.alerts} alert(s), ${report.deliveries.sent} delivered`,
              );
            if (report.failed > 0) ctx.setExitCode(EXIT.completedWithRejections);
          } finally {
            await runtime.close();
          }
        });
      },
    );
}
