import type { MiddlewareHandler } from 'hono';
import type { ArticleStore } from '../store/port.js';
import type { TokenScope } from './api-token.js';
import { hashToken } from './api-token.js';
import { HttpError } from './http-error.js';

export interface AuthOptions {
  /** When true, read endpoints need no token (the default when bound to a loopback address). */
  readonly readsOpen: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Guards an endpoint: 401 when no valid token is presented, 403 when the token lacks the scope.
 * Write endpoints always need a token; read endpoints only when reads are closed.
 */
export const requireScope =
  (store: ArticleStore, auth: AuthOptions, scope: TokenScope): MiddlewareHandler =>
  async (c, next) => {
    if (scope === 'read' && auth.readsOpen) return next();
    const header = c.req.header('authorization');
    if (!header) {
      c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        'this endpoint needs "Authorization: Bearer <token>" (create one with `sitrep token create <name>`)',
      );
    }
    const token = BEARER.exec(header)?.[1];
    const record = token ? await store.findApiToken(hashToken(token)) : undefined;
    if (!record) {
      c.header('WWW-Authenticate', 'Bearer realm="sitrep", error="invalid_token"');
      throw new HttpError(401, 'UNAUTHORIZED', 'the token is not valid (unknown or revoked)');
    }
    if (!record.scopes.includes(scope)) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `token "${record.name}" does not have the "${scope}" scope`,
      );
    }
    await next();
  };
