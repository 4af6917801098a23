import type { Command } from 'commander';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one article: its clean text, metadata and provenance')
    .argument('<id>', 'article id (from list or search)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--raw', 'print the raw input of the current revision instead of the clean text')
    .option('--revisions', 'list every revision')
    .option('--json', 'print the article as JSON (with revisions when --revisions)')
    .action(
      async (
        id: string,
        flags: { db?: string; raw?: boolean; revisions?: boolean; json?: boolean },
      ) => {
        await withStore(ctx, flags.db, async (store) => {
          const article = await store.getArticle(id);
          if (!article) {
            writeLine(ctx.stderr, `sitrep show: no article with id "${id}"`);
            ctx.setExitCode(EXIT.fatal);
            return;
          }
          const revisions =
            flags.raw || flags.revisions ? await store.listRevisions(id) : undefined;
          const current = revisions?.find((r) => r.revision === article.revision);
          if (flags.json) {
            writeJson(ctx, {
              ...article,
              ...(flags.raw ? { raw: current?.raw } : {}),
              ...(flags.revisions ? { revisions } : {}),
            });
            return;
          }
          if (flags.raw) {
            ctx.stdout.write(current?.raw ?? '');
            return;
          }
          const meta: [string, string | undefined][] = [
            ['id', article.id],
            ['title', article.title],
            ['source', article.source],
            ['published', article.published],
            ['url', article.url],
            ['authors', article.authors.join(', ') || undefined],
            ['language', article.language],
            ['revision', String(article.revision)],
            [
              'from',
              `${article.provenance.path}${article.provenance.recordIndex !== undefined ? ` record ${article.provenance.recordIndex}` : ''}`,
            ],
          ];
          for (const [key, value] of meta) {
            if (value) writeLine(ctx.stdout, `${key.padEnd(10)} ${value}`);
          }
          writeLine(ctx.stdout, '');
          writeLine(ctx.stdout, article.text);
          for (const revision of revisions ?? []) {
            writeLine(
              ctx.stdout,
              `\nrevision ${revision.revision}  ${revision.ingestedAt}  ${revision.contentHash.slice(0, 12)}`,
            );
          }
        });
      },
    );
}
