import { errorResponse, json, nullableString, READ_ERRORS, ref } from './openapi-schemas.js';

/** OpenAPI paths and schemas of live sources, watchlists and alerts (routes/source-, watchlist-, alert-routes.ts). */
const WRITE_ERRORS = {
  '400': errorResponse('invalid body or parameter'),
  '401': errorResponse('a token is needed or the token is not valid'),
  '403': errorResponse('the token lacks the write scope'),
  '500': errorResponse('server error (no details leaked)'),
};
const NOT_FOUND = { '404': errorResponse('no such source, watchlist or alert') };
const secured = { security: [{ bearer: [] }] };
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'id (or name / URL)',
};
const ok = (description: string, schema: unknown) => ({ description, content: json(schema) });
const body = (schema: unknown) => ({ required: true, content: json(schema) });
const str = { type: 'string' };
const int = { type: 'integer' };

const sourceSettings = {
  kind: { type: 'string', enum: ['feed', 'page'] },
  interval_seconds: { type: 'integer', minimum: 30 },
  full_text: { type: 'string', enum: ['auto', 'always', 'never'] },
};

const watchlistInput = {
  name: { type: 'string', description: 'no spaces or slashes' },
  query: { type: 'string', description: 'the search language (src/search/query-language.md)' },
  entities: {
    type: 'array',
    items: str,
    description: 'entity ids or names the article must mention',
  },
  relation: {
    type: 'object',
    required: ['predicate'],
    properties: { predicate: str, object: str },
  },
  figure_above: {
    type: 'object',
    required: ['value'],
    properties: { value: { type: 'number' }, kind: str, unit: str },
  },
  min_articles: { type: 'integer', minimum: 1 },
  webhook: {
    type: 'object',
    required: ['url'],
    properties: { url: str, secret: { type: 'string', minLength: 16 } },
  },
  email: { type: 'array', items: str },
  conflict_about: {
    type: 'string',
    description:
      'new conflicting claim about this entity (id or name): a claim of a new article conflicts with an earlier, independent claim',
  },
  new_edge_for: {
    type: 'string',
    description:
      'new dependency edge for this country, system or supplier (id or name): first evidence of a graph edge touching it',
  },
};

export const LIVE_SCHEMAS = {
  Source: {
    type: 'object',
    required: [
      'id',
      'url',
      'kind',
      'state',
      'full_text',
      'interval_seconds',
      'consecutive_failures',
      'items_per_day',
    ],
    properties: {
      id: str,
      url: str,
      title: nullableString,
      kind: sourceSettings.kind,
      format: nullableString,
      state: { type: 'string', enum: ['active', 'paused', 'disabled'] },
      disabled_reason: nullableString,
      full_text: sourceSettings.full_text,
      interval_seconds: int,
      etag: nullableString,
      last_modified: nullableString,
      last_fetch_at: nullableString,
      last_success_at: nullableString,
      last_status: { type: ['integer', 'null'] },
      last_error: nullableString,
      consecutive_failures: int,
      next_poll_at: str,
      items_per_day: { type: 'number' },
      items_total: int,
      polls: int,
      not_modified: int,
      created_at: str,
    },
  },
  SourcesAdded: {
    type: 'object',
    required: ['added', 'existing', 'invalid'],
    properties: {
      added: { type: 'array', items: ref('Source') },
      existing: { type: 'array', items: ref('Source') },
      invalid: {
        type: 'array',
        items: { type: 'object', properties: { entry: str, reason: str } },
      },
    },
  },
  Watchlist: {
    type: 'object',
    required: ['id', 'name', 'query', 'state', 'unread', 'atom_path'],
    properties: {
      id: str,
      name: str,
      query: str,
      conditions: { type: 'object' },
      min_articles: int,
      state: { type: 'string', enum: ['active', 'paused'] },
      unread: int,
      channels: { type: 'object' },
      atom_path: { type: 'string', description: 'add ?token=<feed_token> for feed readers' },
      feed_token: { type: 'string', description: 'only in the answer that created the watchlist' },
      created_at: str,
      updated_at: str,
    },
  },
  Alert: {
    type: 'object',
    required: ['id', 'watchlist_id', 'article_id', 'entities', 'created_at', 'read_at'],
    properties: {
      id: str,
      watchlist_id: str,
      article_id: str,
      story_id: nullableString,
      title: nullableString,
      source: nullableString,
      url: nullableString,
      published: nullableString,
      entities: { type: 'array', items: str },
      why: {
        type: 'array',
        items: str,
        description:
          'why a ledger condition fired: the conflict with both sides and their evidence, or the new edge with its evidence sentence',
      },
      created_at: str,
      read_at: nullableString,
      links: { type: 'object', properties: { page: str, api: str } },
    },
  },
};

