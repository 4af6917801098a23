import type { ApiTokenRecord, ArticleStore } from '../store/port.js';
import { generateToken, hashToken, scopesUpTo, type TokenScope } from './api-token.js';

/** Token names are what a token is revoked by; kept to a shell- and URL-safe alphabet. */
export const TOKEN_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** A token as listed (CLI `token list`, GET /api/tokens): never the token or its hash. */
export interface TokenListing {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly expired: boolean;
}

export const tokenListing = (record: ApiTokenRecord, now: Date): TokenListing => ({
  name: record.name,
  scopes: record.scopes,
  createdAt: record.createdAt,
  expiresAt: record.expiresAt ?? null,
  expired: record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime(),
});

export type CreatedToken =
  | { readonly ok: true; readonly token: string; readonly listing: TokenListing }
  | { readonly ok: false; readonly reason: string };

/**
 * Makes a token at a scope level (read < write < admin, each including the ones below) with an
 * optional expiry, stores its sha256 and returns the plain token, which is shown once. Shared by
 * `sitrep token create` and POST /api/tokens so both refuse the same names and past expiries.
 */
export const createApiToken = async (
  store: ArticleStore,
  request: { name: string; level: TokenScope; expiresAt?: string },
  now: Date,
): Promise<CreatedToken> => {
  if (!TOKEN_NAME.test(request.name))
    return { ok: false, reason: 'the name must be 1-64 letters, digits, ".", "_" or "-"' };
  if (request.expiresAt !== undefined) {
    const at = Date.parse(request.expiresAt);
    if (Number.isNaN(at)) return { ok: false, reason: `"${request.expiresAt}" is not a time` };
    if (at <= now.getTime())
      return { ok: false, reason: `the expiry ${request.expiresAt} is not in the future` };
  }
  const existing = await store.listApiTokens();
  if (existing.some((t) => t.name === request.name))
    return { ok: false, reason: `a token named "${request.name}" exists; revoke it first` };
  const token = generateToken();
  const record: ApiTokenRecord = {
    name: request.name,
    tokenHash: hashToken(token),
    scopes: scopesUpTo(request.level),
    createdAt: now.toISOString(),
    ...(request.expiresAt !== undefined
      ? { expiresAt: new Date(request.expiresAt).toISOString() }
      : {}),
  };
  await store.saveApiToken(record);
  return { ok: true, token, listing: tokenListing(record, now) };
};
