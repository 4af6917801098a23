import type { Command } from 'commander';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('dupes')
    .description(
      'syndication groups: each canonical article (earliest published) and its exact or near-duplicate copies, with why',
    )
    .option('--db <location>', 'SQLite file (PostgreSQL has no syndication index yet)')
    .option(
      '--json',
      'print {"groups":[{"canonical":id,"members":[{"id","similarity","reasons"}]}]}',
    )
    .action(async (flags: { db?: string; json?: boolean }) => {
      await withStore(ctx, flags.db, async (store) => {
        if (!store.nearDuplicates) {
          writeLine(
            ctx.stderr,
            `sitrep dupes: the ${store.backend} store has no syndication index yet`,
          );
          ctx.setExitCode(EXIT.fatal);
          return;
        }
        const groups = await store.nearDuplicates.listGroups();
        if (flags.json) {
          writeJson(ctx, { groups });
          return;
        }
        if (groups.length === 0) writeLine(ctx.stdout, 'no copies found');
        for (const group of groups) {
          const canonical = await store.getArticle(group.canonical);
          writeLine(
            ctx.stdout,
            `${group.canonical}  ${canonical?.source ?? '-'}  ${canonical?.title ?? ''}`,
          );
          for (const member of group.members) {
            const copy = await store.getArticle(member.id);
            writeLine(
              ctx.stdout,
              `  └ ${member.id}  ${member.similarity.toFixed(2)}  ${member.reasons.join(',')}  ${copy?.source ?? '-'}  ${copy?.title ?? ''}`,
            );
          }
        }
      });
    });
}
