import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Removal } from '../clean/clean-doc.js';
import { extractArticle } from '../clean/extract-article.js';
import { decodeBytes } from '../ingest/decode-bytes.js';
import { gunzipAll } from '../ingest/gunzip-all.js';
import { EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';

/** The one JSON line `sitrep extract` and `sitrep clean` print per file. */
export interface InspectionLine {
  readonly file: string;
  readonly title: string | null;
  readonly text: string;
  readonly paragraphs: readonly string[];
  readonly published: string | null;
  readonly authors: readonly string[];
  readonly site: string | null;
  readonly language: string | null;
  readonly removed: readonly Removal[];
}

/** Reads a file as text (gunzipping .gz, decoding as browsers do); a readable reason otherwise. */
export const readInputText = async (
  path: string,
): Promise<{ text: string } | { error: string }> => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory'
            : (error as Error).message,
    };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const unzipped = gunzipAll(bytes);
    if (!unzipped.ok) return { error: unzipped.error };
    bytes = unzipped.value;
  }
  return { text: decodeBytes(bytes).text };
};

export const summaryOf = (line: InspectionLine): string =>
  `${line.file}\t${line.title ?? '(untitled)'}\t${line.paragraphs.length} paragraphs, ${line.removed.length} removed`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description(
      'extract the article (main text, title, authors, date) from HTML files, .html.gz too; touches no store',
    )
    .argument('<files...>', 'HTML files')
    .option('--json', 'print one JSON object per file, in input order')
    .action(async (files: string[], flags: { json?: boolean }) => {
      let failed = 0;
      for (const file of files) {
        const input = await readInputText(file);
        if ('error' in input) {
          writeLine(ctx.stderr, `sitrep extract: ${file}: ${input.error}`);
          failed++;
          continue;
        }
        const article = extractArticle(input.text);
        const line: InspectionLine = {
          file,
          title: article.title ?? null,
          text: article.text,
          paragraphs: article.paragraphs,
          published: article.published ?? null,
          authors: article.authors,
          site: article.site ?? null,
          language: article.language ?? null,
          removed: article.removed,
        };
        if (flags.json) writeJson(ctx, line);
        else writeLine(ctx.stdout, summaryOf(line));
      }
      if (failed > 0) ctx.setExitCode(EXIT.completedWithRejections);
    });
}
