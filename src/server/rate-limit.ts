import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

/**
 * Per-client and per-token rate limits weighted by what a request costs, so one client cannot
 * take the server from everyone else. Token buckets: each key holds up to `burst` units and earns
 * `perSecond` back; a request spends its cost or gets a 429 with Retry-After.
 */
export interface BucketLimit {
  readonly burst: number;
  readonly perSecond: number;
}

export interface RateLimitOptions {
  /** Per client address (unauthenticated and authenticated alike). */
  readonly perClient: BucketLimit;
  /** Per bearer token, on top of the client's bucket. */
  readonly perToken: BucketLimit;
  /** Loopback clients (the analyst's own browser, local scripts and benches) are not limited. */
  readonly exemptLoopback: boolean;
  /** The client's address; defaults to the socket's remote address. */
  readonly clientAddress?: (c: Context) => string;
  readonly now?: () => number;
}

/** Defaults: a client sustains about 10 plain reads or 3 searches a second, with bursts of 30 searches. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perClient: { burst: 120, perSecond: 12 },
  perToken: { burst: 600, perSecond: 60 },
  exemptLoopback: true,
};

/**
 * What a request costs in units. Search with facets reads hundreds of rows per hit page; an
 * ingest runs the whole pipeline; an article or entity read is one lookup.
 */
export const requestCost = (method: string, path: string): number => {
  if (path === '/healthz') return 0;
  if (path.startsWith('/assets/') || path === '/favicon.ico') return 0;
  if (method === 'POST' && path === '/api/ingest') return 20;
  if (path === '/api/search' || path === '/search') return 4;
  if (path.startsWith('/api/stories') || path.startsWith('/api/entities')) return 2;
  return 1;
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

interface Bucket {
  units: number;
  at: number;
}

/** Buckets for many keys; full buckets are dropped so idle clients cost no memory. */
class Buckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: BucketLimit) {}

  /** Spends `cost` units, or returns the seconds until they would be there. */
  take(key: string, cost: number, now: number): number | undefined {
    const bucket = this.buckets.get(key) ?? { units: this.limit.burst, at: now };
    const units = Math.min(
      this.limit.burst,
      bucket.units + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    if (units < cost) {
      this.buckets.set(key, { units, at: now });
      return Math.ceil((cost - units) / this.limit.perSecond);
    }
    this.buckets.set(key, { units: units - cost, at: now });
    if (this.buckets.size > 100_000) this.sweep(now);
    return undefined;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.units + ((now - bucket.at) / 1000) * this.limit.perSecond;
      if (refilled >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

const socketAddress = (c: Context): string => {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
};

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export const rateLimit = (options: RateLimitOptions = DEFAULT_RATE_LIMITS): MiddlewareHandler => {
  const clients = new Buckets(options.perClient);
  const tokens = new Buckets(options.perToken);
  const now = options.now ?? (() => Date.now());
  const addressOf = options.clientAddress ?? socketAddress;
  return async (c, next) => {
    const cost = requestCost(c.req.method, c.req.path);
    const address = addressOf(c);
    if (cost === 0 || (options.exemptLoopback && LOOPBACK.test(address))) return next();
    const at = now();
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    // Keyed by a hash: raw tokens are never kept in memory longer than the request.
    const wait =
      clients.take(address, cost, at) ??
      (token ? tokens.take(createHash('sha256').update(token).digest('hex'), cost, at) : undefined);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `too many requests from this ${token ? 'token' : 'client'}: retry in ${wait} s (searches cost ${requestCost('GET', '/api/search')} units, reads 1; ${options.perClient.perSecond} units a second per client)`,
      );
    }
    await next();
  };
};
