import { number, placeholders, text, type LiveRow, type LiveSql } from './live-sql.js';
import type {
  AlertListOptions,
  AlertRecord,
  DeliveryChannel,
  DeliveryChannels,
  DeliveryRecord,
  DeliveryState,
  NewAlert,
  NewWatchlist,
  WatchConditions,
  WatchlistPatch,
  WatchlistRecord,
  WatchlistState,
  WatchlistsPort,
} from './watchlists-port.js';

const parseJson = <T>(value: unknown, fallback: T): T => {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};

const present = <K extends string>(key: K, value: string | number | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string | number>);

const toWatchlist = (row: LiveRow): WatchlistRecord => ({
  id: String(row['id']),
  name: String(row['name']),
  query: String(row['query']),
  conditions: parseJson<WatchConditions>(row['conditions'], {}),
  minArticles: number(row, 'min_articles'),
  state: String(row['state']) as WatchlistState,
  channels: parseJson<DeliveryChannels>(row['channels'], {}),
  feedToken: String(row['feed_token']),
  startSeq: number(row, 'start_seq'),
  createdAt: String(row['created_at']),
  updatedAt: String(row['updated_at']),
});

const toAlert = (row: LiveRow): AlertRecord =>
  ({
    id: String(row['id']),
    watchlistId: String(row['watchlist_id']),
    articleId: String(row['article_id']),
    groupKey: String(row['group_key']),
    entities: parseJson<string[]>(row['entities'], []),
    ...(text(row, 'why') !== undefined ? { why: parseJson<string[]>(row['why'], []) } : {}),
    createdAt: String(row['created_at']),
    ...present('storyId', text(row, 'story_id')),
    ...present('title', text(row, 'title')),
    ...present('source', text(row, 'source')),
    ...present('url', text(row, 'url')),
    ...present('published', text(row, 'published')),
    ...present('readAt', text(row, 'read_at')),
  }) as AlertRecord;

const toDelivery = (row: LiveRow): DeliveryRecord =>
  ({
    id: String(row['id']),
    alertId: String(row['alert_id']),
    watchlistId: String(row['watchlist_id']),
    channel: String(row['channel']) as DeliveryChannel,
    state: String(row['state']) as DeliveryState,
    attempts: number(row, 'attempts'),
    nextAttemptAt: String(row['next_attempt_at']),
    createdAt: String(row['created_at']),
    ...present('lastError', text(row, 'last_error')),
    ...present('lastStatus', row['last_status'] === null ? undefined : number(row, 'last_status')),
    ...present('sentAt', text(row, 'sent_at')),
  }) as DeliveryRecord;

/** WatchlistsPort in SQL both backends accept. */
export class WatchlistsQueries implements WatchlistsPort {
  constructor(private readonly sql: LiveSql) {}

