import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { ArticleWithRaw } from '../store/port.js';
import { EXIT, withStore, writeLine, type CliContext } from './cli-context.js';

const CSV_COLUMNS = [
  'id',
  'title',
  'source',
  'site',
  'url',
  'canonical_url',
  'published',
  'language',
  'authors',
  'categories',
  'revision',
  'ingested_at',
  'text',
] as const;

/** RFC 4180: quote every field, double inner quotes; newlines stay inside the quotes. */
const csvField = (value: string): string => `"${value.replaceAll('"', '""')}"`;

const csvRow = (article: ArticleWithRaw): string =>
  [
    article.id,
    article.title ?? '',
    article.source ?? '',
    article.site ?? '',
    article.url ?? '',
    article.canonicalUrl ?? '',
    article.published ?? '',
    article.language ?? '',
    article.authors.join('; '),
    article.categories.join('; '),
    String(article.revision),
    article.ingestedAt,
    article.text,
  ]
    .map(csvField)
    .join(',');

const jsonLine = (article: ArticleWithRaw, withRaw: boolean): string => {
  const { raw, itemRecord: _itemRecord, ...rest } = article;
  return JSON.stringify(withRaw ? { ...rest, raw } : rest);
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write every stored article as JSON lines or CSV')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--raw', 'jsonl only: include the raw input of each article')
    .action(async (flags: { db?: string; format: string; output?: string; raw?: boolean }) => {
      if (flags.format !== 'jsonl' && flags.format !== 'csv') {
        writeLine(
          ctx.stderr,
          `sitrep export: unknown --format "${flags.format}" (use jsonl or csv)`,
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const out: Writable = flags.output ? createWriteStream(flags.output) : ctx.stdout;
      const write = (line: string): Promise<void> | void => {
        if (!out.write(`${line}\n`)) {
          return new Promise((resolve) => out.once('drain', () => resolve()));
        }
      };
      await withStore(ctx, flags.db, async (store) => {
        if (flags.format === 'csv') await write(CSV_COLUMNS.join(','));
        for await (const article of store.streamArticles()) {
          await write(
            flags.format === 'csv' ? csvRow(article) : jsonLine(article, flags.raw === true),
          );
        }
      });
      if (flags.output) await new Promise<void>((resolve) => out.end(resolve));
    });
}
