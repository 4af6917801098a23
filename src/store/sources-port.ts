/**
 * Live sources (feeds and pages sitrep polls) in the store: one port, implemented once in SQL that
 * both SQLite and PostgreSQL accept (sources-queries.ts), passed by both through one contract suite.
 */

/** `feed`: RSS/Atom/RDF/JSON Feed; `page`: an HTML page or section watched as one article. */
export type SourceKind = 'feed' | 'page';
/** Whether to fetch the linked article for items that carry only a summary. */
export type FullTextMode = 'auto' | 'always' | 'never';
export type SourceState = 'active' | 'paused' | 'disabled';

export const FULL_TEXT_MODES: readonly FullTextMode[] = ['auto', 'always', 'never'];

export interface SourceRecord {
  /** Stable and short: derived from the URL (the same URL always gets the same id). */
  readonly id: string;
  readonly url: string;
  readonly title?: string;
  readonly kind: SourceKind;
  /** The format last seen (rss, atom, rdf, jsonfeed, html). */
  readonly format?: string;
  /** Current poll interval, adapted to how busy the source is. */
  readonly intervalSeconds: number;
  readonly fullText: FullTextMode;
  readonly state: SourceState;
  /** Why the source was disabled (after too many failures, or by a refusal). */
  readonly disabledReason?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly lastFetchAt?: string;
  readonly lastSuccessAt?: string;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  /** New items per day, smoothed over recent polls. */
  readonly itemsPerDay: number;
  readonly itemsTotal: number;
  readonly polls: number;
  /** Polls answered 304 Not Modified. */
  readonly notModified: number;
  readonly createdAt: string;
}

export interface NewSource {
  readonly url: string;
  readonly title?: string;
  readonly kind?: SourceKind;
  readonly intervalSeconds?: number;
  readonly fullText?: FullTextMode;
}

/** What one poll learned; the poller decides, the store records. */
export interface PollRecord {
  readonly fetchedAt: string;
  readonly status?: number;
  readonly succeeded: boolean;
  readonly error?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly format?: string;
  readonly title?: string;
  readonly newItems: number;
  readonly notModified: boolean;
  /** Store etag/lastModified as given (absent ones cleared): any complete 200, even an unreadable one. */
  readonly replaceValidators?: boolean;
  readonly intervalSeconds: number;
  readonly itemsPerDay: number;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  /** Set to disable the source (too many failures, a refusal). */
  readonly disable?: string;
}

export interface SourceSettings {
  readonly title?: string;
  readonly intervalSeconds?: number;
  readonly fullText?: FullTextMode;
}

export interface SourcesPort {
  /** Adds by URL; a URL already present is returned as it is (added: false). */
  addSources(
    sources: readonly NewSource[],
    now: string,
  ): Promise<{ source: SourceRecord; added: boolean }[]>;
  /** By id, or by exact URL. */
  getSource(idOrUrl: string): Promise<SourceRecord | undefined>;
  listSources(options?: { state?: SourceState }): Promise<SourceRecord[]>;
  removeSource(id: string): Promise<boolean>;
  /** Pause, resume (clears failures and the disable reason, due at `now`) or disable. */
  setSourceState(id: string, state: SourceState, now: string, reason?: string): Promise<boolean>;
  updateSourceSettings(id: string, settings: SourceSettings): Promise<boolean>;
  /**
   * Leases up to `limit` active sources due at `now` for `leaseMs`: no other claimer (process or
   * worker) gets them until the lease ends or recordPoll releases it.
   */
  claimDueSources(
    owner: string,
    now: string,
    leaseMs: number,
    limit: number,
    /** Due by this instant (default `now`): a cycle passes its start. */
    dueBy?: string,
  ): Promise<SourceRecord[]>;
  /**
   * Leases one source if it is due and nobody holds it: a worker's poll-source job. A duplicate job
   * for a source another worker just polled finds it not due and skips it.
   */
  claimSource(
    id: string,
    owner: string,
    now: string,
    leaseMs: number,
  ): Promise<SourceRecord | undefined>;
  /** Records a poll and releases the lease; false when `owner` no longer held it. */
  recordPoll(id: string, owner: string, poll: PollRecord): Promise<boolean>;
  /** Active sources due at `now` and not leased, without claiming them (a scheduler's view). */
  listDueSources(now: string, limit: number): Promise<SourceRecord[]>;
  /** The earliest next poll among active sources, to sleep until then. */
  nextDueAt(): Promise<string | undefined>;
}
