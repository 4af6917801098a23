import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { ArticleStore } from '../store/port.js';
import type {
  DeliveryChannels,
  WatchConditions,
  WatchedNode,
  WatchlistPatch,
  WatchlistRecord,
} from '../store/watchlists-port.js';
import { watchlistsOf } from './evaluate-new-articles.js';
import { LedgerConditions } from './ledger-conditions.js';
import { compileWatchlist, parseWatchQuery } from './watchlist-matcher.js';

/** What a user gives to create or edit a watchlist (CLI flags and the API body map to this). */
const WatchlistFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\s/]+$/, 'a name has no spaces or slashes (it is used in commands and URLs)'),
    /** Empty matches every article: fine beside a ledger condition, which is selective itself. */
    query: z.string().trim().max(2000).optional(),
    entities: z.array(z.string().trim().min(1)).max(20).optional(),
    relation: z
      .object({ predicate: z.string().trim().min(1), object: z.string().trim().min(1).optional() })
      .optional(),
    figure_above: z
      .object({
        value: z.number().finite(),
        kind: z.string().trim().min(1).optional(),
        unit: z.string().trim().min(1).optional(),
      })
      .optional(),
    min_articles: z.number().int().min(1).max(1000).optional(),
    webhook: z.object({ url: z.string().url(), secret: z.string().min(16).optional() }).optional(),
    email: z.array(z.string().email()).max(20).optional(),
    /** "new conflicting claim about X": an entity id or name. */
    conflict_about: z.string().trim().min(1).max(200).optional(),
    /** "new dependency edge for X": a country, system or supplier (id or name). */
    new_edge_for: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const WatchlistInputSchema = WatchlistFields.refine(
  (input) =>
    (input.query !== undefined && input.query.length > 0) ||
    input.conflict_about !== undefined ||
    input.new_edge_for !== undefined,
  {
    path: ['query'],
    message: 'a query is required unless conflict_about or new_edge_for is given',
  },
);

export type WatchlistInput = z.infer<typeof WatchlistInputSchema>;

export const WatchlistPatchSchema = WatchlistFields.partial().extend({
  state: z.enum(['active', 'paused']).optional(),
});
export type WatchlistPatchInput = z.infer<typeof WatchlistPatchSchema>;

/** The KB's reading of a name ("Estonia" is gpe:ee), as the graph keys its nodes. */
export type NodeResolver = (nameOrId: string) => { readonly id?: string; readonly name: string };

/** A ledger condition's node: resolved to the KB entity once, when the watchlist is saved. */
const watchedNode = async (
  store: ArticleStore,
  nameOrId: string,
  resolve?: NodeResolver,
): Promise<WatchedNode> => {
  const party = resolve?.(nameOrId);
  if (party?.id !== undefined) return { id: party.id, name: party.name };
  const entity = await store.getEntity(nameOrId);
  return entity ? { id: entity.id, name: entity.name } : { name: nameOrId };
};

const ledgerConditionsOf = async (
  store: ArticleStore,
  input: Partial<WatchlistInput>,
  current?: WatchConditions,
  resolve?: NodeResolver,
): Promise<Pick<WatchConditions, 'conflictAbout' | 'newEdgeFor'>> => {
  const conflictAbout =
    input.conflict_about !== undefined
      ? await watchedNode(store, input.conflict_about, resolve)
      : current?.conflictAbout;
  const newEdgeFor =
    input.new_edge_for !== undefined
      ? await watchedNode(store, input.new_edge_for, resolve)
      : current?.newEdgeFor;
  return { ...(conflictAbout ? { conflictAbout } : {}), ...(newEdgeFor ? { newEdgeFor } : {}) };
};

const conditionsOf = (input: Partial<WatchlistInput>): WatchConditions => ({
  ...(input.entities && input.entities.length > 0 ? { entities: input.entities } : {}),
  ...(input.relation
    ? {
        relation: {
          predicate: input.relation.predicate,
          ...(input.relation.object ? { object: input.relation.object } : {}),
        },
      }
    : {}),
  ...(input.figure_above
    ? {
        figureAbove: {
          value: input.figure_above.value,
          ...(input.figure_above.kind ? { kind: input.figure_above.kind } : {}),
          ...(input.figure_above.unit ? { unit: input.figure_above.unit } : {}),
        },
      }
    : {}),
});

const channelsOf = (
  input: Partial<WatchlistInput>,
  previous?: DeliveryChannels,
): DeliveryChannels => {
  const webhook = input.webhook
    ? {
        url: input.webhook.url,
        secret:
          input.webhook.secret ??
          previous?.webhook?.secret ??
          randomBytes(24).toString('base64url'),
      }
    : previous?.webhook;
  const email = input.email
    ? input.email.length > 0
      ? { to: input.email }
      : undefined
    : previous?.email;
  return { ...(webhook ? { webhook } : {}), ...(email ? { email } : {}) };
};

