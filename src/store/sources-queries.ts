import { sha256Hex } from '../core/hash.js';
import { number, text, type LiveRow, type LiveSql } from './live-sql.js';
import type {
  FullTextMode,
  NewSource,
  PollRecord,
  SourceKind,
  SourceRecord,
  SourceSettings,
  SourceState,
  SourcesPort,
} from './sources-port.js';

export const DEFAULT_INTERVAL_SECONDS = 900;

/** The same URL always gets the same id, so re-adding or importing twice finds it. */
export const sourceIdFor = (url: string): string => `s${sha256Hex(url).slice(0, 11)}`;

const toSource = (row: LiveRow): SourceRecord => {
  const optional = <K extends string>(key: K, value: string | number | undefined) =>
    value === undefined ? {} : ({ [key]: value } as Record<K, string | number>);
  return {
    id: String(row['id']),
    url: String(row['url']),
    kind: String(row['kind']) as SourceKind,
    intervalSeconds: number(row, 'interval_seconds'),
    fullText: String(row['full_text']) as FullTextMode,
    state: String(row['state']) as SourceState,
    consecutiveFailures: number(row, 'consecutive_failures'),
    nextPollAt: String(row['next_poll_at']),
    itemsPerDay: number(row, 'items_per_day'),
    itemsTotal: number(row, 'items_total'),
    polls: number(row, 'polls'),
    notModified: number(row, 'not_modified'),
    createdAt: String(row['created_at']),
    ...optional('title', text(row, 'title')),
    ...optional('format', text(row, 'format')),
    ...optional('disabledReason', text(row, 'disabled_reason')),
    ...optional('etag', text(row, 'etag')),
    ...optional('lastModified', text(row, 'last_modified')),
    ...optional('lastFetchAt', text(row, 'last_fetch_at')),
    ...optional('lastSuccessAt', text(row, 'last_success_at')),
    ...optional('lastStatus', row['last_status'] === null ? undefined : number(row, 'last_status')),
    ...optional('lastError', text(row, 'last_error')),
  } as SourceRecord;
};

const leaseEnd = (now: string, leaseMs: number): string =>
  new Date(Date.parse(now) + leaseMs).toISOString();

/** SourcesPort in SQL both backends accept. */
export class SourcesQueries implements SourcesPort {
  constructor(private readonly sql: LiveSql) {}

  async addSources(sources: readonly NewSource[], now: string) {
    const results: { source: SourceRecord; added: boolean }[] = [];
    for (const source of sources) {
      const id = sourceIdFor(source.url);
      const inserted = await this.sql.run(
        `INSERT INTO sources (id, url, title, kind, interval_seconds, full_text, state, next_poll_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?) ON CONFLICT (url) DO NOTHING`,
        [
          id,
          source.url,
          source.title ?? null,
          source.kind ?? 'feed',
          source.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
          source.fullText ?? 'auto',
          now,
          now,
        ],
      );
      const [stored] = (
        await this.sql.all('SELECT * FROM sources WHERE url = ?', [source.url])
      ).map(toSource);
      if (stored) results.push({ source: stored, added: inserted > 0 });
    }
    return results;
  }

  async getSource(idOrUrl: string) {
    // Two lookups, each on its own unique index (an OR of both would scan the table).
    const byId = await this.sql.all('SELECT * FROM sources WHERE id = ?', [idOrUrl]);
    const rows =
      byId.length > 0 ? byId : await this.sql.all('SELECT * FROM sources WHERE url = ?', [idOrUrl]);
    return rows[0] ? toSource(rows[0]) : undefined;
  }

  async listSources(options: { state?: SourceState } = {}) {
    const rows = options.state
      ? await this.sql.all('SELECT * FROM sources WHERE state = ? ORDER BY created_at, id', [
          options.state,
        ])
      : await this.sql.all('SELECT * FROM sources ORDER BY created_at, id');
    return rows.map(toSource);
  }

  async removeSource(id: string) {
    return (await this.sql.run('DELETE FROM sources WHERE id = ?', [id])) > 0;
  }

  async setSourceState(id: string, state: SourceState, now: string, reason?: string) {
    if (state === 'active')
      return (
        (await this.sql.run(
          `UPDATE sources SET state = 'active', disabled_reason = NULL, consecutive_failures = 0,
             next_poll_at = ?, lease_until = NULL, leased_by = NULL WHERE id = ?`,
          [now, id],
        )) > 0
      );
    return (
      (await this.sql.run('UPDATE sources SET state = ?, disabled_reason = ? WHERE id = ?', [
        state,
        reason ?? null,
        id,
      ])) > 0
    );
  }

