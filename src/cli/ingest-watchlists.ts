import type { ArticleStore } from '../store/port.js';
import { evaluateNewArticles } from '../watchlists/evaluate-new-articles.js';
import type { CliContext } from './cli-context.js';
import { liveRuntimeFor } from './live-options.js';

export interface IngestAlerts {
  /** Articles checked against the active watchlists. */
  readonly articles: number;
  readonly alerts: number;
  readonly delivered: number;
  readonly retrying: number;
}

/**
 * After `sitrep ingest` stores its batches: raises the alerts of every active watchlist for what
 * it stored and sends their webhooks and e-mails, as serve/watch do after a poll. Without an active
 * watchlist this only moves the evaluation cursor to the end (two small queries), so a watchlist
 * created later does not replay these articles. Undefined when there is nothing to report.
 */
export const alertsAfterIngest = async (
  ctx: CliContext,
  store: ArticleStore,
): Promise<IngestAlerts | undefined> => {
  if (!store.watchlists) return undefined;
  const active = (await store.watchlists.listWatchlists()).some((w) => w.state === 'active');
  if (!active) {
    await evaluateNewArticles(store);
    return undefined;
  }
  const runtime = await liveRuntimeFor(ctx, store, { enrich: false, label: 'ingest (watchlists)' });
  try {
    const report = await runtime.pollOnceWithoutSources();
    return {
      articles: report.evaluation.articles,
      alerts: report.evaluation.alerts,
      delivered: report.deliveries.sent,
      retrying: report.deliveries.retrying,
    };
  } finally {
    await runtime.close();
  }
};
