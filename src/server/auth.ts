import type { MiddlewareHandler } from 'hono';
import type { ApiTokenRecord, ArticleStore } from '../store/port.js';
import type { TokenScope } from './api-token.js';
import { hashToken } from './api-token.js';
import { HttpError } from './http-error.js';

export interface AuthOptions {
  /** When true, read endpoints need no token (the default when bound to a loopback address). */
  readonly readsOpen: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Why a presented token is refused: 401 (not valid now) or 403 (valid, lacks the scope). */
export type TokenRefusal = {
  readonly status: 401 | 403;
  readonly code: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' | 'FORBIDDEN';
  readonly message: string;
};

/**
 * Checks a presented token against the store for one scope, at `now`. Shared by the API (Bearer
 * header) and the UI (cookie) so both refuse an expired token the same way and say why.
 */
export const checkToken = async (
  store: ArticleStore,
  token: string | undefined,
  scope: TokenScope,
  now: Date,
): Promise<{ ok: true; record: ApiTokenRecord } | ({ ok: false } & TokenRefusal)> => {
  const record = token ? await store.findApiToken(hashToken(token)) : undefined;
  if (!record)
    return {
      ok: false,
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'the token is not valid (unknown or revoked)',
    };
  if (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime())
    return {
      ok: false,
      status: 401,
      code: 'TOKEN_EXPIRED',
      message: `token "${record.name}" expired at ${record.expiresAt}; create a new one with \`sitrep token create <name> --expires-in 30d\``,
    };
  if (!record.scopes.includes(scope))
    return {
      ok: false,
      status: 403,
      code: 'FORBIDDEN',
      message: `token "${record.name}" does not have the "${scope}" scope`,
    };
  return { ok: true, record };
};

/**
 * Guards an endpoint: 401 when no valid token is presented (unknown, revoked or expired, with the
 * reason), 403 when the token lacks the scope. Write and admin endpoints always need a token; read
 * endpoints only when reads are closed.
 */
export const requireScope =
  (
    store: ArticleStore,
    auth: AuthOptions,
    scope: TokenScope,
    now: () => Date = () => new Date(),
  ): MiddlewareHandler =>
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
    const checked = await checkToken(store, BEARER.exec(header)?.[1], scope, now());
    if (!checked.ok) {
      // RFC 6750: a refused token is "invalid_token" (401), a missing scope "insufficient_scope" (403).
      c.header(
        'WWW-Authenticate',
        checked.status === 401
          ? `Bearer realm="sitrep", error="invalid_token", error_description="${checked.code === 'TOKEN_EXPIRED' ? 'the token expired' : 'unknown or revoked token'}"`
          : `Bearer realm="sitrep", error="insufficient_scope", scope="${scope}"`,
      );
      throw new HttpError(checked.status, checked.code, checked.message);
    }
    await next();
  };
