/**
 * What a reader yields: one record of input, before any cleaning.
 * Readers never decide identity or store anything; they describe what they saw and where.
 */

/** The shape of the input a record came from, sniffed from content (extension is only a hint). */
export type InputFormat =
  'text' | 'html' | 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'opml' | 'warc' | 'jsonl';

/** Where a record came from, precise enough to find it again in the input. */
export interface Provenance {
  /** Path as given by the user (or "-" for stdin); for a record inside a directory, the file's path. */
  readonly path: string;
  /** 0-based index of the record inside a multi-record file (feed item, JSONL line, WARC record). */
  readonly recordIndex?: number;
  /** Byte offset of the record in the (decompressed) file, when the format makes it cheap to know. */
  readonly byteOffset?: number;
  /** URL of the record when the input names one (feed link, WARC target URI, JSONL url). */
  readonly url?: string;
}

/** The body of a raw item is either plain text or HTML; readers keep whichever the input had. */
export type RawBody =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'html'; readonly html: string };

export interface RawItem {
  readonly format: InputFormat;
  readonly provenance: Provenance;
  /** The record exactly as read (decoded to a string): a feed item's XML, a WARC payload, a JSONL line, a whole text file. */
  readonly raw: string;
  readonly body: RawBody;
  /** A stable identifier the source gives the item (RSS guid, Atom id, JSON Feed id, JSONL id, WARC-Record-ID is NOT one). */
  readonly externalId?: string;
  readonly url?: string;
  /** A title *candidate*: text dumps' first line, feed item title, HTML <title>. Cleaning decides. */
  readonly title?: string;
  /** ISO 8601 timestamp when the input states one. */
  readonly published?: string;
  readonly updated?: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  /** The outlet or feed: feed title, JSONL source, site host. */
  readonly source?: string;
  /** BCP 47 language tag when the input declares one. */
  readonly language?: string;
}

/** A subscription read from OPML (polling comes later; we store the list). */
export interface FeedSubscription {
  readonly xmlUrl: string;
  readonly title?: string;
  readonly htmlUrl?: string;
  readonly category?: string;
  readonly provenance: Provenance;
}

/** A record the reader could not turn into an item, with a reason a user can act on. */
export interface Rejection {
  readonly provenance: Provenance;
  readonly reason: string;
}

/** A record deliberately passed over (a WARC request record, a non-HTML response), counted by reason. */
export interface Skip {
  readonly provenance: Provenance;
  readonly reason: string;
}

/** Everything a reader can emit, in input order. */
export type ReaderEvent =
  | { readonly kind: 'item'; readonly item: RawItem }
  | { readonly kind: 'feed'; readonly feed: FeedSubscription }
  | { readonly kind: 'rejected'; readonly rejection: Rejection }
  | { readonly kind: 'skipped'; readonly skip: Skip };
