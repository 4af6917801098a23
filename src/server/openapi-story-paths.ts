import { MAX_PAGE_SIZE } from './api-schemas.js';
import { errorResponse, json, nullableString, READ_ERRORS, ref } from './openapi-schemas.js';

/** OpenAPI paths and schemas of the story endpoints (routes/story-routes.ts) and syndication. */
const readErrors = {
  ...READ_ERRORS,
  '501': errorResponse('NOT_SUPPORTED_BY_BACKEND: the store backend keeps no story index'),
};
const links = {
  type: 'object',
  required: ['page', 'api'],
  properties: { page: { type: 'string' }, api: { type: 'string' } },
};
const storyFields = {
  id: { type: 'string' },
  title: { type: 'string', description: 'the title of the article that opened the story' },
  first_seen: { ...nullableString, description: 'earliest publication date of its articles' },
  last_seen: { ...nullableString, description: 'latest publication date of its articles' },
  sources: { type: 'array', items: { type: 'string' } },
  article_count: { type: 'integer' },
  links,
};
const storyRequired = ['id', 'title', 'first_seen', 'last_seen', 'sources', 'article_count'];
const articleRefFields = {
  id: { type: 'string' },
  title: nullableString,
  source: nullableString,
  published: nullableString,
};
const reasons = {
  type: 'array',
  description:
    'why: exact-text, canonical-url, minhash, same-title, transitive, earliest-published, unique',
  items: { type: 'string' },
};
const syndicationStatus = { type: 'string', enum: ['original', 'duplicate', 'near-duplicate'] };

export const STORY_SCHEMAS = {
  Story: { type: 'object', required: storyRequired, properties: storyFields },
  RelatedStory: {
    type: 'object',
    required: [...storyRequired, 'entity_articles'],
    properties: {
      ...storyFields,
      entity_articles: {
        type: 'integer',
        description: 'articles of the story mentioning the entity (among its 200 most recent)',
      },
    },
  },
  StoryTimelineEntry: {
    type: 'object',
    required: ['article_id', 'published', 'day', 'source', 'title', 'similarity', 'syndication'],
    properties: {
      article_id: { type: 'string' },
      published: nullableString,
      day: { ...nullableString, description: 'UTC day of publication (YYYY-MM-DD)' },
      source: nullableString,
      title: nullableString,
      similarity: { type: 'number', description: 'similarity to the story when it joined' },
      syndication: {
        type: ['object', 'null'],
        description: 'copies point at their canonical; null without a syndication index',
        properties: { status: syndicationStatus, of: nullableString },
      },
    },
  },
  ArticleRef: {
    type: 'object',
    required: ['id', 'title', 'source', 'published'],
    properties: articleRefFields,
  },
  CopyRef: {
    type: 'object',
    required: ['id', 'title', 'source', 'published', 'similarity', 'reasons'],
    properties: {
      ...articleRefFields,
      similarity: { type: 'number', description: 'share of the canonical text it holds' },
      reasons,
    },
  },
  Syndication: {
    type: 'object',
    description: "an article's syndication decision and the rest of its group",
    required: [
      'status',
      'of',
      'similarity',
      'reasons',
      'version',
      'canonical',
      'copies',
      'copy_count',
    ],
    properties: {
      status: syndicationStatus,
      of: {
        ...nullableString,
        description: 'the canonical article it copies; null for an original',
      },
      similarity: { type: 'number' },
      reasons,
      version: { type: 'string', description: 'version of the rules that decided' },
      canonical: {
        oneOf: [ref('ArticleRef'), { type: 'null' }],
        description: 'the article this one copies',
      },
      copies: {
        type: 'array',
        items: ref('CopyRef'),
        description: "an original's copies, or a copy's siblings (at most 50 listed)",
      },
      copy_count: { type: 'integer', description: 'all other copies in the group' },
    },
  },
};

export const STORY_PATHS = {
  '/api/stories': {
    get: {
      summary:
        'stories (articles about one event across days and sources), most recently seen first',
      security: [{}, { bearer: [] }],
      parameters: [
        {
          name: 'q',
          in: 'query',
          description: 'case-insensitive part of the title',
          schema: { type: 'string', maxLength: 200 },
        },
        {
          name: 'min_articles',
          in: 'query',
          description: 'only stories of at least this many articles (default 1: all)',
          schema: { type: 'integer', minimum: 1 },
        },
        {
          name: 'entity',
          in: 'query',
          description:
            'only stories holding articles that mention this entity id (among its 200 most recent articles)',
          schema: { type: 'string' },
        },
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 },
        },
        {
          name: 'cursor',
          in: 'query',
          description: 'opaque `next_cursor` from the previous page',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'one page and the next cursor (null on the last page)',
          content: json({
            type: 'object',
            required: ['items', 'next_cursor'],
            properties: {
              items: { type: 'array', items: ref('Story') },
              next_cursor: nullableString,
              entity_scan: {
                type: 'object',
                description: 'with `entity`: how many of its articles were looked at, of how many',
                properties: {
                  articles_scanned: { type: 'integer' },
                  articles_total: { type: 'integer' },
                },
              },
            },
          }),
        },
        ...readErrors,
      },
    },
  },
  '/api/stories/{id}': {
    get: {
      summary: 'one story: its articles by publication time with sources, and its top entities',
      security: [{}, { bearer: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'the story',
          content: json({
            type: 'object',
            required: [...storyRequired, 'timeline', 'top_entities', 'entities_from', 'links'],
            properties: {
              ...storyFields,
              timeline: {
                type: 'array',
                description: 'articles by publication time (undated last)',
                items: ref('StoryTimelineEntry'),
              },
              top_entities: {
                type: 'array',
                description: 'entities most of its articles mention (empty without enrichment)',
                items: {
                  type: 'object',
                  required: ['id', 'name', 'type', 'articles'],
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    type: { type: 'string' },
                    articles: { type: 'integer' },
                  },
                },
              },
              entities_from: {
                type: 'integer',
                description: 'articles whose enrichment was counted (at most 200)',
              },
            },
          }),
        },
        '404': errorResponse('no story with that id'),
        ...readErrors,
      },
    },
  },
};
