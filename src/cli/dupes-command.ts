import type { Command } from 'commander';
import { describeSyndicationGroups } from '../services/syndication-view.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('dupes')
    .description(
      'syndication groups: each canonical article (earliest published) and its exact or near-duplicate copies, with why',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
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
        if (flags.json) {
          writeJson(ctx, { groups: await store.nearDuplicates.listGroups() });
          return;
        }
        const groups = await describeSyndicationGroups(store, store.nearDuplicates);
        if (groups.length === 0) writeLine(ctx.stdout, 'no copies found');
        for (const { canonical, members } of groups) {
          writeLine(
            ctx.stdout,
            `${canonical.id}  ${canonical.source ?? '-'}  ${canonical.title ?? ''}`,
          );
          for (const copy of members) {
            writeLine(
              ctx.stdout,
              `  └ ${copy.id}  ${copy.similarity.toFixed(2)}  ${copy.reasons.join(',')}  ${copy.source ?? '-'}  ${copy.title ?? ''}`,
            );
          }
        }
      });
    });
}