export const LIVE_PATHS = {
  '/api/sources': {
    get: {
      summary: 'live sources with their health (state, last fetch, last error, items per day)',
      parameters: [
        {
          name: 'state',
          in: 'query',
          schema: { type: 'string', enum: ['active', 'paused', 'disabled'] },
        },
      ],
      responses: {
        '200': ok('sources and counts by state', {
          type: 'object',
          properties: {
            items: { type: 'array', items: ref('Source') },
            counts: { type: 'object' },
          },
        }),
        ...READ_ERRORS,
      },
    },
    post: {
      summary: 'add feed or page URLs (existing ones are returned as they are)',
      ...secured,
      requestBody: body({
        type: 'object',
        required: ['urls'],
        properties: { urls: { type: 'array', items: str }, ...sourceSettings },
      }),
      responses: {
        '201': ok('some were added', ref('SourcesAdded')),
        '200': ok('none new', ref('SourcesAdded')),
        ...WRITE_ERRORS,
      },
    },
  },
  '/api/sources/import-stored': {
    post: {
      summary: 'make the OPML subscriptions that ingest stored into sources',
      ...secured,
      responses: { '200': ok('what was added', ref('SourcesAdded')), ...WRITE_ERRORS },
    },
  },
  '/api/sources/{id}': {
    get: {
      summary: 'one source',
      parameters: [idParam],
      responses: { '200': ok('the source', ref('Source')), ...NOT_FOUND, ...READ_ERRORS },
    },
    patch: {
      summary: 'pause, resume (clears failures) or change settings',
      ...secured,
      parameters: [idParam],
      requestBody: body({
        type: 'object',
        properties: {
          state: { type: 'string', enum: ['active', 'paused'] },
          title: str,
          ...sourceSettings,
        },
      }),
      responses: {
        '200': ok('the source after the change', ref('Source')),
        ...NOT_FOUND,
        ...WRITE_ERRORS,
      },
    },
    delete: {
      summary: 'remove a source (its articles stay)',
      ...secured,
      parameters: [idParam],
      responses: {
        '200': ok('removed', { type: 'object', properties: { removed: str } }),
        ...NOT_FOUND,
        ...WRITE_ERRORS,
      },
    },
  },
  '/api/watchlists': {
    get: {
      summary: 'watchlists with unread alert counts',
      responses: {
        '200': ok('watchlists', {
          type: 'object',
          properties: { items: { type: 'array', items: ref('Watchlist') } },
        }),
        ...READ_ERRORS,
      },
    },
    post: {
      summary:
        'create a watchlist (evaluates articles stored from now on); the answer holds the webhook secret and feed token once',
      ...secured,
      requestBody: body({
        type: 'object',
        required: ['name'],
        description:
          'a query, or conflict_about / new_edge_for (then an empty query matches every article)',
        properties: watchlistInput,
      }),
      responses: { '201': ok('created', ref('Watchlist')), ...WRITE_ERRORS },
    },
  },
  '/api/watchlists/{id}': {
    get: {
      summary: 'one watchlist',
      parameters: [idParam],
      responses: { '200': ok('the watchlist', ref('Watchlist')), ...NOT_FOUND, ...READ_ERRORS },
    },
    patch: {
      summary: 'edit, pause (state: paused) or resume a watchlist',
      ...secured,
      parameters: [idParam],
      requestBody: body({
        type: 'object',
        properties: { ...watchlistInput, state: { type: 'string', enum: ['active', 'paused'] } },
      }),
      responses: {
        '200': ok('the watchlist after the change', ref('Watchlist')),
        ...NOT_FOUND,
        ...WRITE_ERRORS,
      },
    },
    delete: {
      summary: 'remove a watchlist with its alerts and deliveries',
      ...secured,
      parameters: [idParam],
      responses: {
        '200': ok('removed', { type: 'object', properties: { removed: str } }),
        ...NOT_FOUND,
        ...WRITE_ERRORS,
      },
    },
  },
  '/api/watchlists/{id}/test': {
    get: {
      summary:
        'dry run over the archive: the alerts it would raise, one per syndication group (nothing is sent)',
      parameters: [
        idParam,
        { name: 'since', in: 'query', schema: { type: 'string' }, description: 'e.g. 30d' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
      ],
      responses: {
        '200': ok('matches', {
          type: 'object',
          properties: { matches: { type: 'array', items: { type: 'object' } }, considered: int },
        }),
        ...NOT_FOUND,
        ...READ_ERRORS,
      },
    },
  },
  '/api/watchlists/{id}/digest': {
    get: {
      summary: 'alerts over a period grouped by story, as JSON, Markdown or HTML',
      parameters: [
        idParam,
        { name: 'since', in: 'query', schema: { type: 'string', default: '24h' } },
        {
          name: 'format',
          in: 'query',
          schema: { type: 'string', enum: ['json', 'md', 'html'], default: 'json' },
        },
      ],
      responses: {
        '200': {
          description: 'the digest',
          content: {
            ...json({ type: 'object' }),
            'text/markdown': { schema: str },
            'text/html': { schema: str },
          },
        },
        ...NOT_FOUND,
        ...READ_ERRORS,
      },
    },
  },
  '/api/watchlists/{id}/deliveries': {
    get: {
      summary: 'the delivery log (webhook, e-mail): state, attempts, last error',
      parameters: [idParam],
      responses: {
        '200': ok('deliveries, newest first', {
          type: 'object',
          properties: { items: { type: 'array', items: { type: 'object' } } },
        }),
        ...NOT_FOUND,
        ...READ_ERRORS,
      },
    },
  },
  '/api/watchlists/{id}/atom.xml': {
    get: {
      summary:
        'the alerts as an Atom feed (also at /watchlists/{id}/atom.xml); ?token=<feed_token> or a read token',
      parameters: [idParam, { name: 'token', in: 'query', schema: str }],
      responses: {
        '200': { description: 'Atom feed', content: { 'application/atom+xml': { schema: str } } },
        ...NOT_FOUND,
        ...READ_ERRORS,
      },
    },
  },
  '/api/alerts': {
    get: {
      summary: 'alerts, newest first, with unread counts per watchlist',
      parameters: [
        { name: 'watchlist', in: 'query', schema: str },
        {
          name: 'unread',
          in: 'query',
          schema: { type: 'string', enum: ['1', '0', 'true', 'false'] },
        },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
        {
          name: 'before',
          in: 'query',
          schema: str,
          description: '`next_before` of the previous page',
        },
      ],
      responses: {
        '200': ok('alerts', {
          type: 'object',
          properties: {
            items: { type: 'array', items: ref('Alert') },
            unread: {
              type: 'object',
              properties: { total: int, by_watchlist: { type: 'object' } },
            },
            next_before: nullableString,
          },
        }),
        ...NOT_FOUND,
        ...READ_ERRORS,
      },
    },
  },
  '/api/alerts/read': {
    post: {
      summary: 'mark alerts read (given ids, or all of a watchlist)',
      ...secured,
      requestBody: body({
        type: 'object',
        properties: { ids: { type: 'array', items: str }, watchlist: str },
      }),
      responses: {
        '200': ok('how many changed', { type: 'object', properties: { marked: int } }),
        ...NOT_FOUND,
        ...WRITE_ERRORS,
      },
    },
  },
};
