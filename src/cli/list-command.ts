import type { Command } from 'commander';
import type { Article } from '../core/article.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export const summaryLine = (article: Article): string =>
  [
    article.id,
    (article.published ?? '').slice(0, 10).padEnd(10),
    (article.source ?? '-').slice(0, 24).padEnd(24),
    article.title ?? '(untitled)',
  ].join('  ');

export function register(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list stored articles, newest first')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--limit <n>', 'articles per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print {"articles":[...],"next_cursor"} as JSON')
    .action(async (flags: { db?: string; limit: string; cursor?: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        writeLine(ctx.stderr, 'sitrep list: --limit must be an integer from 1 to 1000');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const page = await withStore(ctx, flags.db, (store) =>
        store.listArticles({ limit, ...(flags.cursor ? { cursor: flags.cursor } : {}) }),
      );
      if (flags.json) {
        writeJson(ctx, { articles: page.items, next_cursor: page.nextCursor ?? null });
        return;
      }
      for (const article of page.items) writeLine(ctx.stdout, summaryLine(article));
      if (page.nextCursor) writeLine(ctx.stdout, `more: sitrep list --cursor ${page.nextCursor}`);
    });
}
