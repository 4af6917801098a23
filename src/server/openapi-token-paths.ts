import { errorResponse, json, nullableString, ref } from './openapi-schemas.js';

/** OpenAPI paths and schemas of the admin scope: tokens (routes/token-routes.ts), backups (routes/admin-routes.ts). */
const ADMIN_ERRORS = {
  '400': errorResponse('invalid body: the message says which field and why'),
  '401': errorResponse(
    'no token, or the token is not valid: unknown, revoked, or expired (code TOKEN_EXPIRED, with the time)',
  ),
  '403': errorResponse('the token lacks the admin scope'),
  '500': errorResponse('server error (no details leaked)'),
};
const admin = { security: [{ bearer: ['admin'] }] };
const scopes = {
  type: 'array',
  items: { type: 'string', enum: ['read', 'write', 'admin'] },
};

export const TOKEN_SCHEMAS = {
  Token: {
    type: 'object',
    description: 'a token as listed: never the token itself or its hash',
    required: ['name', 'scopes', 'createdAt', 'expiresAt', 'expired'],
    properties: {
      name: { type: 'string' },
      scopes,
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { ...nullableString, description: 'null: never expires' },
      expired: { type: 'boolean' },
    },
  },
};

export const TOKEN_PATHS = {
  '/api/tokens': {
    get: {
      summary: 'list API tokens with their scopes and expiry (admin)',
      ...admin,
      responses: {
        '200': {
          description: 'the tokens by name',
          content: json({
            type: 'object',
            properties: { items: { type: 'array', items: ref('Token') } },
          }),
        },
        ...ADMIN_ERRORS,
      },
    },
    post: {
      summary:
        'create a token (admin); the plain token is in this response only. Scope levels include the ones below: read < write < admin',
      ...admin,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
            scope: { type: 'string', enum: ['read', 'write', 'admin'], default: 'write' },
            expires_in: { type: 'string', description: 'a duration: 90m, 12h, 30d, 8w' },
            expires_at: { type: 'string', format: 'date-time' },
          },
        }),
      },
      responses: {
        '201': {
          description: 'created',
          content: json({
            allOf: [
              ref('Token'),
              { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
            ],
          }),
        },
        ...ADMIN_ERRORS,
      },
    },
  },
  '/api/admin/backup': {
    post: {
      summary:
        'back up the served store (admin): SQLite online backup or pg_dump, sent as the body; restore with `sitrep restore FILE`',
      ...admin,
      responses: {
        '200': {
          description:
            'the backup file; X-Sitrep-Checksum / X-Sitrep-Stories-Checksum / X-Sitrep-Articles carry the store checksum, and for PostgreSQL X-Sitrep-Checksum-File is FILE.checksum.json in base64',
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        '501': errorResponse('the server was started without backups'),
        ...ADMIN_ERRORS,
      },
    },
  },
  '/api/tokens/{name}': {
    delete: {
      summary: 'revoke a token by name (admin); requests using it are refused at once',
      ...admin,
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'revoked',
          content: json({ type: 'object', properties: { revoked: { type: 'string' } } }),
        },
        '404': errorResponse('no token of that name'),
        ...ADMIN_ERRORS,
      },
    },
  },
};
