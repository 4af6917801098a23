import type { Command } from 'commander';
import { storyTimeline } from '../stories/story-listing.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('story')
    .description("one story's timeline: its articles by publication time, with sources")
    .argument('<id>', 'story id (from sitrep stories)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print {"id","title","timeline":[...]}')
    .action(async (id: string, flags: { db?: string; json?: boolean }) => {
      await withStore(ctx, flags.db, async (store) => {
        const timeline = store.stories ? await storyTimeline(store.stories, id) : undefined;
        if (!timeline) {
          writeLine(ctx.stderr, `sitrep story: no story with id "${id}"`);
          ctx.setExitCode(EXIT.fatal);
          return;
        }
        if (flags.json) {
          writeJson(ctx, timeline);
          return;
        }
        writeLine(ctx.stdout, timeline.title);
        for (const member of timeline.timeline) {
          writeLine(
            ctx.stdout,
            `  ${(member.published ?? '').slice(0, 16).padEnd(16)}  ${member.articleId}  ` +
              `${(member.source ?? '-').padEnd(20)}  ${member.title ?? ''}`,
          );
        }
      });
    });
}
