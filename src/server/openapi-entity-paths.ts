import { MAX_PAGE_SIZE } from './api-schemas.js';
import { errorResponse, json, nullableString, READ_ERRORS, ref } from './openapi-schemas.js';

/** OpenAPI paths and schemas of the entity and fact endpoints (routes/entity-routes.ts, fact-routes.ts). */
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
const query = (name: string, description: string) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string' },
});
const entityParam = query('entity', 'an entity id (KB id or local:type:name)');
const articleParam = query('article', 'an article id');
const page = (item: string) =>
  json({
    type: 'object',
    required: ['items', 'next_cursor'],
    properties: { items: { type: 'array', items: ref(item) }, next_cursor: nullableString },
  });
const factList = (summary: string, item: string, parameters: unknown[]) => ({
  get: {
    summary,
    security: [{}, { bearer: [] }],
    parameters: [...parameters, limitParam, cursorParam],
    responses: {
      '200': { description: 'one page, newest article first', content: page(item) },
      ...READ_ERRORS,
    },
  },
});

/** Fields a fact carries about its article in the fact lists (the article endpoint leaves them out). */
const factSource = {
  articleId: { type: 'string' },
  articleTitle: { type: 'string' },
  published: { type: 'string' },
  source: { type: 'string' },
};
const span = {
  start: { type: 'integer', description: 'UTF-16 offset into the article text' },
  end: { type: 'integer' },
};

export const ENTITY_SCHEMAS = {
  Entity: {
    type: 'object',
    required: ['id', 'name', 'type', 'articles', 'mentions'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      articles: { type: 'integer', description: 'articles mentioning it' },
      mentions: { type: 'integer', description: 'mentions in all' },
      firstSeen: { type: 'string' },
      lastSeen: { type: 'string' },
    },
  },
  CooccurringEntity: {
    type: 'object',
    required: ['id', 'name', 'type', 'together'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      together: { type: 'integer', description: 'articles mentioning both' },
    },
  },
  Figure: {
    type: 'object',
    required: ['text', 'start', 'end', 'kind', 'value', 'unit'],
    properties: {
      text: { type: 'string' },
      ...span,
      kind: { type: 'string' },
      value: { type: 'number' },
      unit: { type: 'string' },
      subject: { type: 'string' },
      entityId: { type: 'string' },
      ...factSource,
    },
  },
  Quote: {
    type: 'object',
    required: ['text', 'start', 'end', 'kind', 'anonymous'],
    properties: {
      text: { type: 'string' },
      ...span,
      kind: { type: 'string', description: 'direct, partial, reported or term' },
      speaker: { type: 'string' },
      speakerId: { type: 'string' },
      anonymous: { type: 'boolean' },
      ...factSource,
    },
  },
  Relation: {
    type: 'object',
    required: [
      'subjectId',
      'subjectName',
      'predicate',
      'objectId',
      'objectName',
      'negated',
      'start',
      'end',
    ],
    properties: {
      subjectId: { type: 'string' },
      subjectName: { type: 'string' },
      predicate: { type: 'string' },
      objectId: { type: 'string' },
      objectName: { type: 'string' },
      negated: { type: 'boolean' },
      ...span,
      ...factSource,
    },
  },
};

export const ENTITY_PATHS = {
  '/api/entities': {
    get: {
      summary: 'entities across the archive, most articles first',
      security: [{}, { bearer: [] }],
      parameters: [
        query('type', 'entity type (PERSON, ORG, GPE, LOC, FACILITY, WEAPON, UNIT, EVENT, NORP)'),
        query('prefix', 'case-insensitive start of the name'),
        limitParam,
      ],
      responses: {
        '200': {
          description: 'the entities',
          content: json({
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: ref('Entity') } },
          }),
        },
        ...READ_ERRORS,
      },
    },
  },
  '/api/entities/{id}': {
    get: {
      summary:
        'one entity: summary, mentions by month, co-occurring entities, quotes, relations, figures',
      security: [{}, { bearer: [] }],
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'entity id, or its exact name (case-insensitive) when no id matches',
          schema: { type: 'string' },
        },
        { ...limitParam, description: 'items per list' },
      ],
      responses: {
        '200': {
          description: 'the entity page data',
          content: json({
            type: 'object',
            required: [
              'entity',
              'timeline',
              'cooccurring',
              'quotes_by',
              'quotes_about',
              'relations',
              'figures',
              'related_stories',
              'links',
            ],
            properties: {
              entity: ref('Entity'),
              timeline: {
                type: 'array',
                description: 'articles mentioning it per month (YYYY-MM), oldest first',
                items: {
                  type: 'object',
                  required: ['month', 'articles'],
                  properties: { month: { type: 'string' }, articles: { type: 'integer' } },
                },
              },
              cooccurring: { type: 'array', items: ref('CooccurringEntity') },
              quotes_by: { type: 'array', items: ref('Quote'), description: 'quotes it spoke' },
              quotes_about: {
                type: 'array',
                items: ref('Quote'),
                description: 'quotes by others in articles mentioning it',
              },
              relations: { type: 'array', items: ref('Relation') },
              figures: {
                type: 'array',
                items: ref('Figure'),
                description: 'figures in articles mentioning it',
              },
              related_stories: {
                type: ['array', 'null'],
                items: ref('RelatedStory'),
                description:
                  'stories holding its articles (among its 200 most recent), most such articles first; null without a story index',
              },
              links: {
                type: 'object',
                description:
                  'the UI page, its articles as a search, the full fact lists and stories',
                additionalProperties: { type: 'string' },
              },
            },
          }),
        },
        '404': errorResponse('no entity with that id or name'),
        ...READ_ERRORS,
      },
    },
  },
  '/api/figures': factList('figures stated in articles', 'Figure', [
    { ...entityParam, description: 'figures in articles mentioning this entity' },
    articleParam,
    query('kind', 'figure kind (money, count, distance, percentage...)'),
    query('unit', 'unit as stored (USD, troops, km...)'),
  ]),
  '/api/quotes': factList('quotes with their speakers', 'Quote', [
    query('speaker', 'quotes by this entity id'),
    { ...entityParam, description: 'quotes in articles mentioning this entity' },
    articleParam,
  ]),
  '/api/relations': factList('subject -predicate-> object relations', 'Relation', [
    { ...entityParam, description: 'relations where this entity is subject or object' },
    articleParam,
    query('predicate', 'one predicate'),
  ]),
};
