import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { exportGraph, GRAPH_FORMATS, type GraphFormat } from '../dependencies/graph-export.js';
import { CAPABILITIES } from '../dependencies/capability.js';
import { dependencyGraph } from '../services/ledger-views.js';
import { withStore, writeLine, type CliContext } from './cli-context.js';
import { ledgerKb } from './ledger-kb.js';

const STATUSES = ['requested', 'ordered', 'committed', 'delivered', 'operates', 'depends_on'];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('graph')
    .description(
      'the dependency graph: recipient -[status]-> system -[made by]-> maker -[based in]-> country, every edge with evidence; exports GEXF (Gephi), GraphML, CSV, JSONL',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--node <name-or-id>', "only a country's, system's or supplier's edges")
    .addOption(
      new Option('--capability <category>', 'only this capability').choices([...CAPABILITIES]),
    )
    .addOption(new Option('--status <status>', 'only this status').choices(STATUSES))
    .option('--from <date>', 'evidence published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'evidence published on or before (YYYY-MM-DD)')
    .addOption(new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS]))
    .option('--json', 'same as --format json: {"nodes":[...],"edges":[...]}')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(
      async (flags: {
        db?: string;
        node?: string;
        capability?: string;
        status?: string;
        from?: string;
        to?: string;
        format?: GraphFormat;
        json?: boolean;
        output?: string;
      }) => {
        const kb = ledgerKb(ctx);
        const graph = await withStore(ctx, flags.db, (store) =>
          dependencyGraph(store, kb, {
            ...(flags.node !== undefined ? { node: flags.node } : {}),
            ...(flags.capability !== undefined ? { capability: flags.capability } : {}),
            ...(flags.status !== undefined ? { status: flags.status } : {}),
            ...(flags.from !== undefined ? { from: flags.from } : {}),
            ...(flags.to !== undefined ? { to: flags.to } : {}),
          }),
        );
        const format = flags.format ?? (flags.json ? 'json' : undefined);
        if (format === undefined) {
          const label = (key: string): string => graph.getNodeAttribute(key, 'label');
          graph.forEachEdge((_id, a, source, target) => {
            if (a.relation !== 'status') return;
            const flags = [
              a.negated ? 'NOT' : '',
              a.hedged ? 'hedged' : '',
              a.marked && !a.negated && !a.hedged ? a.marked : '',
            ].filter(Boolean);
            writeLine(
              ctx.stdout,
              `${label(source)} -[${a.status}${flags.length ? ` ${flags.join(', ')}` : ''}]-> ${label(target)}${a.supplier ? ` from ${a.supplier}` : ''}  (${a.capability}; ${a.sources} sources; ${a.firstSeen ?? '?'}..${a.lastSeen ?? '?'})`,
            );
            const e = a.evidence[0];
            if (e) writeLine(ctx.stdout, `    ${e.articleId} ${e.start}-${e.end}: ${e.text}`);
          });
          writeLine(ctx.stdout, `${graph.order} nodes, ${graph.size} edges`);
          return;
        }
        const text = exportGraph(graph, format);
        if (flags.output) {
          await writeFile(flags.output, text);
          writeLine(
            ctx.stderr,
            `wrote ${graph.order} nodes and ${graph.size} edges to ${flags.output}`,
          );
        } else ctx.stdout.write(text);
      },
    );
}
