import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { rebuildLedger } from '../services/ledger-update.js';
import { isPostgresLocation } from '../store/open-store.js';
import {
  copySqliteToPostgres,
  type SqliteToPostgresReport,
} from '../store/postgres/copy-from-sqlite.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';
import { progressFor } from './progress.js';

interface MigrateFlags {
  from: string;
  to: string;
  batchSize: string;
  json?: boolean;
}

const printReport = (ctx: CliContext, report: SqliteToPostgresReport): void => {
  const { copied, source, target } = report;
  writeLine(
    ctx.stdout,
    `copied ${copied.articles} articles, ${copied.revisions} revisions, ${copied.feeds} feeds, ${copied.apiTokens} API tokens, ${copied.enrichments} enrichments, ` +
      `${copied.fingerprints} fingerprints, ${copied.decisions} syndication decisions, ${copied.stories} stories, ${copied.storyMembers} story members`,
  );
  const width = Math.max(String(source.articles).length, String(target.articles).length, 8);
  const row = (label: string, a: number | string, b: number | string) => {
    const pad = (value: number | string) =>
      String(value).padStart(typeof value === 'number' ? width : 0);
    writeLine(
      ctx.stdout,
      `${label.padEnd(12)} sqlite ${pad(a)}  postgres ${pad(b)}  ${a === b ? 'ok' : 'DIFFERENT'}`,
    );
  };
  row('articles', source.articles, target.articles);
  row('revisions', source.revisions, target.revisions);
  row('feeds', source.feeds, target.feeds);
  row('tokens', source.apiTokens, target.apiTokens);
  row('enriched', source.enrichments, target.enrichments);
  row('entities', source.entityMentions, target.entityMentions);
  row('figures', source.figures, target.figures);
  row('quotes', source.quotes, target.quotes);
  row('relations', source.relations, target.relations);
  row('fingerprints', source.fingerprints, target.fingerprints);
  row('buckets', source.buckets, target.buckets);
  row('decisions', source.decisions, target.decisions);
  row('story docs', source.storyDocuments, target.storyDocuments);
  row('story terms', source.storyTerms, target.storyTerms);
  row('stories', source.stories, target.stories);
  row('lookups', source.storyLookupTerms, target.storyLookupTerms);
  row('members', source.storyMembers, target.storyMembers);
  row('checksum', source.sha256, target.sha256);
  row('organised', source.organiseSha256, target.organiseSha256);
  for (const table of report.notCopied) {
    writeLine(
      ctx.stderr,
      `sitrep migrate: table ${table} has no PostgreSQL counterpart yet and was not copied`,
    );
  }
  writeLine(
    ctx.stdout,
    report.verified ? 'verified: counts and checksums match' : 'NOT verified: the copies differ',
  );
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description(
      'copy an SQLite store into PostgreSQL (ids, revisions, raw input, feeds, enrichment, syndication and stories), then verify counts and checksums',
    )
    .requiredOption('--from <file>', 'the SQLite store to read (opened read-only)')
    .requiredOption('--to <url>', 'postgres:// URL to copy into (created and migrated as needed)')
    .option('--batch-size <n>', 'articles per transaction', '500')
    .option('--json', 'print the report as JSON, no progress')
    .addHelpText(
      'after',
      '\nRe-running copies only what is missing. Exit codes: 0 verified, 1 the copies differ or an error.',
    )
    .action(async (flags: MigrateFlags) => {
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        writeLine(ctx.stderr, 'sitrep migrate: --batch-size must be a positive integer');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (!isPostgresLocation(flags.to)) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `--to must be a postgres:// URL (got "${flags.to}")`,
        );
      }
      const target = await PostgresStore.open({ url: flags.to });
      let progress: ReturnType<typeof progressFor> | undefined;
      try {
        const report = await copySqliteToPostgres({
          from: flags.from,
          pool: target.connectionPool,
          batchSize,
          onProgress: ({ copied, total }) => {
            progress ??= progressFor(ctx, {
              quiet: flags.json === true,
              label: `migrate (${total} articles)`,
            });
            progress.update(copied);
          },
        });
        progress?.stop();
        // The claim ledger and dependency graph are derived rows: re-derived from what was copied.
        const ledger = await rebuildLedger(target);
        if (flags.json) writeJson(ctx, { ...report, ledger });
        else printReport(ctx, report);
        ctx.setExitCode(report.verified ? EXIT.ok : EXIT.fatal);
      } finally {
        progress?.stop();
        await target.close();
      }
    });
}
