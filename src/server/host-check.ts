import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

/** Host names a loopback-bound server answers to. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Open reads on localhost would let any web page read the archive through DNS rebinding (a
 * hostile name resolving to 127.0.0.1); refusing unknown Host headers closes that door.
 */
export const hostCheck =
  (allowed: readonly string[]): MiddlewareHandler =>
  async (c, next) => {
    // The Node adapter builds the request URL from the Host header, so this is the name asked for.
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.includes(host)) {
      throw new HttpError(403, 'FORBIDDEN', `requests for host "${host}" are not served here`);
    }
    await next();
  };
