import type { Command } from 'commander';
import type { Evidence } from '../dependencies/dependency-edge.js';
import { exposureReport } from '../services/ledger-views.js';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { ledgerKb } from './ledger-kb.js';

const cite = (evidence: readonly Evidence[]): string =>
  evidence
    .slice(0, 2)
    .map((e) => `[${e.articleId} ${e.start}-${e.end}] ${e.text.replace(/\s+/g, ' ').slice(0, 220)}`)
    .join('\n      ');

export function register(program: Command, ctx: CliContext): void {
  program
    .command('exposure')
    .description(
      "a country's systems per supplier and capability, the share depending on a supplier, what is exposed if it withholds deliveries, spare parts, software updates or intelligence, and the alternatives the archive discusses; every line with evidence",
    )
    .argument('<country>', 'country (name or KB id)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--supplier <name>', 'the supplier country or company to assess')
    .option('--json', 'print the report as JSON')
    .action(async (country: string, flags: { db?: string; supplier?: string; json?: boolean }) => {
      const kb = ledgerKb(ctx);
      const report = await withStore(ctx, flags.db, (store) =>
        exposureReport(store, kb, country, flags.supplier),
      );
      if (flags.json) {
        writeJson(ctx, report);
        return;
      }
      const out = (line: string): void => writeLine(ctx.stdout, line);
      out(`${report.country.name}${report.supplier ? ` and ${report.supplier.name}` : ''}`);
      if (report.bySupplier.length === 0) out('  no supply or dependency edges in the archive');
      for (const { supplier, systems } of report.bySupplier) {
        out(`  from ${supplier.name}:`);
        for (const s of systems)
          out(
            `    ${s.system.name} (${s.capability}; ${s.statuses.join(', ')}; ${s.sources} sources)\n      ${cite(s.evidence)}`,
          );
      }
      out('  capabilities:');
      for (const c of report.capabilities)
        out(
          `    ${c.capability}: ${c.dependingOnSupplier}/${c.systems} systems${report.supplier ? ` depend on ${report.supplier.name}` : ''} (${Math.round(c.share * 100)}%)`,
        );
      out('  by capability and supplier country:');
      for (const r of report.rollup)
        out(
          `    ${r.capability}: ${r.suppliers.map((s) => `${s.supplier.name} ${s.systems}/${r.systems}`).join(', ')}`,
        );
      if (report.exposed.length > 0)
        out(`  exposed if ${report.supplier?.name ?? 'a supplier'} withholds:`);
      for (const line of report.exposed)
        out(`    ${line.risk}: ${line.system.name} (${line.why})\n      ${cite(line.evidence)}`);
      if (report.alternatives.length > 0) out('  alternatives the archive discusses:');
      for (const a of report.alternatives)
        out(
          `    ${a.alternative.name} (${a.origins.map((o) => o.name).join(', ')}) for ${a.for.name}\n      ${cite(a.evidence)}`,
        );
    });
}
