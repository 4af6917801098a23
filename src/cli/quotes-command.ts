import type { Command } from 'commander';
import type { ArticleStore } from '../store/port.js';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { quoteLine } from './fact-lines.js';
import { pageLimit } from './page-limit.js';

/** A name is accepted too; an id nobody mentions is used as given. */
const entityIdFor = async (store: ArticleStore, value: string | undefined) =>
  value === undefined ? undefined : ((await store.getEntity(value))?.id ?? value);

export function register(program: Command, ctx: CliContext): void {
  program
    .command('quotes')
    .description('list quotes with their speakers, newest article first, with their offsets')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--speaker <id>', 'only quotes by this entity (id or name)')
    .option('--entity <id>', 'only quotes in articles mentioning this entity (id or name)')
    .option('--limit <n>', 'quotes per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'print {"quotes":[...],"next_cursor"} as JSON')
    .action(
      async (flags: {
        db?: string;
        speaker?: string;
        entity?: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        const limit = pageLimit(ctx, 'quotes', flags.limit);
        if (limit === undefined) return;
        const page = await withStore(ctx, flags.db, async (store) => {
          const speakerId = await entityIdFor(store, flags.speaker);
          const entityId = await entityIdFor(store, flags.entity);
          return store.listQuotes({
            limit,
            ...(flags.cursor ? { cursor: flags.cursor } : {}),
            ...(speakerId !== undefined ? { speakerId } : {}),
            ...(entityId !== undefined ? { entityId } : {}),
          });
        });
        if (flags.json) {
          writeJson(ctx, { quotes: page.items, next_cursor: page.nextCursor ?? null });
          return;
        }
        for (const quote of page.items) writeLine(ctx.stdout, quoteLine(quote));
        if (page.nextCursor) writeLine(ctx.stdout, `more: --cursor ${page.nextCursor}`);
      },
    );
}
