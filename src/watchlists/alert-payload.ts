import type { AlertRecord, WatchlistRecord } from '../store/watchlists-port.js';

/** The JSON a webhook receives (and the e-mail renders): one alert with a link back to sitrep. */
export interface AlertPayload {
  readonly deliveryId: string;
  readonly watchlist: { readonly id: string; readonly name: string; readonly query: string };
  readonly alert: {
    readonly id: string;
    readonly articleId: string;
    readonly title?: string;
    readonly source?: string;
    readonly url?: string;
    readonly published?: string;
    readonly storyId?: string;
    readonly entities: readonly string[];
    /** Why a ledger condition fired (the conflict's sides, the edge's evidence). */
    readonly why?: readonly string[];
    readonly createdAt: string;
    /** The article's page in sitrep. */
    readonly link: string;
  };
}

export const articleLink = (publicUrl: string, articleId: string): string =>
  `${publicUrl}/articles/${encodeURIComponent(articleId)}`;

export const alertPayload = (
  deliveryId: string,
  watchlist: WatchlistRecord,
  alert: AlertRecord,
  publicUrl: string,
): AlertPayload => ({
  deliveryId,
  watchlist: { id: watchlist.id, name: watchlist.name, query: watchlist.query },
  alert: {
    id: alert.id,
    articleId: alert.articleId,
    ...(alert.title !== undefined ? { title: alert.title } : {}),
    ...(alert.source !== undefined ? { source: alert.source } : {}),
    ...(alert.url !== undefined ? { url: alert.url } : {}),
    ...(alert.published !== undefined ? { published: alert.published } : {}),
    ...(alert.storyId !== undefined ? { storyId: alert.storyId } : {}),
    entities: alert.entities,
    ...(alert.why ? { why: alert.why } : {}),
    createdAt: alert.createdAt,
    link: articleLink(publicUrl, alert.articleId),
  },
});
