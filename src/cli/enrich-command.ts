import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { cleanItem } from '../clean/clean-item.js';
import { enrichArticle, type EnrichDeps } from '../enrich/enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from '../enrich/ner/ner-model-file.js';
import { readFileBytes } from '../ingest/read-file.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';

const JsonlInput = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  title: z.string().optional(),
  published: z.string().optional(),
});

let deps: EnrichDeps | undefined;
const loadDeps = async (): Promise<EnrichDeps> => {
  deps ??= { kb: loadKnowledgeBase(), model: loadNerModel(await readFile(NER_MODEL_URL)) };
  return deps;
};

const summary = (label: string, e: ReturnType<typeof enrichArticle>): string =>
  `${label}: ${e.entities.length} entities, ${e.figures.length} figures, ${e.dates.length} dates, ` +
  `${e.quotes.length} quotes, ${e.relations.length} relations`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('enrich')
    .description(
      'entities, figures, dates, quotes and relations of articles (files, or JSONL on stdin); touches no store',
    )
    .argument('[files...]', 'article files (text dumps, HTML, feeds...)')
    .option('--json', 'print one JSON object per article')
    .option('--jsonl', 'read {"id","text","published"?} lines on stdin, write one JSON line each')
    .action(async (files: string[], flags: { json?: boolean; jsonl?: boolean }) => {
      const d = await loadDeps();
      let failed = 0;
      if (flags.jsonl) {
        const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
        let n = 0;
        for await (const line of lines) {
          n++;
          if (line.trim() === '') continue;
          let parsed: z.infer<typeof JsonlInput>;
          try {
            const result = JsonlInput.safeParse(JSON.parse(line));
            if (!result.success) {
              const issue = result.error.issues[0];
              throw new Error(`${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
            }
            parsed = result.data;
          } catch (error) {
            writeLine(ctx.stderr, `sitrep enrich: stdin line ${n}: ${(error as Error).message}`);
            failed++;
            continue;
          }
          const e = enrichArticle(
            {
              text: parsed.text,
              ...(parsed.id !== undefined ? { id: String(parsed.id) } : {}),
              ...(parsed.title !== undefined ? { title: parsed.title } : {}),
              ...(parsed.published !== undefined ? { published: parsed.published } : {}),
            },
            d,
          );
          writeJson(ctx, {
            id: parsed.id ?? null,
            title: parsed.title ?? null,
            text: parsed.text,
            ...e,
          });
        }
      }
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          writeLine(
            ctx.stderr,
            `sitrep enrich: ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
          );
          failed++;
          continue;
        }
        for (const event of readFileBytes(file, bytes)) {
          if (event.kind === 'rejected') {
            writeLine(ctx.stderr, `sitrep enrich: ${file}: ${event.rejection.reason}`);
            failed++;
            continue;
          }
          if (event.kind !== 'item') continue;
          const doc = cleanItem(event.item);
          const e = enrichArticle(
            {
              text: doc.text,
              ...(doc.title !== undefined ? { title: doc.title } : {}),
              ...(doc.published !== undefined ? { published: doc.published } : {}),
            },
            d,
          );
          if (flags.json) writeJson(ctx, { file, title: doc.title ?? null, text: doc.text, ...e });
          else writeLine(ctx.stdout, summary(file, e));
        }
      }
      if (files.length === 0 && !flags.jsonl) {
        writeLine(ctx.stderr, 'sitrep enrich: give files, or --jsonl to read stdin');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (failed > 0) ctx.setExitCode(EXIT.completedWithRejections);
    });
}
