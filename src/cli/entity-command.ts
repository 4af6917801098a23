import type { Command } from 'commander';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { entityLine, figureLine, quoteLine, relationLine } from './fact-lines.js';
import { pageLimit } from './page-limit.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('entity')
    .description(
      'one entity: mentions over time, entities seen with it, its quotes, relations and figures',
    )
    .argument('<name-or-id>', 'an entity id (kb:..., local:...) or its name')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--limit <n>', 'items per section', '10')
    .option('--json', 'print {"entity","timeline","cooccurring","quotes","relations","figures"}')
    .action(async (nameOrId: string, flags: { db?: string; limit: string; json?: boolean }) => {
      const limit = pageLimit(ctx, 'entity', flags.limit);
      if (limit === undefined) return;
      const report = await withStore(ctx, flags.db, async (store) => {
        const entity = await store.getEntity(nameOrId);
        if (!entity) return undefined;
        const id = entity.id;
        return {
          entity,
          timeline: await store.entityTimeline(id),
          cooccurring: await store.listCooccurringEntities(id, limit),
          quotes: (await store.listQuotes({ speakerId: id, limit })).items,
          relations: (await store.listRelations({ entityId: id, limit })).items,
          figures: (await store.listFigures({ entityId: id, limit })).items,
        };
      });
      if (!report) {
        writeLine(
          ctx.stderr,
          `sitrep entity: no entity with id or name "${nameOrId}" (see sitrep entities --prefix)`,
        );
        ctx.setExitCode(EXIT.fatal);
        return;
      }
      if (flags.json) {
        writeJson(ctx, report);
        return;
      }
      const out = (line: string) => writeLine(ctx.stdout, line);
      out(entityLine(report.entity));
      const section = (title: string, lines: string[]) => {
        out(`${title}:`);
        for (const line of lines.length > 0 ? lines : ['(none)']) out(`  ${line}`);
      };
      section(
        'articles per month',
        report.timeline.map((m) => `${m.month}  ${m.articles}`),
      );
      section(
        'mentioned with',
        report.cooccurring.map((e) => `${e.id}  ${e.name} (${e.type})  ${e.together} together`),
      );
      section('quotes', report.quotes.map(quoteLine));
      section('relations', report.relations.map(relationLine));
      section('recent figures', report.figures.map(figureLine));
    });
}
