import type { Command } from 'commander';
import { describeQuery, parseQuery } from '../search/index.js';
import type { SearchSort } from '../store/port.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

interface SearchFlags {
  db?: string;
  limit: string;
  cursor?: string;
  sort?: string;
  facets?: boolean;
  allCopies?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('search titles and text with the query language (see below)')
    .argument('<query...>', 'the query; quote it in the shell when it holds spaces or quotes')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--limit <n>', 'hits per page', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--sort <order>', 'relevance (BM25), newest or oldest')
    .option('--facets', 'count hits by source, language, month, entity, entity type and country')
    .option('--all-copies', 'list syndicated copies as hits of their own (default: one per group)')
    .option('--json', 'print {"query","total","hits":[...],"facets","next_cursor"} as JSON')
    .addHelpText(
      'after',
      `
Query language:
  nato drones            both words (implicit AND)       "air defence"       a phrase
  patriot OR samp/t      either                           -russia, NOT russia without
  (a OR b) c             grouping                         drone*              prefix
  title:himars  source:reuters  lang:en  entity:nato  type:weapon  country:ua
  after:2025-01-01 before:2025-04   (after is inclusive, before exclusive)
Only upper-case AND, OR, NOT are operators.`,
    )
    .action(async (words: string[], flags: SearchFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        writeLine(ctx.stderr, 'sitrep search: --limit must be an integer from 1 to 1000');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const sort = flags.sort as SearchSort | undefined;
      if (sort !== undefined && !SORTS.includes(sort)) {
        writeLine(ctx.stderr, `sitrep search: --sort must be one of ${SORTS.join(', ')}`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const input = words.join(' ');
      const parsed = parseQuery(input);
      if (!parsed.ok) {
        writeLine(ctx.stderr, `sitrep search: ${parsed.error.message}`);
        writeLine(ctx.stderr, `  ${input}`);
        writeLine(ctx.stderr, `  ${' '.repeat(parsed.error.position)}^`);
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const result = await withStore(ctx, flags.db, (store) =>
        store.searchArticles({
          query: parsed.value,
          limit,
          ...(flags.cursor ? { cursor: flags.cursor } : {}),
          ...(sort ? { sort } : {}),
          facets: flags.facets === true,
          collapseCopies: flags.allCopies !== true,
        }),
      );
      if (flags.json) {
        writeJson(ctx, {
          query: input,
          understood_as: describeQuery(parsed.value),
          total: result.total,
          total_is_estimate: result.totalIsEstimate === true,
          facets_sampled: result.facetsSampled ?? null,
          matches_considered: result.matchesConsidered ?? null,
          hits: result.hits,
          ...(result.facets ? { facets: result.facets } : {}),
          next_cursor: result.nextCursor ?? null,
        });
        return;
      }
      if (result.total === 0) {
        writeLine(ctx.stdout, `no article matches ${describeQuery(parsed.value)}`);
        return;
      }
      writeLine(
        ctx.stdout,
        `${result.total.toLocaleString('en')}${result.totalIsEstimate ? '+' : ''} ${result.total === 1 && !result.totalIsEstimate ? 'article matches' : 'articles match'} ${describeQuery(parsed.value)}`,
      );
      if (result.matchesConsidered !== undefined)
        writeLine(
          ctx.stdout,
          `(ranked among the ${result.matchesConsidered} most recently ingested matches)`,
        );
      for (const hit of result.hits) {
        writeLine(
          ctx.stdout,
          `${hit.id}  ${(hit.published ?? '').slice(0, 10)}  ${hit.source ?? '-'}  ${hit.title ?? '(untitled)'}`,
        );
        writeLine(ctx.stdout, `    ${hit.snippet.replace(/\s+/g, ' ')}`);
        if (hit.copies)
          writeLine(
            ctx.stdout,
            `    (+${hit.copies} syndicated ${hit.copies === 1 ? 'copy' : 'copies'})`,
          );
      }
      if (result.facets && result.facetsSampled !== undefined)
        writeLine(ctx.stdout, `facets over the first ${result.facetsSampled} hits:`);
      for (const [name, counts] of Object.entries(result.facets ?? {})) {
        if (counts.length === 0) continue;
        writeLine(
          ctx.stdout,
          `${name}: ${counts.map((c: { value: string; count: number }) => `${c.value} ${c.count}`).join(', ')}`,
        );
      }
      if (result.nextCursor) writeLine(ctx.stdout, `more: --cursor ${result.nextCursor}`);
    });
}
