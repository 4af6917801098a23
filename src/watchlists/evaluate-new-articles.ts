import { randomUUID } from 'node:crypto';
import type { ArticleStore } from '../store/port.js';
import type { DeliveryChannel, NewAlert, WatchlistsPort } from '../store/watchlists-port.js';
import { LedgerConditions, type LedgerFinding } from './ledger-conditions.js';
import { compileWatchlist, type CompiledWatchlist } from './watchlist-matcher.js';

export const WATCHLIST_CURSOR = 'watchlists';

/**
 * On PostgreSQL, several workers commit articles concurrently: a sequence number taken before a
 * slower transaction commits can appear behind the cursor. Re-reading this many positions behind
 * it catches those late arrivals; alerts are unique per (watchlist, group), so a re-read is harmless.
 */
const POSTGRES_LOOKBACK = 200;
const BATCH = 200;

export interface EvaluationSummary {
  articles: number;
  alerts: number;
  deliveries: number;
}

export const watchlistsOf = (store: ArticleStore): WatchlistsPort => {
  if (!store.watchlists) throw new Error(`the ${store.backend} store has no watchlists table`);
  return store.watchlists;
};

/** Channels a new alert is delivered on (the Atom feed and the alert list are read, not sent). */
const channelsOf = (compiled: CompiledWatchlist): DeliveryChannel[] => [
  ...(compiled.watchlist.channels.webhook ? (['webhook'] as const) : []),
  ...(compiled.watchlist.channels.email ? (['email'] as const) : []),
];

/**
 * Evaluates every active watchlist against the articles stored since the last evaluation (a
 * cursor over storage order), never re-running the queries over the archive. Copies collapse: the
 * alert key is the article's syndication group (its canonical), or its story when the watchlist
 * waits for a story of several articles, so one wire story alerts once.
 */
export const evaluateNewArticles = async (
  store: ArticleStore,
  options: { now?: () => Date } = {},
): Promise<EvaluationSummary> => {
  const watchlists = watchlistsOf(store);
  const now = options.now ?? (() => new Date());
  const summary: EvaluationSummary = { articles: 0, alerts: 0, deliveries: 0 };
  const active = (await watchlists.listWatchlists()).filter((w) => w.state === 'active');
  const stored = await watchlists.getCursor(WATCHLIST_CURSOR);
  if (active.length === 0) {
    // Nothing to evaluate; keep the cursor at the end so a new watchlist does not replay the past.
    await watchlists.advanceCursor(WATCHLIST_CURSOR, await watchlists.latestArticleSeq());
    return summary;
  }
  const compiled = active.map(compileWatchlist);
  const texts = new Map<string, string>();
  const ledgerConditions = store.ledger
    ? new LedgerConditions(store.ledger, watchlists, async (id) => {
        if (!texts.has(id)) texts.set(id, (await store.getArticle(id))?.text ?? '');
        return texts.get(id)!;
      })
    : undefined;
  const lowestStart = Math.min(...active.map((w) => w.startSeq));
  let cursor = Math.max(stored ?? lowestStart, lowestStart);
  if (store.backend === 'postgres') cursor = Math.max(lowestStart, cursor - POSTGRES_LOOKBACK);
  for (;;) {
    const refs = await watchlists.articlesAfter(cursor, BATCH);
    if (refs.length === 0) break;
    for (const ref of refs) {
      summary.articles++;
      const candidates = compiled.filter((c) => ref.seq > c.watchlist.startSeq);
      if (candidates.length === 0) continue;
      const article = await store.getArticle(ref.id);
      if (!article) continue;
      const enrichment = await store.getEnrichment(ref.id);
      const alerts: NewAlert[] = [];
      const deliveryChannels = new Map<string, DeliveryChannel[]>();
      let decidedGroup: string | undefined;
      let storyId: string | undefined;
      let storyArticles = 1;
      let looked = false;
      for (const candidate of candidates) {
        const match = candidate.match(article, enrichment);
        if (!match) continue;
        if (!looked) {
          looked = true;
          const decision = await store.nearDuplicates?.getDecision(article.id);
          decidedGroup = decision?.of ?? article.id;
          const membership = await store.stories?.getMembership(article.id);
          storyId = membership?.storyId;
          if (storyId) storyArticles = (await store.stories?.getStory(storyId))?.articleCount ?? 1;
        }
        const minArticles = candidate.watchlist.minArticles;
        if (minArticles > 1 && (storyId === undefined || storyArticles < minArticles)) continue;
        const conditions = candidate.watchlist.conditions;
        const findings: (LedgerFinding | undefined)[] =
          conditions.conflictAbout || conditions.newEdgeFor
            ? ((await ledgerConditions?.findings(conditions, article.id, ref.seq)) ?? [])
            : [undefined];
        for (const finding of findings) {
          const id = randomUUID();
          alerts.push({
            id,
            watchlistId: candidate.watchlist.id,
            articleId: article.id,
            groupKey: finding
              ? finding.groupKey
              : minArticles > 1 && storyId
                ? `story:${storyId}`
                : (decidedGroup ?? article.id),
            ...(storyId ? { storyId } : {}),
            ...(article.title !== undefined ? { title: article.title } : {}),
            ...(article.source !== undefined ? { source: article.source } : {}),
            ...(article.url !== undefined ? { url: article.url } : {}),
            ...(article.published !== undefined ? { published: article.published } : {}),
            entities: finding
              ? [...new Set([...finding.names, ...match.entities])].slice(0, 8)
              : match.entities,
            ...(finding ? { why: finding.why } : {}),
            createdAt: now().toISOString(),
          });
          deliveryChannels.set(id, channelsOf(candidate));
        }
      }
      if (alerts.length === 0) continue;
      const added = await watchlists.addAlerts(alerts);
      summary.alerts += added.length;
      const deliveries = added.flatMap((alert) =>
        (deliveryChannels.get(alert.id) ?? []).map((channel) => ({
          id: randomUUID(),
          alertId: alert.id,
          watchlistId: alert.watchlistId,
          channel,
          createdAt: alert.createdAt,
        })),
      );
      await watchlists.addDeliveries(deliveries);
      summary.deliveries += deliveries.length;
    }
    const last = refs[refs.length - 1];
    if (!last) break;
    cursor = last.seq;
    await watchlists.advanceCursor(WATCHLIST_CURSOR, cursor);
    if (refs.length < BATCH) break;
  }
  return summary;
};
