import { MAX_QUERY_LENGTH } from '../search/index.js';
import { MAX_PAGE_SIZE } from './api-schemas.js';
import { ENTITY_PATHS, ENTITY_SCHEMAS } from './openapi-entity-paths.js';
import {
  errorResponse,
  json,
  nullableString,
  OPENAPI_SCHEMAS,
  READ_ERRORS,
  ref,
} from './openapi-schemas.js';
import { STORY_PATHS, STORY_SCHEMAS } from './openapi-story-paths.js';
import { LEDGER_PATHS, LEDGER_SCHEMAS } from './openapi-ledger-paths.js';
import { LIVE_PATHS, LIVE_SCHEMAS } from './openapi-live-paths.js';
import { TOKEN_PATHS, TOKEN_SCHEMAS } from './openapi-token-paths.js';

/**
 * The OpenAPI 3.1 description of every endpoint, written by hand beside the routes; a test checks
 * that every route the app serves under /api and /healthz is listed here.
 */
const limitParam = {
  name: 'limit',
  in: 'query',
  schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
};
const cursorParam = {
  name: 'cursor',
  in: 'query',
  description: 'opaque `next_cursor` from the previous page',
  schema: { type: 'string' },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const facetValues = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value', 'count'],
    properties: { value: { type: 'string' }, count: { type: 'integer' } },
  },
};

