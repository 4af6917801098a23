import type { ArticleStore } from '../store/port.js';
import type { DeliveryRecord } from '../store/watchlists-port.js';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import { alertPayload } from './alert-payload.js';
import type { EmailSender } from './email-sender.js';
import { watchlistsOf } from './evaluate-new-articles.js';
import { sendWebhook, type SendResult } from './webhook-sender.js';

/** After this many attempts a delivery is dead (kept in the log with its last error). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at 6 h, each a random 50-100% of that (jitter). */
export const deliveryBackoffMs = (attempts: number, random: () => number = Math.random): number =>
  Math.round(
    Math.min(6 * 3600_000, 30_000 * 2 ** Math.max(0, attempts - 1)) * (0.5 + 0.5 * random()),
  );

export interface DeliveryDependencies {
  readonly store: ArticleStore;
  readonly fetcher: SafeFetcher;
  readonly email?: EmailSender;
  readonly publicUrl: string;
  readonly owner: string;
  readonly now?: () => Date;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  dead: number;
}

const deliverOne = async (
  delivery: DeliveryRecord,
  deps: DeliveryDependencies,
): Promise<SendResult> => {
  const watchlists = watchlistsOf(deps.store);
  const [watchlist, alert] = await Promise.all([
    watchlists.getWatchlist(delivery.watchlistId),
    watchlists.getAlert(delivery.alertId),
  ]);
  if (!watchlist || !alert) return { ok: false, error: 'the watchlist or alert was removed' };
  const payload = alertPayload(delivery.id, watchlist, alert, deps.publicUrl);
  const now = (deps.now ?? (() => new Date()))();
  if (delivery.channel === 'webhook') {
    const target = watchlist.channels.webhook;
    if (!target) return { ok: false, error: 'the watchlist has no webhook any more' };
    return sendWebhook(deps.fetcher, target, payload, now);
  }
  const to = watchlist.channels.email?.to ?? [];
  if (to.length === 0)
    return { ok: false, error: 'the watchlist has no e-mail recipients any more' };
  if (!deps.email)
    return { ok: false, error: 'no SMTP server configured (smtp in the config file)' };
  return deps.email.send(to, payload);
};

/** Sends every delivery due now, each recorded with its outcome: sent, retry later, or dead. */
export const runDueDeliveries = async (deps: DeliveryDependencies): Promise<DeliverySummary> => {
  const watchlists = watchlistsOf(deps.store);
  const now = deps.now ?? (() => new Date());
  const summary: DeliverySummary = { sent: 0, retrying: 0, dead: 0 };
  for (;;) {
    const due = await watchlists.claimDueDeliveries(deps.owner, now().toISOString(), 60_000, 20);
    if (due.length === 0) break;
    await Promise.all(
      due.map(async (delivery) => {
        const result = await deliverOne(delivery, deps);
        const attempts = delivery.attempts + 1;
        const at = now();
        if (result.ok) {
          summary.sent++;
          await watchlists.recordDelivery(delivery.id, {
            state: 'sent',
            attempts,
            nextAttemptAt: at.toISOString(),
            sentAt: at.toISOString(),
            ...(result.status !== undefined ? { lastStatus: result.status } : {}),
          });
          return;
        }
        const dead = attempts >= MAX_DELIVERY_ATTEMPTS;
        if (dead) summary.dead++;
        else summary.retrying++;
        await watchlists.recordDelivery(delivery.id, {
          state: dead ? 'dead' : 'pending',
          attempts,
          nextAttemptAt: new Date(at.getTime() + deliveryBackoffMs(attempts)).toISOString(),
          lastError: result.error ?? 'failed',
          ...(result.status !== undefined ? { lastStatus: result.status } : {}),
        });
      }),
    );
  }
  return summary;
};
