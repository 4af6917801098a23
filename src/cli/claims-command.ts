import { Option, type Command } from 'commander';
import { claimsToCsv, claimsToJsonl } from '../claims/claim-export.js';
import type { ClaimGroup } from '../claims/compare-claims.js';
import { claimGroups, conflictsOf } from '../services/ledger-views.js';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

const claimLine = (group: ClaimGroup): string[] => [
  `${group.status.toUpperCase().padEnd(16)} ${group.label} (${group.claims.length} claims)`,
  ...group.claims.map(
    (c) =>
      `    ${c.articleId} ${c.start}-${c.end} ${JSON.stringify(c.text)} ${c.asOf ?? 'undated'} by ${c.claimant.name}${c.delta ? ' [change]' : ''}`,
  ),
  ...group.pairs.slice(0, 5).flatMap((p) => [`    ${p.verdict}: ${p.reasons.slice(1).join('; ')}`]),
];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('claims')
    .description(
      'the claim ledger: figures as claims grouped by what they measure, labelled conflict, change over time or consistent, with evidence',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--conflicts', 'only conflicting claims (same measure, same time, independent sources)')
    .option('--entity <id>', 'only measures about this entity or claimed by it (id or name)')
    .option(
      '--json',
      'print {"groups":[...]} (with --conflicts: {"conflicts":[{"a","b","measure","reasons"}]})',
    )
    .addOption(
      new Option('--format <format>', 'export every matching claim').choices(['csv', 'jsonl']),
    )
    .action(
      async (flags: {
        db?: string;
        conflicts?: boolean;
        entity?: string;
        json?: boolean;
        format?: 'csv' | 'jsonl';
      }) => {
        const query = {
          ...(flags.entity !== undefined ? { entity: flags.entity } : {}),
          ...(flags.conflicts ? { conflictsOnly: true } : {}),
        };
        if (flags.conflicts && !flags.format) {
          const conflicts = await withStore(ctx, flags.db, (store) => conflictsOf(store, query));
          if (flags.json) {
            writeJson(ctx, { conflicts });
            return;
          }
          if (conflicts.length === 0) writeLine(ctx.stdout, 'no conflicting claims');
          for (const c of conflicts) {
            writeLine(ctx.stdout, `CONFLICT ${c.measure}`);
            for (const s of [c.a, c.b])
              writeLine(
                ctx.stdout,
                `  ${s.article} ${s.start}-${s.end} ${JSON.stringify(s.text)} (${s.claimant}, ${s.as_of ?? 'undated'}): ${s.sentence}`,
              );
            writeLine(ctx.stdout, `  why: ${c.reasons.join('; ')} [${c.version}]`);
          }
          return;
        }
        const groups = await withStore(ctx, flags.db, (store) => claimGroups(store, query));
        const shown = flags.conflicts ? groups.filter((g) => g.status === 'conflict') : groups;
        if (flags.format) {
          const claims = shown.flatMap((g) => g.claims);
          ctx.stdout.write(flags.format === 'csv' ? claimsToCsv(claims) : claimsToJsonl(claims));
          return;
        }
        if (flags.json) {
          writeJson(ctx, { groups: shown });
          return;
        }
        const order = ['conflict', 'change over time', 'consistent', 'not comparable', 'single'];
        for (const group of [...shown].sort(
          (a, b) => order.indexOf(a.status) - order.indexOf(b.status),
        ))
          for (const line of claimLine(group)) writeLine(ctx.stdout, line);
      },
    );
}
