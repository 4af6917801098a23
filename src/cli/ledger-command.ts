import type { Command } from 'commander';
import { rebuildLedger } from '../services/ledger-update.js';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  const ledger = program
    .command('ledger')
    .description(
      'the claim ledger and dependency graph rows: status, and re-deriving them from stored enrichment',
    );

  ledger
    .command('status')
    .description('count ledger rows')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print counts as JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const counts = await withStore(ctx, flags.db, async (store) => store.ledger?.counts());
      if (flags.json) writeJson(ctx, counts ?? null);
      else if (!counts) writeLine(ctx.stdout, 'this store has no ledger');
      else
        writeLine(
          ctx.stdout,
          `${counts.articles} articles, ${counts.claims} claims, ${counts.edges} edges, ${counts.alternatives} alternatives`,
        );
    });

  ledger
    .command('rebuild')
    .description(
      're-derive claims and edges from stored enrichment (only stale articles unless --all)',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--all', 'drop every row and re-derive all articles')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: { db?: string; all?: boolean; json?: boolean }) => {
      const summary = await withStore(ctx, flags.db, (store) =>
        rebuildLedger(store, {
          ...(flags.all ? { force: true } : {}),
          onFailed: (id, reason) => writeLine(ctx.stderr, `ledger: ${id}: ${reason}`),
        }),
      );
      if (flags.json) writeJson(ctx, summary);
      else
        writeLine(
          ctx.stdout,
          `updated ${summary.updated}, current ${summary.current}, without enrichment ${summary.unenriched}, failed ${summary.failed}`,
        );
      if (summary.failed > 0) ctx.setExitCode(3);
    });
}