export const buildOpenApiDocument = (version: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'sitrep API',
    version,
    description:
      'Search and read the sitrep news archive, and ingest records. Errors are always {"error":{"code","message"}}. ' +
      'Write endpoints need `Authorization: Bearer <token>` (`sitrep token create <name>`); read endpoints need one ' +
      'only when the server runs with --require-token-for-reads or binds to a non-loopback address. Token scopes: ' +
      'read, write (ingest, sources, watchlists) and admin (token management); `--scope` levels include the ones below. ' +
      'A token may expire (`--expires-in 30d`): an expired token gets 401 with code TOKEN_EXPIRED and the time it expired.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      ...OPENAPI_SCHEMAS,
      ...ENTITY_SCHEMAS,
      ...STORY_SCHEMAS,
      ...LEDGER_SCHEMAS,
      ...LIVE_SCHEMAS,
      ...TOKEN_SCHEMAS,
    },
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'liveness check (never needs a token)',
        responses: {
          '200': {
            description: 'the server is up',
            content: json({ type: 'object', properties: { status: { const: 'ok' } } }),
          },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'this document',
        responses: {
          '200': { description: 'OpenAPI 3.1 document', content: json({ type: 'object' }) },
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'search with the sitrep query language',
        security: [{}, { bearer: [] }],
        parameters: [
          {
            name: 'q',
            in: 'query',
            description:
              'words, "phrases", AND/OR/NOT, (), prefix*, title: source: entity: type: country: lang:, after:/before:YYYY[-MM[-DD]]; empty lists everything',
            schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
          },
          limitParam,
          cursorParam,
          {
            name: 'sort',
            in: 'query',
            description:
              'relevance (BM25; the default with words) or newest/oldest (the default without)',
            schema: { type: 'string', enum: ['relevance', 'newest', 'oldest'] },
          },
          {
            name: 'copies',
            in: 'query',
            description:
              'collapse (default): one hit per syndication group, its canonical article when that matches, with `copies` counting the rest; show: every copy as its own hit',
            schema: { type: 'string', enum: ['collapse', 'show'], default: 'collapse' },
          },
        ],
        responses: {
          '200': {
            description:
              'hits, facets over every match (or a sample, facets_sampled), and the next cursor (null on the last page)',
            content: json({
              type: 'object',
              required: [
                'query',
                'description',
                'total',
                'total_is_estimate',
                'facets_sampled',
                'matches_considered',
                'hits',
                'facets',
                'next_cursor',
              ],
              properties: {
                query: { type: 'string' },
                description: { type: 'string', description: 'the query as understood, in words' },
                total: {
                  type: 'integer',
                  description: 'number of hits; a lower bound when total_is_estimate',
                },
                total_is_estimate: {
                  type: 'boolean',
                  description:
                    'true for very broad queries: counting stopped at a cap, or only the newest matches were considered (matches_considered)',
                },
                facets_sampled: {
                  type: ['integer', 'null'],
                  description:
                    'set when facets count only this many hits (the first ones in the requested order); null when they count every hit',
                },
                matches_considered: {
                  type: ['integer', 'null'],
                  description:
                    'set when the words matched more articles than are ranked at once: hits, total and facets come from this many most recently ingested matches; null otherwise',
                },
                hits: { type: 'array', items: ref('SearchHit') },
                facets: {
                  type: 'object',
                  description:
                    'source, language, month (YYYY-MM, calendar order), entity, entityType, country -> values by count',
                  additionalProperties: facetValues,
                },
                next_cursor: nullableString,
              },
            }),
          },
          ...READ_ERRORS,
          '400': errorResponse(
            'invalid parameter, or QUERY_SYNTAX with the position in the message',
          ),
        },
      },
    },
    '/api/articles': {
      get: {
        summary: 'list articles, newest ingested first',
        security: [{}, { bearer: [] }],
        parameters: [limitParam, cursorParam],
        responses: {
          '200': {
            description: 'one page',
            content: json({
              type: 'object',
              required: ['items', 'next_cursor'],
              properties: {
                items: { type: 'array', items: ref('ArticleSummary') },
                next_cursor: nullableString,
              },
            }),
          },
          ...READ_ERRORS,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary:
          'one article: clean text, metadata, provenance, revisions, highlights, its copies and its story',
        security: [{}, { bearer: [] }],
        parameters: [
          idParam,
          {
            name: 'q',
            in: 'query',
            description: 'a search query whose matches come back in `highlights`',
            schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
          },
        ],
        responses: {
          '200': {
            description: 'the article',
            content: json({
              type: 'object',
              required: [
                'article',
                'highlights',
                'entities',
                'countries',
                'figures',
                'quotes',
                'relations',
                'enrichment_version',
                'revisions',
                'syndication',
                'story',
                'links',
              ],
              properties: {
                article: ref('Article'),
                highlights: {
                  type: 'array',
                  description:
                    'UTF-16 [start, end) ranges into article.text, sorted by start (outer spans first): query matches (kind "match", when q is given), entity mentions, figures and quotes; quotes may contain the others',
                  items: {
                    type: 'object',
                    required: ['start', 'end', 'kind'],
                    properties: {
                      start: { type: 'integer' },
                      end: { type: 'integer' },
                      kind: { type: 'string', enum: ['match', 'entity', 'figure', 'quote'] },
                      type: {
                        type: 'string',
                        description: 'entity type, figure kind or quote kind',
                      },
                      name: { type: 'string', description: 'entity name, or the quote speaker' },
                      entityId: {
                        type: 'string',
                        description:
                          'linked entity (the mention, the figure claimant, the speaker): /api/entities/{entityId}',
                      },
                      value: { type: 'number', description: 'figure value' },
                      unit: { type: 'string', description: 'figure unit' },
                      subject: { type: 'string', description: 'what the figure measures' },
                      anonymous: { type: 'boolean', description: 'quote from an unnamed source' },
                    },
                  },
                },
                entities: {
                  type: 'array',
                  description:
                    'entities enrichment found, by mention count (empty before enrichment)',
                  items: {
                    type: 'object',
                    required: ['id', 'name', 'type', 'mentions'],
                    properties: {
                      id: { type: 'string' },
                      name: { type: 'string' },
                      type: { type: 'string' },
                      mentions: { type: 'integer' },
                    },
                  },
                },
                countries: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['code', 'name'],
                    properties: { code: { type: 'string' }, name: { type: 'string' } },
                  },
                },
                figures: { type: 'array', items: ref('Figure') },
                quotes: { type: 'array', items: ref('Quote') },
                relations: { type: 'array', items: ref('Relation') },
                enrichment_version: nullableString,
                revisions: { type: 'array', items: ref('Revision') },
                syndication: {
                  oneOf: [ref('Syndication'), { type: 'null' }],
                  description:
                    'whether it copies another article (and which), with the group; null when the store keeps no syndication index or has not decided',
                },
                story: {
                  oneOf: [ref('Story'), { type: 'null' }],
                  description:
                    'the story it belongs to; null without a story index or before clustering',
                },
                links: {
                  type: 'object',
                  properties: { raw: { type: 'string' }, page: { type: 'string' } },
                },
              },
            }),
          },
          '404': errorResponse('no article with that id'),
          ...READ_ERRORS,
        },
      },
    },
    '/api/articles/{id}/raw': {
      get: {
        summary: 'the raw input of the current (or a given) revision, always as text/plain',
        security: [{}, { bearer: [] }],
        parameters: [
          idParam,
          { name: 'revision', in: 'query', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          '200': {
            description: 'raw input; X-Raw-Media-Type gives its original media type',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          '404': errorResponse('no such article or revision'),
          ...READ_ERRORS,
        },
      },
    },
    '/api/stats': {
      get: {
        summary: 'counts by source, format and language; date range',
        security: [{}, { bearer: [] }],
        responses: {
          '200': {
            description: 'store statistics',
            content: json({
              type: 'object',
              properties: {
                backend: { type: 'string' },
                articles: { type: 'integer' },
                revisions: { type: 'integer' },
                feeds: { type: 'integer' },
                bySource: { type: 'object', additionalProperties: { type: 'integer' } },
                byFormat: { type: 'object', additionalProperties: { type: 'integer' } },
                byLanguage: { type: 'object', additionalProperties: { type: 'integer' } },
                firstPublished: { type: 'string' },
                lastPublished: { type: 'string' },
              },
            }),
          },
          ...READ_ERRORS,
        },
      },
    },
    ...ENTITY_PATHS,
    ...STORY_PATHS,
    ...LEDGER_PATHS,
    ...LIVE_PATHS,
    ...TOKEN_PATHS,
    '/api/ingest': {
      post: {
        summary: 'ingest records through the same pipeline as `sitrep ingest`',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'array', items: ref('IngestRecord') },
                  {
                    type: 'object',
                    properties: { items: { type: 'array', items: ref('IngestRecord') } },
                  },
                  ref('IngestRecord'),
                ],
              },
            },
            'application/x-ndjson': {
              schema: { type: 'string', description: 'one record per line' },
            },
          },
        },
        responses: {
          '200': { description: 'every record stored', content: json(ref('IngestResult')) },
          '207': {
            description: 'some records rejected, the others stored',
            content: json(ref('IngestResult')),
          },
          '422': { description: 'every record rejected', content: json(ref('IngestResult')) },
          '400': errorResponse('empty or unreadable body'),
          '401': errorResponse('missing or invalid token'),
          '403': errorResponse('the token lacks the write scope'),
          '413': errorResponse('body too large'),
          '415': errorResponse('unsupported content type'),
          '500': errorResponse('server error (no details leaked)'),
        },
      },
    },
  },
});
