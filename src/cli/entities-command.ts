import type { Command } from 'commander';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { entityLine } from './fact-lines.js';
import { pageLimit } from './page-limit.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('entities')
    .description('list the entities enrichment found, most-mentioned first (by articles)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--type <type>', 'only this type (PERSON, ORG, GPE, LOC, WEAPON, ...)')
    .option('--prefix <prefix>', 'only names starting with this (case-insensitive)')
    .option('--limit <n>', 'entities to list', '50')
    .option('--json', 'print {"entities":[...]} as JSON')
    .action(
      async (flags: {
        db?: string;
        type?: string;
        prefix?: string;
        limit: string;
        json?: boolean;
      }) => {
        const limit = pageLimit(ctx, 'entities', flags.limit);
        if (limit === undefined) return;
        const entities = await withStore(ctx, flags.db, (store) =>
          store.listEntities({
            limit,
            ...(flags.type !== undefined ? { type: flags.type } : {}),
            ...(flags.prefix !== undefined ? { namePrefix: flags.prefix } : {}),
          }),
        );
        if (flags.json) {
          writeJson(ctx, { entities });
          return;
        }
        for (const entity of entities) writeLine(ctx.stdout, entityLine(entity));
      },
    );
}
