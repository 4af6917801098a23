import { Option, type Command } from 'commander';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { figureLine } from './fact-lines.js';
import { pageLimit } from './page-limit.js';

const KINDS = ['money', 'count', 'distance', 'percent', 'multiplier'];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('figures')
    .description('list the figures articles state, newest article first, with their offsets')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--entity <id>', 'only in articles mentioning this entity (id or name)')
    .addOption(new Option('--kind <kind>', 'only this kind of figure').choices(KINDS))
    .option('--unit <unit>', 'only this unit (EUR, USD, troops, km, ...; case-insensitive)')
    .option('--limit <n>', 'figures per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print {"figures":[...],"next_cursor"} as JSON')
    .action(
      async (flags: {
        db?: string;
        entity?: string;
        kind?: string;
        unit?: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        const limit = pageLimit(ctx, 'figures', flags.limit);
        if (limit === undefined) return;
        const page = await withStore(ctx, flags.db, async (store) => {
          // A name is accepted too; an id nobody mentions is used as given.
          const entityId =
            flags.entity === undefined
              ? undefined
              : ((await store.getEntity(flags.entity))?.id ?? flags.entity);
          return store.listFigures({
            limit,
            ...(flags.cursor ? { cursor: flags.cursor } : {}),
            ...(entityId !== undefined ? { entityId } : {}),
            ...(flags.kind !== undefined ? { kind: flags.kind } : {}),
            ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
          });
        });
        if (flags.json) {
          writeJson(ctx, { figures: page.items, next_cursor: page.nextCursor ?? null });
          return;
        }
        for (const figure of page.items) writeLine(ctx.stdout, figureLine(figure));
        if (page.nextCursor) writeLine(ctx.stdout, `more: --cursor ${page.nextCursor}`);
      },
    );
}
