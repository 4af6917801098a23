import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { KnowledgeBase } from '../kb/kb-types.js';
import { resolveParty } from '../services/ledger-views.js';
import type { ArticleStore } from '../store/port.js';
import type { WatchlistRecord } from '../store/watchlists-port.js';
import { sinceInstant } from '../watchlists/duration.js';
import { watchlistsOf } from '../watchlists/evaluate-new-articles.js';
import { watchlistJson } from '../watchlists/watchlist-json.js';
import {
  createWatchlist,
  dryRunWatchlist,
  editWatchlist,
  type NodeResolver,
  requireWatchlist,
  WatchlistInputSchema,
  WatchlistPatchSchema,
  type WatchlistPatchInput,
} from '../watchlists/watchlist-service.js';
import { withStore, writeJson, writeLine, type CliContext } from './cli-context.js';
import { ledgerKb } from './ledger-kb.js';
import { liveRuntimeFor } from './live-options.js';

/** Resolves ledger-condition nodes with the KB (loaded only when a condition asks). */
const kbResolver = (ctx: CliContext): NodeResolver => {
  let kb: KnowledgeBase | undefined;
  return (nameOrId) => resolveParty((kb ??= ledgerKb(ctx)), nameOrId);
};

interface WatchlistFlags {
  db?: string;
  query?: string;
  entity?: string[];
  relation?: string;
  figureAbove?: string;
  minArticles?: string;
  webhook?: string;
  webhookSecret?: string;
  email?: string[];
  conflictAbout?: string;
  newEdgeFor?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** "supplies" or "supplies:Ukraine" (object by entity id or name). */
const parseRelation = (text: string) => {
  const [predicate = '', ...rest] = text.split(':');
  const object = rest.join(':').trim();
  return { predicate: predicate.trim(), ...(object ? { object } : {}) };
};

/** "1000000", "budget:1e9" or "budget:USD:1e9": a figure (of a kind, in a unit) above the value. */
const parseFigure = (text: string) => {
  const parts = text.split(':');
  const value = Number(parts.pop());
  if (!Number.isFinite(value))
    throw new AppError(
      'INVALID_ARGUMENT',
      `--figure-above "${text}": expected [KIND:[UNIT:]]NUMBER`,
    );
  const [kind, unit] = parts;
  return { value, ...(kind ? { kind } : {}), ...(unit ? { unit } : {}) };
};

const inputFrom = (flags: WatchlistFlags): Omit<WatchlistPatchInput, 'name' | 'state'> => ({
  ...(flags.query !== undefined ? { query: flags.query } : {}),
  ...(flags.entity ? { entities: flags.entity } : {}),
  ...(flags.relation ? { relation: parseRelation(flags.relation) } : {}),
  ...(flags.figureAbove ? { figure_above: parseFigure(flags.figureAbove) } : {}),
  ...(flags.minArticles !== undefined ? { min_articles: Number(flags.minArticles) } : {}),
  ...(flags.webhook
    ? {
        webhook: {
          url: flags.webhook,
          ...(flags.webhookSecret ? { secret: flags.webhookSecret } : {}),
        },
      }
    : {}),
  ...(flags.email ? { email: flags.email } : {}),
  ...(flags.conflictAbout !== undefined ? { conflict_about: flags.conflictAbout } : {}),
  ...(flags.newEdgeFor !== undefined ? { new_edge_for: flags.newEdgeFor } : {}),
});

const invalid = (error: { issues: { path: PropertyKey[]; message: string }[] }): AppError =>
  new AppError(
    'INVALID_ARGUMENT',
    error.issues
      .map((i) => `${i.path.map(String).join('.') || 'watchlist'}: ${i.message}`)
      .join('; '),
  );

const withConditionOptions = (command: Command): Command =>
  command
    .option('--query <q>', 'a query in the search language, e.g. \'HIMARS OR "Storm Shadow"\'')
    .option(
      '--entity <id>',
      'the article must mention this entity (id or exact name); repeatable',
      collect,
    )
    .option(
      '--relation <predicate[:object]>',
      'a relation the article states, e.g. supplies:Ukraine',
    )
    .option('--figure-above <[kind:[unit:]]n>', 'a figure above n, e.g. budget:USD:1e9')
    .option(
      '--conflict-about <entity>',
      'alert when a new article makes a claim about this entity that conflicts with an earlier, independent one',
    )
    .option(
      '--new-edge-for <node>',
      'alert on the first evidence of a dependency edge touching this country, system or supplier',
    )
    .option('--min-articles <n>', 'alert once the story holds at least n articles')
    .option('--webhook <url>', 'POST each alert here (signed with HMAC-SHA256)')
    .option('--webhook-secret <s>', 'the signing key (generated and shown once when absent)')
    .option(
      '--email <address>',
      'mail each alert here (smtp in the config file); repeatable',
      collect,
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON');

const describe = (w: WatchlistRecord, unread: number): string => {
  const conditions = [
    ...(w.conditions.entities ?? []).map((e) => `entity ${e}`),
    ...(w.conditions.relation
      ? [
          `relation ${w.conditions.relation.predicate}${w.conditions.relation.object ? ` ${w.conditions.relation.object}` : ''}`,
        ]
      : []),
    ...(w.conditions.figureAbove ? [`figure > ${w.conditions.figureAbove.value}`] : []),
    ...(w.conditions.conflictAbout ? [`conflict about ${w.conditions.conflictAbout.name}`] : []),
    ...(w.conditions.newEdgeFor ? [`new edge for ${w.conditions.newEdgeFor.name}`] : []),
    ...(w.minArticles > 1 ? [`story >= ${w.minArticles} articles`] : []),
  ];
  const channels = [
    ...(w.channels.webhook ? ['webhook'] : []),
    ...(w.channels.email ? [`mail ${w.channels.email.to.join(', ')}`] : []),
  ];
  return `${w.name}  [${w.state}]  ${unread} unread  ${w.query}${conditions.length ? `  + ${conditions.join(', ')}` : ''}${channels.length ? `  -> ${channels.join(', ')}` : ''}`;
};

const feedPath = (w: WatchlistRecord): string =>
  `/watchlists/${w.id}/atom.xml?token=${w.feedToken}`;

export function register(program: Command, ctx: CliContext): void {
  const watchlist = program
    .command('watchlist')
    .description('saved queries that raise alerts on new articles (webhook, e-mail, Atom, digest)');

  withConditionOptions(
    watchlist
      .command('add')
      .description('create a watchlist; it watches articles stored from now on'),
  )
    .argument('<name>', 'a short name without spaces')
    .action(async (name: string, flags: WatchlistFlags) => {
      const parsed = WatchlistInputSchema.safeParse({ name, ...inputFrom(flags) });
      if (!parsed.success) throw invalid(parsed.error);
      const created = await withStore(ctx, flags.db, (store) =>
        createWatchlist(store, parsed.data, new Date(), kbResolver(ctx)),
      );
      if (flags.json) return writeJson(ctx, watchlistJson(created, 0, { includeSecrets: true }));
      writeLine(ctx.stdout, `created ${created.id} ${created.name}`);
      writeLine(ctx.stdout, `atom feed: ${feedPath(created)}`);
      if (created.channels.webhook && !flags.webhookSecret)
        writeLine(ctx.stdout, `webhook secret (shown once): ${created.channels.webhook.secret}`);
    });

  withConditionOptions(
    watchlist.command('edit').description('change a watchlist (only the options given)'),
  )
    .argument('<name>', 'watchlist name or id')
    .option('--name <new>', 'rename it')
    .action(async (name: string, flags: WatchlistFlags & { name?: string }) => {
      const parsed = WatchlistPatchSchema.safeParse({
        ...inputFrom(flags),
        ...(flags.name ? { name: flags.name } : {}),
      });
      if (!parsed.success) throw invalid(parsed.error);
      const updated = await withStore(ctx, flags.db, (store) =>
        editWatchlist(store, name, parsed.data, new Date(), kbResolver(ctx)),
      );
      if (flags.json) writeJson(ctx, watchlistJson(updated, 0));
      else writeLine(ctx.stdout, `updated ${updated.name}`);
    });

  watchlist
    .command('list')
    .description('watchlists with their unread alerts')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print a JSON array')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const [lists, unread] = await withStore(
        ctx,
        flags.db,
        async (store) =>
          [
            await watchlistsOf(store).listWatchlists(),
            await watchlistsOf(store).countUnread(),
          ] as const,
      );
      if (flags.json)
        return writeJson(
          ctx,
          lists.map((w) => watchlistJson(w, unread[w.id] ?? 0)),
        );
      for (const w of lists) writeLine(ctx.stdout, describe(w, unread[w.id] ?? 0));
      if (lists.length === 0)
        writeLine(ctx.stderr, 'no watchlists yet: `sitrep watchlist add NAME --query Q`');
    });

  watchlist
    .command('test')
    .description('dry run over the archive: what the watchlist would have raised (nothing is sent)')
    .argument('<name>', 'watchlist name or id')
    .option('--since <duration>', 'only articles published (or stored) this recently, e.g. 30d')
    .option('--limit <n>', 'at most this many matches', '100')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        flags: { db?: string; since?: string; limit: string; json?: boolean },
      ) => {
        const since = flags.since ? sinceInstant(flags.since, new Date()) : undefined;
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new AppError('INVALID_ARGUMENT', '--limit must be a positive integer');
        const result = await withStore(ctx, flags.db, async (store) =>
          dryRunWatchlist(store, await requireWatchlist(store, name), {
            ...(since ? { since } : {}),
            limit,
          }),
        );
        if (flags.json) return writeJson(ctx, result);
        for (const m of result.matches)
          writeLine(
            ctx.stdout,
            `${m.articleId}  ${m.published?.slice(0, 10) ?? '          '}  ${m.source ?? ''}  ${m.title ?? ''}${m.copies ? `  (+${m.copies} copies)` : ''}${m.entities.length ? `  [${m.entities.join(', ')}]` : ''}${(m.why ?? []).map((line) => `\n    ${line}`).join('')}`,
          );
        writeLine(
          ctx.stderr,
          `${result.matches.length} alert(s) would fire (${result.considered} query hits checked)`,
        );
      },
    );

  for (const [verb, state] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const) {
    watchlist
      .command(verb)
      .description(
        verb === 'pause'
          ? 'stop raising alerts'
          : 'raise alerts again (for articles stored from now on)',
      )
      .argument('<name>', 'watchlist name or id')
      .option('--db <location>', 'SQLite file or postgres:// URL')
      .action(async (name: string, flags: { db?: string }) => {
        await withStore(ctx, flags.db, (store) =>
          editWatchlist(store, name, { state }, new Date()),
        );
        writeLine(ctx.stdout, `${state === 'paused' ? 'paused' : 'resumed'} ${name}`);
      });
  }

  watchlist
    .command('remove')
    .description('remove a watchlist with its alerts and delivery log')
    .argument('<name>', 'watchlist name or id')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .action(async (name: string, flags: { db?: string }) => {
      await withStore(ctx, flags.db, async (store: ArticleStore) => {
        const found = await requireWatchlist(store, name);
        await watchlistsOf(store).removeWatchlist(found.id);
      });
      writeLine(ctx.stdout, `removed ${name}`);
    });

  watchlist
    .command('alerts')
    .description('alerts, newest first (all watchlists, or one)')
    .argument('[name]', 'watchlist name or id')
    .option('--unread', 'only unread alerts')
    .option('--mark-read', 'mark the listed alerts read')
    .option('--limit <n>', 'how many', '50')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string | undefined,
        flags: { db?: string; unread?: boolean; markRead?: boolean; limit: string; json?: boolean },
      ) => {
        const alerts = await withStore(ctx, flags.db, async (store) => {
          const w = name ? await requireWatchlist(store, name) : undefined;
          const list = await watchlistsOf(store).listAlerts({
            limit: Math.max(1, Number(flags.limit) || 50),
            ...(w ? { watchlistId: w.id } : {}),
            ...(flags.unread ? { unreadOnly: true } : {}),
          });
          if (flags.markRead && list.length > 0)
            await watchlistsOf(store).markAlertsRead(
              { ids: list.map((a) => a.id) },
              new Date().toISOString(),
            );
          return list;
        });
        if (flags.json) return writeJson(ctx, alerts);
        for (const a of alerts)
          writeLine(
            ctx.stdout,
            `${a.readAt ? ' ' : '*'} ${a.createdAt.slice(0, 16).replace('T', ' ')}  ${a.articleId}  ${a.source ?? ''}  ${a.title ?? ''}${a.entities.length ? `  [${a.entities.join(', ')}]` : ''}${(a.why ?? []).map((line) => `\n    ${line}`).join('')}`,
          );
      },
    );

  watchlist
    .command('run')
    .description(
      'evaluate watchlists on articles stored since the last run and send due deliveries (cron)',
    )
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      await withStore(ctx, flags.db, async (store) => {
        const runtime = await liveRuntimeFor(ctx, store, { enrich: false, label: 'watchlist run' });
        try {
          const report = await runtime.pollOnceWithoutSources();
          if (flags.json) writeJson(ctx, report);
          else
            writeLine(
              ctx.stdout,
              `${report.evaluation.articles} new article(s) checked, ${report.evaluation.alerts} alert(s); ${report.deliveries.sent} delivered, ${report.deliveries.retrying} to retry, ${report.deliveries.dead} dead`,
            );
        } finally {
          await runtime.close();
        }
      });
    });
}
