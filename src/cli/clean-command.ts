import type { Command } from 'commander';
import { learnBoilerplate, type BoilerplateModel } from '../clean/boilerplate-model.js';
import { detectLanguage } from '../clean/detect-language.js';
import { splitDumpParagraphs } from '../clean/dump-paragraphs.js';
import { repairDump } from '../clean/repair-dump.js';
import { EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';
import { readInputText, summaryOf, type InspectionLine } from './extract-command.js';

/** Fewer dumps than this cannot tell a site's footer from a coincidence (see learnBoilerplate). */
const MIN_DUMPS_TO_LEARN = 3;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('clean')
    .description(
      'repair scraped text dumps (repeats, boilerplate, tag prefixes, spacing); touches no store',
    )
    .argument('<files...>', 'text dump files')
    .option('--json', 'print one JSON object per file, in input order')
    .option(
      '--learn-boilerplate',
      `treat the files as one source and drop lines recurring across them (needs ${MIN_DUMPS_TO_LEARN}+ files)`,
    )
    .action(async (files: string[], flags: { json?: boolean; learnBoilerplate?: boolean }) => {
      let failed = 0;
      const inputs: { file: string; text?: string }[] = [];
      for (const file of files) {
        const input = await readInputText(file);
        if ('error' in input) {
          writeLine(ctx.stderr, `sitrep clean: ${file}: ${input.error}`);
          failed++;
          inputs.push({ file });
        } else inputs.push({ file, text: input.text });
      }
      let model: BoilerplateModel | undefined;
      const readable = inputs.flatMap((i) => (i.text === undefined ? [] : [i.text]));
      if (flags.learnBoilerplate) {
        if (readable.length >= MIN_DUMPS_TO_LEARN)
          model = learnBoilerplate(readable.map(splitDumpParagraphs));
        else
          writeLine(
            ctx.stderr,
            `sitrep clean: --learn-boilerplate needs at least ${MIN_DUMPS_TO_LEARN} readable files; skipped`,
          );
      }
      for (const { file, text } of inputs) {
        if (text === undefined) continue;
        const repaired = repairDump(text, model ? { boilerplate: model } : {});
        const body = repaired.paragraphs.join('\n\n');
        const line: InspectionLine = {
          file,
          title: repaired.title ?? null,
          text: body,
          paragraphs: repaired.paragraphs,
          published: null,
          authors: [],
          site: null,
          language: detectLanguage(body) ?? null,
          removed: repaired.removed,
        };
        if (flags.json) writeJson(ctx, line);
        else writeLine(ctx.stdout, summaryOf(line));
      }
      if (failed > 0) ctx.setExitCode(EXIT.completedWithRejections);
    });
}
