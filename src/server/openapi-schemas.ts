/** Component schemas of the OpenAPI document (openapi.ts), shared by its paths through $ref. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const nullableString = { type: ['string', 'null'] };
export const json = (schema: unknown) => ({ 'application/json': { schema } });
export const errorResponse = (description: string) => ({
  description,
  content: json(ref('Error')),
});
/** The error responses every read endpoint shares. */
export const READ_ERRORS = {
  '400': errorResponse('invalid parameter'),
  '401': errorResponse('a token is needed (when reads are closed) or the token is not valid'),
  '403': errorResponse('the token lacks the read scope'),
  '500': errorResponse('server error (no details leaked)'),
};

export const OPENAPI_SCHEMAS = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  Provenance: {
    type: 'object',
    required: ['path'],
    properties: {
      path: { type: 'string' },
      recordIndex: { type: 'integer' },
      byteOffset: { type: 'integer' },
      url: { type: 'string' },
    },
  },
  SearchHit: {
    type: 'object',
    required: ['id', 'snippet', 'snippet_text', 'highlights', 'score'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      source: { type: 'string' },
      published: { type: 'string' },
      snippet: { type: 'string', description: 'text around the match, matches in [ and ]' },
      snippet_text: { type: 'string', description: 'the snippet without markers' },
      highlights: {
        type: 'array',
        description: 'matched words as UTF-16 [start, end) ranges into snippet_text',
        items: {
          type: 'object',
          required: ['start', 'end'],
          properties: { start: { type: 'integer' }, end: { type: 'integer' } },
        },
      },
      score: { type: 'number', description: 'higher is better, within one list' },
      copies: {
        type: 'integer',
        description:
          'other matching articles of its syndication group folded into this hit (absent when none, or with copies=show)',
      },
      story: {
        type: ['object', 'null'],
        description: 'the story the article belongs to (null when none, or without a story index)',
        required: ['id', 'title', 'article_count'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          article_count: { type: 'integer' },
        },
      },
    },
  },
  ArticleSummary: {
    type: 'object',
    required: ['id', 'format', 'revision', 'ingestedAt'],
    properties: {
      id: { type: 'string' },
      title: nullableString,
      source: nullableString,
      published: nullableString,
      language: nullableString,
      url: nullableString,
      format: { type: 'string' },
      revision: { type: 'integer' },
      ingestedAt: { type: 'string' },
    },
  },
  Article: {
    type: 'object',
    required: ['id', 'text', 'revision', 'provenance', 'authors', 'categories'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      text: { type: 'string' },
      source: { type: 'string' },
      site: { type: 'string' },
      url: { type: 'string' },
      canonicalUrl: { type: 'string' },
      published: { type: 'string' },
      language: { type: 'string' },
      authors: { type: 'array', items: { type: 'string' } },
      categories: { type: 'array', items: { type: 'string' } },
      format: { type: 'string' },
      revision: { type: 'integer' },
      contentHash: { type: 'string' },
      provenance: ref('Provenance'),
      ingestedAt: { type: 'string' },
      updatedAt: { type: 'string' },
    },
  },
  Revision: {
    type: 'object',
    required: ['revision', 'contentHash', 'rawMediaType', 'provenance', 'ingestedAt'],
    properties: {
      revision: { type: 'integer' },
      contentHash: { type: 'string' },
      title: nullableString,
      rawMediaType: { type: 'string' },
      provenance: ref('Provenance'),
      ingestedAt: { type: 'string' },
    },
  },
  IngestRecord: {
    type: 'object',
    description: 'one record; text or html is required',
    properties: {
      id: { type: ['string', 'number'] },
      url: { type: 'string' },
      title: { type: 'string' },
      text: { type: 'string' },
      html: { type: 'string' },
      published: { type: 'string' },
      updated: { type: 'string' },
      source: { type: 'string' },
      language: { type: 'string' },
      authors: { type: ['string', 'array'], items: { type: 'string' } },
      categories: { type: ['string', 'array'], items: { type: 'string' } },
    },
  },
  IngestResult: {
    type: 'object',
    required: ['added', 'unchanged', 'revised', 'rejected', 'errors'],
    properties: {
      added: { type: 'integer' },
      unchanged: { type: 'integer' },
      revised: { type: 'integer' },
      rejected: { type: 'integer' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['record', 'reason'],
          properties: {
            record: {
              type: ['integer', 'null'],
              description: '0-based record (array index or line)',
            },
            reason: { type: 'string' },
          },
        },
      },
    },
  },
};
