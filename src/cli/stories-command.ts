import { plural } from '../core/display-format.js';
import type { Command } from 'commander';
import { listStories } from '../stories/story-listing.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('stories')
    .description(
      'stories: articles about the same event across days and sources, most recent first',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--min-articles <n>', 'only stories with at least this many articles', '1')
    .option(
      '--json',
      'print {"stories":[{"id","title","articles":[ids],"first_seen","last_seen",...}]}',
    )
    .action(async (flags: { db?: string; minArticles: string; json?: boolean }) => {
      const minArticles = Number(flags.minArticles);
      if (!Number.isInteger(minArticles) || minArticles < 1) {
        writeLine(ctx.stderr, 'sitrep stories: --min-articles must be a positive integer');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      await withStore(ctx, flags.db, async (store) => {
        if (!store.stories) {
          writeLine(
            ctx.stderr,
            `sitrep stories: the ${store.backend} store has no story index yet`,
          );
          ctx.setExitCode(EXIT.fatal);
          return;
        }
        const { stories } = await listStories(store.stories);
        const shown = stories.filter((story) => story.article_count >= minArticles);
        if (flags.json) {
          writeJson(ctx, { stories: shown });
          return;
        }
        for (const story of shown) {
          writeLine(
            ctx.stdout,
            `${story.id}  ${(story.first_seen ?? '').slice(0, 10)}..${(story.last_seen ?? '').slice(0, 10)}  ` +
              `${plural(story.article_count, 'article', 'articles')}, ${plural(story.sources.length, 'source', 'sources')}  ${story.title}`,
          );
        }
      });
    });
}
