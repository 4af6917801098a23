import type { WatchlistRecord } from '../store/watchlists-port.js';

/** A watchlist as the CLI (--json) and the API show it; secrets only right after creation. */
export const watchlistJson = (
  w: WatchlistRecord,
  unread: number,
  options: { includeSecrets?: boolean } = {},
) => ({
  id: w.id,
  name: w.name,
  query: w.query,
  conditions: w.conditions,
  min_articles: w.minArticles,
  state: w.state,
  unread,
  channels: {
    webhook: w.channels.webhook
      ? {
          url: w.channels.webhook.url,
          ...(options.includeSecrets ? { secret: w.channels.webhook.secret } : {}),
        }
      : null,
    email: w.channels.email ? { to: w.channels.email.to } : null,
  },
  atom_path: `/watchlists/${encodeURIComponent(w.id)}/atom.xml`,
  ...(options.includeSecrets ? { feed_token: w.feedToken } : {}),
  created_at: w.createdAt,
  updated_at: w.updatedAt,
});