  async updateSourceSettings(id: string, settings: SourceSettings) {
    const sets: string[] = [];
    const params: (string | number)[] = [];
    const set = (column: string, value: string | number): void => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (settings.title !== undefined) set('title', settings.title);
    if (settings.intervalSeconds !== undefined) set('interval_seconds', settings.intervalSeconds);
    if (settings.fullText !== undefined) set('full_text', settings.fullText);
    if (sets.length === 0) return (await this.getSource(id)) !== undefined;
    return (
      (await this.sql.run(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`, [...params, id])) >
      0
    );
  }

  async claimDueSources(owner: string, now: string, leaseMs: number, limit: number, dueBy = now) {
    const rows = await this.sql.all(
      `UPDATE sources SET lease_until = ?, leased_by = ?
        WHERE id IN (SELECT id FROM sources
                      WHERE state = 'active' AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                      ORDER BY next_poll_at, id LIMIT ?${this.sql.skipLocked})
          AND (lease_until IS NULL OR lease_until < ?)
        RETURNING *`,
      [leaseEnd(now, leaseMs), owner, dueBy, now, limit, now],
    );
    return rows
      .map(toSource)
      .sort((a, b) => a.nextPollAt.localeCompare(b.nextPollAt) || a.id.localeCompare(b.id));
  }

  async claimSource(id: string, owner: string, now: string, leaseMs: number) {
    const rows = await this.sql.all(
      `UPDATE sources SET lease_until = ?, leased_by = ?
        WHERE id = ? AND state = 'active' AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until < ?)
        RETURNING *`,
      [leaseEnd(now, leaseMs), owner, id, now, now],
    );
    return rows[0] ? toSource(rows[0]) : undefined;
  }

  async recordPoll(id: string, owner: string, poll: PollRecord) {
    const replace = poll.replaceValidators ?? (poll.succeeded && !poll.notModified);
    const changed = await this.sql.run(
      `UPDATE sources SET
         last_fetch_at = ?, last_status = ?, last_error = ?,
         last_success_at = CASE WHEN ? = 1 THEN ? ELSE last_success_at END,
         etag = CASE WHEN ? = 1 THEN ? ELSE etag END,
         last_modified = CASE WHEN ? = 1 THEN ? ELSE last_modified END,
         format = coalesce(?, format), title = coalesce(title, ?),
         items_total = items_total + ?, polls = polls + 1, not_modified = not_modified + ?,
         interval_seconds = ?, items_per_day = ?, consecutive_failures = ?, next_poll_at = ?,
         state = CASE WHEN CAST(? AS text) IS NULL THEN state ELSE 'disabled' END,
         disabled_reason = coalesce(CAST(? AS text), disabled_reason),
         lease_until = NULL, leased_by = NULL
       WHERE id = ? AND leased_by = ?`,
      [
        poll.fetchedAt,
        poll.status ?? null,
        poll.error ?? null,
        poll.succeeded ? 1 : 0,
        poll.fetchedAt,
        // A 304 keeps the validators it answered; a 200 replaces them, even with none.
        replace ? 1 : 0,
        poll.etag ?? null,
        replace ? 1 : 0,
        poll.lastModified ?? null,
        poll.format ?? null,
        poll.title ?? null,
        poll.newItems,
        poll.notModified ? 1 : 0,
        poll.intervalSeconds,
        poll.itemsPerDay,
        poll.consecutiveFailures,
        poll.nextPollAt,
        poll.disable ?? null,
        poll.disable ?? null,
        id,
        owner,
      ],
    );
    return changed > 0;
  }

  async listDueSources(now: string, limit: number) {
    const rows = await this.sql.all(
      `SELECT * FROM sources WHERE state = 'active' AND next_poll_at <= ?
         AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_poll_at, id LIMIT ?`,
      [now, now, limit],
    );
    return rows.map(toSource);
  }

  async nextDueAt() {
    const rows = await this.sql.all(
      "SELECT min(next_poll_at) AS due FROM sources WHERE state = 'active'",
    );
    return rows[0] ? text(rows[0], 'due') : undefined;
  }
}