  async saveWatchlist(w: NewWatchlist) {
    await this.sql.run(
      `INSERT INTO watchlists (id, name, query, conditions, min_articles, state, channels, feed_token, start_seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
      [
        w.id,
        w.name,
        w.query,
        JSON.stringify(w.conditions),
        w.minArticles,
        JSON.stringify(w.channels),
        w.feedToken,
        w.startSeq,
        w.now,
        w.now,
      ],
    );
    const saved = await this.getWatchlist(w.id);
    if (!saved) throw new Error(`watchlist ${w.id} vanished after saving`);
    return saved;
  }

  async getWatchlist(idOrName: string) {
    const rows = await this.sql.all('SELECT * FROM watchlists WHERE id = ? OR name = ?', [
      idOrName,
      idOrName,
    ]);
    const byId = rows.find((row) => row['id'] === idOrName) ?? rows[0];
    return byId ? toWatchlist(byId) : undefined;
  }

  async listWatchlists() {
    return (await this.sql.all('SELECT * FROM watchlists ORDER BY name')).map(toWatchlist);
  }

  async updateWatchlist(id: string, patch: WatchlistPatch, now: string) {
    const sets: string[] = ['updated_at = ?'];
    const params: (string | number)[] = [now];
    const set = (column: string, value: string | number) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (patch.name !== undefined) set('name', patch.name);
    if (patch.query !== undefined) set('query', patch.query);
    if (patch.conditions !== undefined) set('conditions', JSON.stringify(patch.conditions));
    if (patch.minArticles !== undefined) set('min_articles', patch.minArticles);
    if (patch.state !== undefined) set('state', patch.state);
    if (patch.channels !== undefined) set('channels', JSON.stringify(patch.channels));
    const changed = await this.sql.run(`UPDATE watchlists SET ${sets.join(', ')} WHERE id = ?`, [
      ...params,
      id,
    ]);
    return changed > 0 ? this.getWatchlist(id) : undefined;
  }

  async removeWatchlist(id: string) {
    await this.sql.run('DELETE FROM watch_deliveries WHERE watchlist_id = ?', [id]);
    await this.sql.run('DELETE FROM watch_alerts WHERE watchlist_id = ?', [id]);
    return (await this.sql.run('DELETE FROM watchlists WHERE id = ?', [id])) > 0;
  }

  async articlesAfter(seq: number, limit: number) {
    const rows = await this.sql.all(
      'SELECT seq, id FROM articles WHERE seq > ? ORDER BY seq LIMIT ?',
      [seq, limit],
    );
    return rows.map((row) => ({ seq: number(row, 'seq'), id: String(row['id']) }));
  }

  async latestArticleSeq() {
    const rows = await this.sql.all('SELECT max(seq) AS seq FROM articles');
    return rows[0] ? number(rows[0], 'seq') : 0;
  }

  async seqsOf(articleIds: readonly string[]) {
    const seqs = new Map<string, number>();
    const unique = [...new Set(articleIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = await this.sql.all(
        `SELECT seq, id FROM articles WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) seqs.set(String(row['id']), number(row, 'seq'));
    }
    return seqs;
  }

  async getCursor(name: string) {
    const rows = await this.sql.all('SELECT seq FROM watch_cursors WHERE name = ?', [name]);
    return rows[0] ? number(rows[0], 'seq') : undefined;
  }

  async advanceCursor(name: string, seq: number) {
    await this.sql.run(
      `INSERT INTO watch_cursors (name, seq) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET seq = CASE WHEN excluded.seq > watch_cursors.seq THEN excluded.seq ELSE watch_cursors.seq END`,
      [name, seq],
    );
  }

  async addAlerts(alerts: readonly NewAlert[]) {
    const added: AlertRecord[] = [];
    for (const alert of alerts) {
      const inserted = await this.sql.run(
        `INSERT INTO watch_alerts (id, watchlist_id, article_id, group_key, story_id, title, source, url, published, entities, why, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (watchlist_id, group_key) DO NOTHING`,
        [
          alert.id,
          alert.watchlistId,
          alert.articleId,
          alert.groupKey,
          alert.storyId ?? null,
          alert.title ?? null,
          alert.source ?? null,
          alert.url ?? null,
          alert.published ?? null,
          JSON.stringify(alert.entities),
          alert.why ? JSON.stringify(alert.why) : null,
          alert.createdAt,
        ],
      );
      if (inserted > 0) added.push(alert);
    }
    return added;
  }

  async listAlerts(options: AlertListOptions) {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.watchlistId) {
      where.push('watchlist_id = ?');
      params.push(options.watchlistId);
    }
    if (options.unreadOnly) where.push('read_at IS NULL');
    if (options.since) {
      where.push('created_at >= ?');
      params.push(options.since);
    }
    if (options.before) {
      const before = await this.getAlert(options.before);
      if (before) {
        where.push('(created_at < ? OR (created_at = ? AND id < ?))');
        params.push(before.createdAt, before.createdAt, before.id);
      }
    }
    const rows = await this.sql.all(
      `SELECT * FROM watch_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...params, options.limit],
    );
    return rows.map(toAlert);
  }

  async getAlert(id: string) {
    const rows = await this.sql.all('SELECT * FROM watch_alerts WHERE id = ?', [id]);
    return rows[0] ? toAlert(rows[0]) : undefined;
  }

  async markAlertsRead(options: { ids?: readonly string[]; watchlistId?: string }, now: string) {
    if (options.ids && options.ids.length > 0)
      return this.sql.run(
        `UPDATE watch_alerts SET read_at = ? WHERE read_at IS NULL AND id IN (${placeholders(options.ids.length)})`,
        [now, ...options.ids],
      );
    if (options.watchlistId)
      return this.sql.run(
        'UPDATE watch_alerts SET read_at = ? WHERE read_at IS NULL AND watchlist_id = ?',
        [now, options.watchlistId],
      );
    return 0;
  }

  async countUnread() {
    const rows = await this.sql.all(
      'SELECT watchlist_id, count(*) AS n FROM watch_alerts WHERE read_at IS NULL GROUP BY watchlist_id',
    );
    return Object.fromEntries(rows.map((row) => [String(row['watchlist_id']), number(row, 'n')]));
  }

  async addDeliveries(
    deliveries: readonly Pick<
      DeliveryRecord,
      'id' | 'alertId' | 'watchlistId' | 'channel' | 'createdAt'
    >[],
  ) {
    for (const d of deliveries)
      await this.sql.run(
        `INSERT INTO watch_deliveries (id, alert_id, watchlist_id, channel, state, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
        [d.id, d.alertId, d.watchlistId, d.channel, d.createdAt, d.createdAt],
      );
  }

  async claimDueDeliveries(owner: string, now: string, leaseMs: number, limit: number) {
    const until = new Date(Date.parse(now) + leaseMs).toISOString();
    const rows = await this.sql.all(
      `UPDATE watch_deliveries SET lease_until = ?, leased_by = ?
        WHERE id IN (SELECT id FROM watch_deliveries
                      WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                      ORDER BY next_attempt_at, id LIMIT ?${this.sql.skipLocked})
          AND (lease_until IS NULL OR lease_until < ?)
        RETURNING *`,
      [until, owner, now, now, limit, now],
    );
    return rows
      .map(toDelivery)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
  }

  async recordDelivery(
    id: string,
    outcome: {
      state: DeliveryState;
      attempts: number;
      nextAttemptAt: string;
      lastError?: string;
      lastStatus?: number;
      sentAt?: string;
    },
  ) {
    await this.sql.run(
      `UPDATE watch_deliveries SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?,
         sent_at = ?, lease_until = NULL, leased_by = NULL WHERE id = ?`,
      [
        outcome.state,
        outcome.attempts,
        outcome.nextAttemptAt,
        outcome.lastError ?? null,
        outcome.lastStatus ?? null,
        outcome.sentAt ?? null,
        id,
      ],
    );
  }

  async listDeliveries(options: { watchlistId?: string; limit: number }) {
    const rows = options.watchlistId
      ? await this.sql.all(
          'SELECT * FROM watch_deliveries WHERE watchlist_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
          [options.watchlistId, options.limit],
        )
      : await this.sql.all(
          'SELECT * FROM watch_deliveries ORDER BY created_at DESC, id DESC LIMIT ?',
          [options.limit],
        );
    return rows.map(toDelivery);
  }
}
