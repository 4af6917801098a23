import type { RawItem, ReaderEvent } from '../core/raw-item.js';
import { FetchError, isRefusal } from '../fetch/fetch-error.js';
import type { FetchedResponse, SafeFetcher } from '../fetch/safe-fetch.js';
import { charsetOf } from '../ingest/http-payload.js';
import { decodeHtml, htmlItem } from '../ingest/read-html.js';
import { readFileBytes } from '../ingest/read-file.js';
import type { ArticleEnricher } from '../pipeline/enricher.js';
import { ingestEvents, type IngestSummary } from '../pipeline/ingest.js';
import type { ArticleStore } from '../store/port.js';
import type { PollRecord, SourceRecord } from '../store/sources-port.js';
import { withFullText, wantsFullText } from './full-text.js';
import type { HostGate } from './host-gate.js';
import {
  backoffSeconds,
  nextInterval,
  parseRetryAfter,
  smoothedItemsPerDay,
  type PollPolicy,
} from './poll-policy.js';
import { applyTransportCharset } from './transport-charset.js';

export interface PollDependencies {
  readonly store: ArticleStore;
  readonly fetcher: SafeFetcher;
  readonly gate: HostGate;
  readonly policy: PollPolicy;
  readonly enricher?: ArticleEnricher;
  readonly now?: () => Date;
  readonly random?: () => number;
  /**
   * Runs store writes one at a time in this process: fetches overlap, but two ingests on one SQLite
   * connection must not interleave inside each other's transaction (and ingest is CPU-bound anyway).
   */
  readonly exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface PollOutcome {
  readonly source: SourceRecord;
  readonly record: PollRecord;
  /** The ingest summary when the poll brought a document to read. */
  readonly ingest?: IngestSummary;
  readonly fullText: { fetched: number; fellBack: number };
  readonly ms: number;
}

/** Items per ingest batch: small, so one big feed holds the event loop for a short while only. */
const INGEST_BATCH = 25;

const addSeconds = (date: Date, seconds: number): string =>
  new Date(date.getTime() + seconds * 1000).toISOString();

const nameHint = (url: string, contentType: string | undefined): string => {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'feed.json';
  if (type.includes('html')) return 'page.html';
  if (type.includes('xml') || type.includes('rss') || type.includes('atom')) return 'feed.xml';
  try {
    return new URL(url).pathname || 'feed';
  } catch {
    return 'feed';
  }
};

const statusError = (response: FetchedResponse): string =>
  `HTTP ${response.status} from ${response.url}`;

/** The document's reader events: a feed's items, or a watched page as one article. */
const readDocument = (source: SourceRecord, response: FetchedResponse): ReaderEvent[] => {
  const contentType = response.headers['content-type'];
  const bytes = applyTransportCharset(response.body, contentType);
  if (source.kind === 'page') {
    const html = decodeHtml(bytes, charsetOf(contentType));
    return [
      {
        kind: 'item',
        item: htmlItem({ path: source.url, url: response.url }, html, { url: response.url }),
      },
    ];
  }
  return readFileBytes(source.url, bytes, nameHint(response.url, contentType));
};

const formatOf = (events: readonly ReaderEvent[]): string | undefined => {
  for (const event of events) if (event.kind === 'item') return event.item.format;
  return undefined;
};

const titleOf = (events: readonly ReaderEvent[]): string | undefined => {
  for (const event of events)
    if (event.kind === 'item' && event.item.source) return event.item.source;
  return undefined;
};

/**
 * One poll of one (leased) source: a conditional GET through the safe fetcher under the host gate,
 * the document through the ordinary ingest path (identity, revisions, cleaning, enrichment,
 * syndication, stories), and what to record: validators, next poll, failures, disabling.
 */
export const pollSource = async (
  source: SourceRecord,
  deps: PollDependencies,
): Promise<PollOutcome> => {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const fetchedAt = started.toISOString();
  const fullText = { fetched: 0, fellBack: 0 };
  const headers: Record<string, string> = {};
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;

  const failure = (
    error: string,
    options: {
      status?: number;
      retryAfter?: number;
      disable?: string;
      validators?: { etag?: string; lastModified?: string };
    } = {},
  ): PollOutcome => {
    const failures = source.consecutiveFailures + 1;
    // Waits count from the answer (a Retry-After is relative to it), not from the request.
    const answered = now();
    const wait = Math.max(
      backoffSeconds(failures, deps.policy, deps.random),
      options.retryAfter ?? 0,
    );
    const disable =
      options.disable ??
      (failures >= deps.policy.maxFailures
        ? `disabled after ${failures} failures in a row: ${error}`
        : undefined);
    return {
      source,
      fullText,
      ms: now().getTime() - started.getTime(),
      record: {
        fetchedAt,
        ...(options.status !== undefined ? { status: options.status } : {}),
        succeeded: false,
        error,
        newItems: 0,
        notModified: false,
        intervalSeconds: source.intervalSeconds,
        itemsPerDay: source.itemsPerDay,
        consecutiveFailures: failures,
        nextPollAt: addSeconds(answered, wait),
        ...(disable ? { disable } : {}),
        ...(options.validators ? { replaceValidators: true, ...options.validators } : {}),
      },
    };
  };

  let response: FetchedResponse;
  try {
    response = await deps.gate.run(source.url, () =>
      deps.fetcher.fetch({ url: source.url, headers }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A refusal is the operator's rule, not an outage: retrying cannot help until they change it.
    return failure(message, isRefusal(error) ? { disable: `refused: ${message}` } : {});
  }

  if (response.status === 429 || response.status === 503) {
    const retryAfter = parseRetryAfter(response.headers['retry-after'], now());
    return failure(
      `${statusError(response)}${retryAfter !== undefined ? ` (Retry-After ${retryAfter} s)` : ''}`,
      {
        status: response.status,
        ...(retryAfter !== undefined
          ? { retryAfter: Math.min(retryAfter, deps.policy.retryAfterMaxSeconds) }
          : {}),
      },
    );
  }
  if (response.status === 410)
    return failure(statusError(response), {
      status: 410,
      disable: `gone: ${statusError(response)}`,
    });
  if (response.status !== 200 && response.status !== 304)
    return failure(statusError(response), { status: response.status });

  const secondsSince = source.lastSuccessAt
    ? (started.getTime() - Date.parse(source.lastSuccessAt)) / 1000
    : undefined;
  const succeeded = (
    newItems: number,
    extra: Partial<PollRecord> & { ingest?: IngestSummary },
  ): PollOutcome => {
    const interval = nextInterval(source.intervalSeconds, newItems, deps.policy);
    const { ingest, ...record } = extra;
    return {
      source,
      fullText,
      ms: now().getTime() - started.getTime(),
      ...(ingest ? { ingest } : {}),
      record: {
        fetchedAt,
        status: response.status,
        succeeded: true,
        newItems,
        notModified: response.status === 304,
        intervalSeconds: interval,
        itemsPerDay: smoothedItemsPerDay(source.itemsPerDay, newItems, secondsSince),
        consecutiveFailures: 0,
        nextPollAt: addSeconds(started, interval),
        ...record,
      },
    };
  };
  // 304: nothing to read, nothing to store.
  if (response.status === 304) return succeeded(0, {});

  let events: ReaderEvent[];
  try {
    events = readDocument(source, response);
  } catch (error) {
    return failure(`cannot read ${response.url}: ${(error as Error).message}`, {
      status: response.status,
    });
  }
  const items = events.filter((event) => event.kind === 'item').length;
  const rejected = events.find((event) => event.kind === 'rejected');
  if (items === 0 && rejected?.kind === 'rejected')
    // The validators are kept: an unchanged broken document is answered by a free 304 next time.
    return failure(`not a feed: ${rejected.rejection.reason}`, {
      status: response.status,
      validators: {
        ...(response.headers['etag'] ? { etag: response.headers['etag'] } : {}),
        ...(response.headers['last-modified']
          ? { lastModified: response.headers['last-modified'] }
          : {}),
      },
    });

  const expanded: ReaderEvent[] = [];
  for (const event of events) {
    if (event.kind !== 'item' || !wantsFullText(event.item, source.fullText)) {
      expanded.push(event);
      continue;
    }
    const outcome = await withFullText(event.item, async (url) => {
      const page = await deps.gate.run(url, () => deps.fetcher.fetch({ url }));
      if (page.status !== 200) throw new FetchError('NETWORK', `HTTP ${page.status}`);
      return {
        body: page.body,
        ...(page.headers['content-type'] ? { contentType: page.headers['content-type'] } : {}),
      };
    });
    if (outcome.fallback) fullText.fellBack++;
    else fullText.fetched++;
    expanded.push({ kind: 'item', item: outcome.item as RawItem });
  }

  const exclusive = deps.exclusive ?? (<T>(work: () => Promise<T>) => work());
  const ingest = await exclusive(() =>
    ingestEvents(
      (async function* () {
        for (const event of expanded) {
          yield event;
          // Back to the event loop between items: other polls' sockets and timers must not wait
          // for a whole feed's enrichment (their fetch clock would run out while we compute).
          await new Promise((resolve) => setImmediate(resolve));
        }
      })(),
      deps.store,
      { batchSize: INGEST_BATCH, ...(deps.enricher ? { enricher: deps.enricher } : {}) },
    ),
  );
  const format = formatOf(events);
  const title = titleOf(events);
  return succeeded(ingest.added, {
    ingest,
    ...(response.headers['etag'] ? { etag: response.headers['etag'] } : {}),
    ...(response.headers['last-modified']
      ? { lastModified: response.headers['last-modified'] }
      : {}),
    ...(format ? { format } : {}),
    ...(title ? { title } : {}),
  });
};
