import type { Command } from 'commander';
import { reprocessArticles } from '../pipeline/reprocess.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

import { progressFor } from './progress.js';
import { stagesFor, threadsOption } from './stages-option.js';

interface ReprocessFlags {
  db?: string;
  all?: boolean;
  json?: boolean;
  enrich: boolean;
  threads: string;
}

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
    .option(
      '--threads <n>',
      'threads in all: a number (1: all on one thread; N: the writer and N-1 cleaning and ' +
        'enrichment workers) or auto (the cores)',
      'auto',
    )
    .addHelpText(
      'after',
      '\nInterrupting is safe: every finished chunk of 100 articles is kept, and a re-run skips ' +
        'articles already current (with --all it starts again from the first article).',
    )
    .action(async (flags: ReprocessFlags) => {
      const threads = threadsOption(flags.threads, Number.POSITIVE_INFINITY);
      if (threads === undefined) {
        writeLine(ctx.stderr, `sitrep reprocess: --threads must be a positive integer`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const { stages, enricher, close } = await stagesFor(ctx, { threads, enrich: flags.enrich });
      const progress = progressFor(ctx, { quiet: flags.json === true, label: 'reprocess' });
      const summary = await withStore(ctx, flags.db, (store) =>
        reprocessArticles(store, {
          all: flags.all === true,
          ...(enricher ? { enricher } : {}),
          ...(stages ? { stages } : {}),
          onProgress: (examined) => progress.update(examined),
          onFailed: (id, reason) => writeLine(ctx.stderr, `failed: ${id}: ${reason}`),
        }),
      ).finally(() => {
        progress.stop();
        return close();
      });
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
