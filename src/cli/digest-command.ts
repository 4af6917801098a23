import type { Command } from 'commander';
import { loadLiveConfig } from '../sources/live-config.js';
import { buildDigest, digestHtml, digestMarkdown } from '../watchlists/digest.js';
import { sinceInstant } from '../watchlists/duration.js';
import { requireWatchlist } from '../watchlists/watchlist-service.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description("a watchlist's alerts over a period, grouped by story, as Markdown or HTML")
    .argument('<watchlist>', 'watchlist name or id')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--since <duration>', 'how far back: 1h (hourly), 24h (daily), 7d (weekly)…', '24h')
    .option('--format <format>', 'md, html or json', 'md')
    .action(async (name: string, flags: { db?: string; since: string; format: string }) => {
      if (!['md', 'html', 'json'].includes(flags.format)) {
        writeLine(ctx.stderr, 'sitrep digest: --format must be md, html or json');
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const now = new Date();
      const since = sinceInstant(flags.since, now);
      const { publicUrl } = loadLiveConfig(ctx.env);
      const digest = await withStore(ctx, flags.db, async (store) =>
        buildDigest(store, await requireWatchlist(store, name), since, now),
      );
      if (flags.format === 'json') writeJson(ctx, digest);
      else
        ctx.stdout.write(
          flags.format === 'html'
            ? digestHtml(digest, publicUrl)
            : digestMarkdown(digest, publicUrl),
        );
    });
}