/** Creates a watchlist that evaluates articles stored from now on (`test` looks at the past). */
export const createWatchlist = async (
  store: ArticleStore,
  input: WatchlistInput,
  now: Date,
  resolve?: NodeResolver,
): Promise<WatchlistRecord> => {
  const watchlists = watchlistsOf(store);
  const query = input.query ?? '';
  parseWatchQuery(query);
  if (await watchlists.getWatchlist(input.name))
    throw new AppError('INVALID_ARGUMENT', `a watchlist named "${input.name}" already exists`);
  return watchlists.saveWatchlist({
    id: `w${randomBytes(5).toString('hex')}`,
    name: input.name,
    query,
    conditions: {
      ...conditionsOf(input),
      ...(await ledgerConditionsOf(store, input, undefined, resolve)),
    },
    minArticles: input.min_articles ?? 1,
    channels: channelsOf(input),
    feedToken: randomBytes(18).toString('base64url'),
    startSeq: await watchlists.latestArticleSeq(),
    now: now.toISOString(),
  });
};

export const requireWatchlist = async (
  store: ArticleStore,
  idOrName: string,
): Promise<WatchlistRecord> => {
  const found = await watchlistsOf(store).getWatchlist(idOrName);
  if (!found)
    throw new AppError('NOT_FOUND', `no watchlist "${idOrName}" (see \`sitrep watchlist list\`)`);
  return found;
};

export const editWatchlist = async (
  store: ArticleStore,
  idOrName: string,
  input: WatchlistPatchInput,
  now: Date,
  resolve?: NodeResolver,
): Promise<WatchlistRecord> => {
  const current = await requireWatchlist(store, idOrName);
  if (input.query !== undefined) parseWatchQuery(input.query);
  const touchesConditions =
    input.entities !== undefined ||
    input.relation !== undefined ||
    input.figure_above !== undefined ||
    input.conflict_about !== undefined ||
    input.new_edge_for !== undefined;
  const patch: WatchlistPatch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.query !== undefined ? { query: input.query } : {}),
    ...(touchesConditions
      ? {
          conditions: {
            ...(await ledgerConditionsOf(store, input, current.conditions, resolve)),
            ...conditionsOf({
              entities: input.entities ?? current.conditions.entities?.slice(),
              ...((input.relation ?? current.conditions.relation)
                ? { relation: input.relation ?? current.conditions.relation }
                : {}),
              ...((input.figure_above ?? current.conditions.figureAbove)
                ? { figure_above: input.figure_above ?? current.conditions.figureAbove }
                : {}),
            } as Partial<WatchlistInput>),
          },
        }
      : {}),
    ...(input.min_articles !== undefined ? { minArticles: input.min_articles } : {}),
    ...(input.state !== undefined ? { state: input.state } : {}),
    ...(input.webhook !== undefined || input.email !== undefined
      ? { channels: channelsOf(input, current.channels) }
      : {}),
  };
  const updated = await watchlistsOf(store).updateWatchlist(current.id, patch, now.toISOString());
  if (!updated) throw new AppError('NOT_FOUND', `watchlist "${idOrName}" was removed meanwhile`);
  return updated;
};

export interface DryRunMatch {
  readonly articleId: string;
  readonly title?: string;
  readonly source?: string;
  readonly published?: string;
  readonly copies: number;
  readonly entities: readonly string[];
  /** Why a ledger condition would fire for it (one line list per conflict or edge). */
  readonly why?: readonly string[];
}

export interface DryRunResult {
  readonly matches: DryRunMatch[];
  /** Articles the query matched before the enrichment conditions and the time window. */
  readonly considered: number;
}

/**
 * `watchlist test`: what the watchlist would have raised over the archive, one per syndication
 * group, through the search index (no alert is stored or sent). `since` bounds the publication
 * time (or the ingest time when an article states none).
 */
export const dryRunWatchlist = async (
  store: ArticleStore,
  watchlist: WatchlistRecord,
  options: { since?: string; limit?: number } = {},
): Promise<DryRunResult> => {
  const compiled = compileWatchlist(watchlist);
  const { conflictAbout, newEdgeFor } = watchlist.conditions;
  const ledgerConditions =
    (conflictAbout || newEdgeFor) && store.ledger
      ? new LedgerConditions(
          store.ledger,
          watchlistsOf(store),
          async (id) => (await store.getArticle(id))?.text ?? '',
        )
      : undefined;
  const limit = options.limit ?? 1000;
  const matches: DryRunMatch[] = [];
  let considered = 0;
  let cursor: string | undefined;
  do {
    const page = await store.searchArticles({
      query: compiled.ast,
      limit: 100,
      sort: 'newest',
      collapseCopies: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const hit of page.hits) {
      considered++;
      const article = await store.getArticle(hit.id);
      if (!article) continue;
      const when = article.published ?? article.ingestedAt;
      if (options.since && when < options.since) continue;
      const match = compiled.match(article, await store.getEnrichment(hit.id));
      if (!match) continue;
      let why: string[] | undefined;
      if (conflictAbout || newEdgeFor) {
        // Over the archive, "earlier" is still storage order: what was stored before this article.
        const seq = (await watchlistsOf(store).seqsOf([article.id])).get(article.id);
        const findings =
          seq === undefined
            ? []
            : ((await ledgerConditions?.findings(watchlist.conditions, article.id, seq)) ?? []);
        if (findings.length === 0) continue;
        why = findings.flatMap((f) => f.why);
      }
      matches.push({
        articleId: article.id,
        ...(article.title !== undefined ? { title: article.title } : {}),
        ...(article.source !== undefined ? { source: article.source } : {}),
        ...(article.published !== undefined ? { published: article.published } : {}),
        copies: hit.copies ?? 0,
        entities: match.entities,
        ...(why ? { why } : {}),
      });
      if (matches.length >= limit) return { matches, considered };
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { matches, considered };
};
