import type { Command } from 'commander';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { addUserKbFile } from '../kb/user-kb-folder.js';
import { matchKnownNames } from '../enrich/link/match-known-names.js';
import { linkMentions } from '../enrich/link/link-mentions.js';
import { EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';

export const DEFAULT_KB_DIR = './sitrep-kb';

/** `--dir` wins, then SITREP_KB_DIR, then ./sitrep-kb. */
export const kbDir = (ctx: CliContext, option: string | undefined): string =>
  option ?? ctx.env['SITREP_KB_DIR'] ?? DEFAULT_KB_DIR;

export function register(program: Command, ctx: CliContext): void {
  const kb = program
    .command('kb')
    .description('the defence knowledge base: add your own entities, look names up');

  kb.command('add')
    .description(
      'validate a JSON / JSONL file of entities (and offices) and save it in the kb folder',
    )
    .argument(
      '<file>',
      'JSON array, {"entities": [...], "offices": [...]}, or one JSON record per line',
    )
    .option('--dir <dir>', `kb folder (default: SITREP_KB_DIR or ${DEFAULT_KB_DIR})`)
    .action((file: string, flags: { dir?: string }) => {
      const added = addUserKbFile(file, kbDir(ctx, flags.dir));
      if (!added.ok) {
        for (const problem of added.error) writeLine(ctx.stderr, `sitrep kb add: ${problem}`);
        writeLine(ctx.stderr, `sitrep kb add: nothing saved (${added.error.length} problem(s))`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const { path, entities, offices } = added.value;
      writeLine(ctx.stdout, `saved ${entities} entities and ${offices} offices to ${path}`);
    });

  kb.command('stats')
    .description('count entities by type, with the load time')
    .option('--dir <dir>', 'kb folder with user additions')
    .action((flags: { dir?: string }) => {
      const started = performance.now();
      const base = loadKnowledgeBase({
        userDirs: [kbDir(ctx, flags.dir)],
        onProblem: (p) => writeLine(ctx.stderr, `sitrep kb: skipped: ${p}`),
      });
      const loadMs = Math.round(performance.now() - started);
      writeJson(ctx, { version: base.version, loadMs, ...base.stats() });
    });

  kb.command('lookup')
    .description('entities and offices a name may denote')
    .argument('<name>', 'a name, alias or office title ("Kiev", "SCALP", "NATO Secretary General")')
    .option('--date <iso>', 'resolve office titles on this date')
    .option('--dir <dir>', 'kb folder with user additions')
    .action((name: string, flags: { date?: string; dir?: string }) => {
      const base = loadKnowledgeBase({ userDirs: [kbDir(ctx, flags.dir)] });
      const entities = base.findByAlias(name);
      const offices = base.findOfficesByTitle(name).map((o) => ({
        office: o.id,
        name: o.name,
        holder: flags.date ? (base.officeHolder(o.id, flags.date)?.id ?? null) : null,
        terms: o.terms,
      }));
      if (entities.length === 0 && offices.length === 0) ctx.setExitCode(EXIT.fatal);
      writeJson(ctx, { query: name, entities, offices });
    });

  kb.command('link')
    .description('find and link known names in a text (for checking the KB)')
    .argument('<text>', 'the text')
    .option('--date <iso>', 'publication date for office titles')
    .option('--dir <dir>', 'kb folder with user additions')
    .action((text: string, flags: { date?: string; dir?: string }) => {
      const base = loadKnowledgeBase({ userDirs: [kbDir(ctx, flags.dir)] });
      const linked = linkMentions(
        matchKnownNames(text, base),
        { text, ...(flags.date ? { published: flags.date } : {}) },
        base,
      );
      for (const l of linked)
        writeJson(ctx, {
          text: l.text,
          start: l.start,
          end: l.end,
          type: l.entityType,
          id: l.id,
          name: l.name,
          method: l.method,
        });
    });
}
