import type { Command } from 'commander';
import { reprocessArticles } from '../pipeline/reprocess.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { enricherFor } from './enricher-option.js';
import { progressFor } from './progress.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('reprocess')
    .description(
      're-derive stored articles from their raw input where a stage version changed (raw input is never altered)',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--all', 're-derive every article, even when stage versions match')
    .option('--no-enrich', 'only re-derive cleaned fields; leave enrichment as it is')
    .option('--json', 'print {"examined","rederived","enriched","failed"} as JSON')
    .action(async (flags: { db?: string; all?: boolean; json?: boolean; enrich: boolean }) => {
      const enricher = await enricherFor(ctx, flags.enrich);
      const progress = progressFor(ctx, { quiet: flags.json === true, label: 'reprocess' });
      const summary = await withStore(ctx, flags.db, (store) =>
        reprocessArticles(store, {
          all: flags.all === true,
          ...(enricher ? { enricher } : {}),
          onProgress: (examined) => progress.update(examined),
          onFailed: (id, reason) => writeLine(ctx.stderr, `failed: ${id}: ${reason}`),
        }),
      ).finally(() => progress.stop());
      if (flags.json) writeJson(ctx, summary);
      else
        writeLine(
          ctx.stdout,
          `examined ${summary.examined}, re-derived ${summary.rederived}, ` +
            `enriched ${summary.enriched}, failed ${summary.failed}`,
        );
      if (summary.failed > 0) ctx.setExitCode(EXIT.completedWithRejections);
    });
}
