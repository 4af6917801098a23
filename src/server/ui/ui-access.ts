import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ArticleStore } from '../../store/port.js';
import { checkToken, type AuthOptions } from '../auth.js';

/** The UI's token lives in an HttpOnly cookie: scripts (even injected ones) cannot read it. */
export const TOKEN_COOKIE = 'sitrep_token';

export type Access = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Whether this request may read: open reads, or a cookie holding a token with the read scope. */
export const uiAccess = async (
  c: Context,
  store: ArticleStore,
  auth: AuthOptions,
): Promise<Access> => {
  if (auth.readsOpen) return { ok: true };
  const token = getCookie(c, TOKEN_COOKIE);
  if (!token)
    return {
      ok: false,
      message:
        'Enter an API token with the read scope (create one with `sitrep token create <name>`).',
    };
  const checked = await checkToken(store, token, 'read', new Date());
  if (checked.ok) return { ok: true };
  const sentence = checked.message.charAt(0).toUpperCase() + checked.message.slice(1);
  return { ok: false, message: `${sentence}.` };
};

export const rememberToken = (c: Context, token: string): void =>
  setCookie(c, TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: c.req.url.startsWith('https:'),
  });

/** Only same-site paths are followed after the token form (no open redirect). */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' &&
  next.startsWith('/') &&
  !next.startsWith('//') &&
  !next.startsWith('/\\')
    ? next
    : '/';
