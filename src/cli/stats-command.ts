import { plural } from '../core/display-format.js';
import type { Command } from 'commander';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description('count stored articles, revisions and feeds, by source, format and language')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print {"articles":N,"revisions":N,"feeds":N,...} as JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const stats = await withStore(ctx, flags.db, (store) => store.countStats());
      if (flags.json) {
        writeJson(ctx, stats);
        return;
      }
      writeLine(
        ctx.stdout,
        `${plural(stats.articles, 'article', 'articles')}, ${plural(stats.revisions, 'revision', 'revisions')}, ${plural(stats.feeds, 'feed', 'feeds')}`,
      );
      if (stats.firstPublished) {
        writeLine(ctx.stdout, `published ${stats.firstPublished} .. ${stats.lastPublished}`);
      }
      const show = (label: string, counts: Record<string, number>) => {
        const top = Object.entries(counts).slice(0, 10);
        if (top.length > 0)
          writeLine(ctx.stdout, `${label}: ${top.map(([k, n]) => `${k} ${n}`).join(', ')}`);
      };
      show('sources', stats.bySource);
      show('formats', stats.byFormat);
      show('languages', stats.byLanguage);
    });
}
