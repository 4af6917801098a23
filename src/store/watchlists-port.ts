/**
 * Watchlists (saved queries plus enrichment conditions), the alerts they raise and the deliveries of
 * those alerts, in the store: one port, one SQL implementation for both backends (watchlists-queries.ts).
 */

export type WatchlistState = 'active' | 'paused';

/** Conditions on an article's enrichment, all of which must hold beside the query. */
export interface WatchConditions {
  /** Entity ids (or exact names) the article must mention, all of them. */
  readonly entities?: readonly string[];
  /** A relation such as `supplies`, optionally with its object (entity id or name). */
  readonly relation?: { readonly predicate: string; readonly object?: string };
  /** A figure of this kind (or any kind) with a value above the threshold. */
  readonly figureAbove?: { readonly kind?: string; readonly unit?: string; readonly value: number };
  /** A claim of the new article conflicts with an earlier independent claim about this entity. */
  readonly conflictAbout?: WatchedNode;
  /** The new article is the first evidence of a dependency edge touching this node. */
  readonly newEdgeFor?: WatchedNode;
}

/** What a ledger condition watches: the KB id when the name resolved, and the name as given. */
export interface WatchedNode {
  readonly id?: string;
  readonly name: string;
}

export interface WebhookChannel {
  readonly url: string;
  /** HMAC-SHA256 key for the X-Sitrep-Signature header. */
  readonly secret: string;
}

export interface DeliveryChannels {
  readonly webhook?: WebhookChannel;
  readonly email?: { readonly to: readonly string[] };
}

export interface WatchlistRecord {
  readonly id: string;
  readonly name: string;
  readonly query: string;
  readonly conditions: WatchConditions;
  /** Alert only once the story holds at least this many articles (1: every match). */
  readonly minArticles: number;
  readonly state: WatchlistState;
  readonly channels: DeliveryChannels;
  /** Secret in the Atom feed URL, so a feed reader can follow it without a bearer token. */
  readonly feedToken: string;
  /** Articles stored after this position are evaluated; older ones only by `test`. */
  readonly startSeq: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewWatchlist {
  readonly id: string;
  readonly name: string;
  readonly query: string;
  readonly conditions: WatchConditions;
  readonly minArticles: number;
  readonly channels: DeliveryChannels;
  readonly feedToken: string;
  readonly startSeq: number;
  readonly now: string;
}

export interface WatchlistPatch {
  readonly name?: string;
  readonly query?: string;
  readonly conditions?: WatchConditions;
  readonly minArticles?: number;
  readonly state?: WatchlistState;
  readonly channels?: DeliveryChannels;
}

export interface AlertRecord {
  readonly id: string;
  readonly watchlistId: string;
  readonly articleId: string;
  /** The syndication group (canonical article id): one alert per group and watchlist. */
  readonly groupKey: string;
  readonly storyId?: string;
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly published?: string;
  /** Entities of the article that the watchlist asked for, or the article's top entities. */
  readonly entities: readonly string[];
  /** Why it fired, when a ledger condition raised it: the conflict's sides or the edge's evidence. */
  readonly why?: readonly string[];
  readonly createdAt: string;
  readonly readAt?: string;
}

export type NewAlert = Omit<AlertRecord, 'readAt'>;

export type DeliveryChannel = 'webhook' | 'email';
export type DeliveryState = 'pending' | 'sent' | 'dead';

export interface DeliveryRecord {
  readonly id: string;
  readonly alertId: string;
  readonly watchlistId: string;
  readonly channel: DeliveryChannel;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly lastStatus?: number;
  readonly sentAt?: string;
  readonly createdAt: string;
}

export interface AlertListOptions {
  readonly watchlistId?: string;
  readonly unreadOnly?: boolean;
  /** Only alerts created at or after this instant. */
  readonly since?: string;
  readonly limit: number;
  /** Alerts created before this alert (newest first paging). */
  readonly before?: string;
}

export interface StoredArticleRef {
  readonly seq: number;
  readonly id: string;
}

export interface WatchlistsPort {
  saveWatchlist(watchlist: NewWatchlist): Promise<WatchlistRecord>;
  /** By id or by name. */
  getWatchlist(idOrName: string): Promise<WatchlistRecord | undefined>;
  listWatchlists(): Promise<WatchlistRecord[]>;
  updateWatchlist(
    id: string,
    patch: WatchlistPatch,
    now: string,
  ): Promise<WatchlistRecord | undefined>;
  /** Removes the watchlist with its alerts and deliveries. */
  removeWatchlist(id: string): Promise<boolean>;

  /** Articles stored after `seq`, in storage order: what incremental evaluation reads. */
  articlesAfter(seq: number, limit: number): Promise<StoredArticleRef[]>;
  latestArticleSeq(): Promise<number>;
  /** Storage positions of these articles (absent ids are left out): "earlier" for ledger conditions. */
  seqsOf(articleIds: readonly string[]): Promise<Map<string, number>>;
  /** Named positions of evaluators (e.g. "watchlists"). */
  getCursor(name: string): Promise<number | undefined>;
  /** Moves a cursor forward only (a slower evaluator never moves it back). */
  advanceCursor(name: string, seq: number): Promise<void>;

  /** Inserts alerts; those whose (watchlist, group) already alerted are skipped. Returns the new ones. */
  addAlerts(alerts: readonly NewAlert[]): Promise<AlertRecord[]>;
  listAlerts(options: AlertListOptions): Promise<AlertRecord[]>;
  getAlert(id: string): Promise<AlertRecord | undefined>;
  /** Marks alerts read (given ids, or all of a watchlist); returns how many changed. */
  markAlertsRead(
    options: { ids?: readonly string[]; watchlistId?: string },
    now: string,
  ): Promise<number>;
  /** Unread alerts per watchlist id (watchlists without any are absent). */
  countUnread(): Promise<Record<string, number>>;

  addDeliveries(
    deliveries: readonly Pick<
      DeliveryRecord,
      'id' | 'alertId' | 'watchlistId' | 'channel' | 'createdAt'
    >[],
  ): Promise<void>;
  /** Leases pending deliveries due at `now`. */
  claimDueDeliveries(
    owner: string,
    now: string,
    leaseMs: number,
    limit: number,
  ): Promise<DeliveryRecord[]>;
  recordDelivery(
    id: string,
    outcome: {
      state: DeliveryState;
      attempts: number;
      nextAttemptAt: string;
      lastError?: string;
      lastStatus?: number;
      sentAt?: string;
    },
  ): Promise<void>;
  listDeliveries(options: { watchlistId?: string; limit: number }): Promise<DeliveryRecord[]>;
}
