import { readFile } from 'node:fs/promises';
import { AppError } from '../core/errors.js';
import type { FeedSubscription } from '../core/raw-item.js';
import { readOpml } from '../ingest/read-opml.js';
import type { ArticleStore } from '../store/port.js';
import type { FullTextMode, SourceKind, SourceRecord } from '../store/sources-port.js';
import { sourcesOf } from './poll-cycle.js';

export interface AddOptions {
  readonly kind?: SourceKind;
  readonly intervalSeconds?: number;
  readonly fullText?: FullTextMode;
  readonly now?: Date;
}

export interface AddResult {
  readonly added: SourceRecord[];
  readonly existing: SourceRecord[];
  /** Entries that are not http(s) URLs, with the reason. */
  readonly invalid: { readonly entry: string; readonly reason: string }[];
}

/** An http(s) URL, normalised by the URL parser; a reason otherwise. */
export const checkSourceUrl = (text: string): { url: string } | { reason: string } => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { reason: `only http and https sources are polled (got ${url.protocol})` };
  if (url.username || url.password) return { reason: 'credentials in the URL are not kept' };
  url.hash = '';
  return { url: url.toString() };
};

const add = async (
  store: ArticleStore,
  entries: readonly { url: string; title?: string }[],
  options: AddOptions,
): Promise<AddResult> => {
  const result: AddResult = { added: [], existing: [], invalid: [] };
  const valid: { url: string; title?: string }[] = [];
  for (const entry of entries) {
    const checked = checkSourceUrl(entry.url);
    if ('reason' in checked) result.invalid.push({ entry: entry.url, reason: checked.reason });
    else valid.push({ ...entry, url: checked.url });
  }
  // One SQLite transaction for an OPML of thousands instead of one commit each.
  const batch =
    store.backend === 'sqlite' && store.inTransaction
      ? store.inTransaction
      : <T>(work: () => Promise<T>) => work();
  const saved = await batch(() =>
    sourcesOf(store).addSources(
      valid.map((entry) => ({
        url: entry.url,
        ...(entry.title ? { title: entry.title } : {}),
        ...(options.kind ? { kind: options.kind } : {}),
        ...(options.intervalSeconds ? { intervalSeconds: options.intervalSeconds } : {}),
        ...(options.fullText ? { fullText: options.fullText } : {}),
      })),
      (options.now ?? new Date()).toISOString(),
    ),
  );
  for (const { source, added } of saved) (added ? result.added : result.existing).push(source);
  return result;
};

export const addSourceUrls = (
  store: ArticleStore,
  urls: readonly string[],
  options: AddOptions = {},
) =>
  add(
    store,
    urls.map((url) => ({ url })),
    options,
  );

const fromFeeds = (feeds: readonly FeedSubscription[]) =>
  feeds.map((feed) => ({ url: feed.xmlUrl, ...(feed.title ? { title: feed.title } : {}) }));

/** Every feed of an OPML file becomes a source (those already present are left as they are). */
export const importOpmlFile = async (
  store: ArticleStore,
  path: string,
  options: AddOptions = {},
) => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new AppError('INPUT_NOT_FOUND', `${path}: cannot be read (${(cause as Error).message})`, {
      cause,
    });
  }
  const events = readOpml(path, bytes);
  const feeds = events.flatMap((event) => (event.kind === 'feed' ? [event.feed] : []));
  const rejected = events.find((event) => event.kind === 'rejected');
  if (feeds.length === 0 && rejected?.kind === 'rejected')
    throw new AppError('INVALID_ARGUMENT', `${path}: ${rejected.rejection.reason}`);
  return add(store, fromFeeds(feeds), options);
};

/** The OPML subscriptions `sitrep ingest` already stored become sources. */
export const importStoredFeeds = async (store: ArticleStore, options: AddOptions = {}) =>
  add(store, fromFeeds(await store.listFeeds()), options);

export const requireSource = async (
  store: ArticleStore,
  idOrUrl: string,
): Promise<SourceRecord> => {
  const source = await sourcesOf(store).getSource(idOrUrl);
  if (!source)
    throw new AppError('NOT_FOUND', `no source "${idOrUrl}" (see \`sitrep source list\`)`);
  return source;
};
