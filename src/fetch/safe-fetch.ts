import { Agent, request, type Dispatcher } from 'undici';
import { createAddressPolicy, type AddressPolicy } from './address-policy.js';
import { decodeContent } from './decompress.js';
import { FetchError } from './fetch-error.js';
import { guardedConnector, type Resolver } from './guarded-connector.js';
import type { buildConnector } from 'undici';

export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 10;

export interface SafeFetcherOptions {
  /** CIDRs the operator allows despite the refusal rules (SITREP_FETCH_ALLOW). */
  readonly allow?: readonly string[];
  /** When set, nothing outside these CIDRs is fetched and no name but localhost is resolved. */
  readonly only?: readonly string[];
  readonly resolver?: Resolver;
  /** Opens sockets once the address passed; tests wrap it to count connection attempts. */
  readonly connect?: buildConnector.connector;
  /** Cap on the body after decompression. */
  readonly maxBytes?: number;
  /** Cap on the whole exchange, redirects and body included. */
  readonly timeoutMs?: number;
  readonly userAgent?: string;
}

export interface FetchRequest {
  readonly url: string;
  /** GET follows redirects; POST (webhooks) never does: a redirect is its answer. */
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface FetchedResponse {
  /** The URL that answered, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Decompressed body; empty for 304 and HEAD-like answers. */
  readonly body: Buffer;
  readonly redirects: number;
}

export interface SafeFetcher {
  fetch(request: FetchRequest): Promise<FetchedResponse>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const flatHeaders = (headers: Dispatcher.ResponseData['headers']): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

const checkScheme = (url: URL): void => {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(
      'REFUSED_SCHEME',
      `refused ${url.protocol} URL: only http and https are fetched`,
    );
};

const parseUrl = (text: string, base?: string): URL => {
  try {
    return new URL(text, base);
  } catch {
    throw new FetchError('BAD_REDIRECT', `not a URL: ${text}`);
  }
};

/** Reads at most `limit` bytes of a body; more aborts the read. */
const readCapped = async (
  body: Dispatcher.ResponseData['body'],
  limit: number,
): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.byteLength;
    if (size > limit) {
      body.destroy();
      throw new FetchError('TOO_LARGE', `body larger than ${limit} bytes`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
};

const describeNetworkError = (
  error: unknown,
  timeoutMs: number,
  signal: AbortSignal,
): FetchError => {
  if (error instanceof FetchError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof FetchError) return cause;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof DOMException && reason.name === 'TimeoutError')
      return new FetchError('TIMEOUT', `no complete answer within ${timeoutMs} ms`, {
        cause: error,
      });
    return new FetchError('NETWORK', 'fetch aborted', { cause: error });
  }
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? String(error);
  return new FetchError('NETWORK', code ? `${code}: ${message}` : message, { cause: error });
};

/**
 * The only way sitrep reaches the network: http/https only, every connection (redirects included)
 * checked after DNS resolution by the guarded connector, redirects followed by hand (at most 10,
 * each one re-checked), body capped after decompression, one clock over the whole exchange.
 */
export const createSafeFetcher = (options: SafeFetcherOptions = {}): SafeFetcher => {
  const policy: AddressPolicy = createAddressPolicy(options.allow ?? [], options.only);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? 'sitrep/0.1 (+https://github.com/sitrep; feed poller)';
  const agent = new Agent({
    connect: guardedConnector({
      policy,
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...(options.connect ? { base: options.connect } : {}),
      timeoutMs,
      noDns: options.only !== undefined,
    }),
    keepAliveTimeout: 4_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  const fetchOnce = async (req: FetchRequest): Promise<FetchedResponse> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let url = parseUrl(req.url);
    checkScheme(url);
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await request(url, {
          dispatcher: agent,
          method: req.method ?? 'GET',
          signal,
          ...(req.body !== undefined ? { body: req.body } : {}),
          headers: {
            'user-agent': userAgent,
            'accept-encoding': 'gzip, deflate, br',
            accept:
              'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
            ...req.headers,
          },
        });
        const headers = flatHeaders(response.headers);
        if (REDIRECTS.has(response.statusCode) && headers['location'] && req.method !== 'POST') {
          await response.body.dump();
          if (redirects >= MAX_REDIRECTS)
            throw new FetchError('TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
          url = parseUrl(headers['location'], url.toString());
          checkScheme(url);
          continue;
        }
        const raw = await readCapped(response.body, maxBytes);
        const body = decodeContent(raw, headers['content-encoding'], maxBytes);
        return { url: url.toString(), status: response.statusCode, headers, body, redirects };
      }
    } catch (error) {
      throw describeNetworkError(error, timeoutMs, signal);
    }
  };

  return {
    fetch: fetchOnce,
    close: () => agent.close(),
  };
};
