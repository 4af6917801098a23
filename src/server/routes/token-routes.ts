import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ArticleStore } from '../../store/port.js';
import { ALL_SCOPES, expiryAfter } from '../api-token.js';
import { HttpError } from '../http-error.js';
import { jsonBody } from './json-body.js';
import { createApiToken, TOKEN_NAME, tokenListing } from '../token-admin.js';
import { validate } from '../validate.js';

const CreateTokenSchema = z
  .object({
    name: z.string().regex(TOKEN_NAME, 'letters, digits, ".", "_" or "-", at most 64'),
    scope: z.enum(ALL_SCOPES as unknown as ['read', 'write', 'admin']).optional(),
    expires_in: z.string().max(16).optional(),
    expires_at: z.string().max(40).optional(),
  })
  .strict();

/** Token management for admin tokens: list, create (the plain token is in the 201 once), revoke. */
export const addTokenRoutes = (
  app: Hono,
  admin: MiddlewareHandler,
  store: ArticleStore,
  now: () => Date,
): void => {
  app.get('/api/tokens', admin, async (c) => {
    const at = now();
    return c.json({ items: (await store.listApiTokens()).map((t) => tokenListing(t, at)) });
  });

  app.post('/api/tokens', admin, async (c) => {
    const input = validate(CreateTokenSchema, await jsonBody(c), 'body');
    const at = now();
    if (input.expires_in !== undefined && input.expires_at !== undefined)
      throw new HttpError(400, 'INVALID_ARGUMENT', 'give expires_in or expires_at, not both');
    let expiresAt = input.expires_at;
    if (input.expires_in !== undefined) {
      expiresAt = expiryAfter(input.expires_in, at);
      if (expiresAt === undefined)
        throw new HttpError(
          400,
          'INVALID_ARGUMENT',
          `expires_in "${input.expires_in}" is not a duration such as 90m, 12h, 30d or 8w`,
        );
    }
    const created = await createApiToken(
      store,
      { name: input.name, level: input.scope ?? 'write', ...(expiresAt ? { expiresAt } : {}) },
      at,
    );
    if (!created.ok) throw new HttpError(400, 'INVALID_ARGUMENT', created.reason);
    return c.json({ ...created.listing, token: created.token }, 201);
  });

  app.delete('/api/tokens/:name', admin, async (c) => {
    const name = c.req.param('name');
    if (!(await store.revokeApiToken(name)))
      throw new HttpError(404, 'NOT_FOUND', `no token named "${name}"`);
    return c.json({ revoked: name });
  });
};
