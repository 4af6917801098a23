import { CAPABILITIES } from '../dependencies/capability.js';
import { GRAPH_FORMATS } from '../dependencies/graph-export.js';
import { errorResponse, json, nullableString, READ_ERRORS, ref } from './openapi-schemas.js';

/** OpenAPI paths and schemas of the claim ledger, dependency graph and exposure (routes/ledger-routes.ts). */
const readErrors = {
  ...READ_ERRORS,
  '501': errorResponse('NOT_SUPPORTED_BY_BACKEND: the store keeps no claim ledger'),
};
const reasons = {
  type: 'array',
  items: { type: 'string' },
  description: 'why the stage decided so',
};
const entityParam = {
  name: 'entity',
  in: 'query',
  description: 'only measures about this entity or claimed by it (id or name)',
  schema: { type: 'string' },
};
const evidence = {
  type: 'object',
  required: ['articleId', 'start', 'end', 'text', 'syndicationGroup'],
  properties: {
    articleId: { type: 'string' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    text: { type: 'string', description: 'the sentence' },
    published: { type: 'string' },
    source: { type: 'string' },
    syndicationGroup: { type: 'string' },
  },
};
const party = {
  type: 'object',
  required: ['key', 'name'],
  properties: { key: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
};
const conflictSide = {
  type: 'object',
  required: ['article', 'start', 'end', 'text', 'value', 'unit'],
  properties: {
    article: { type: 'string' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    text: { type: 'string' },
    value: { type: 'number' },
    unit: { type: 'string' },
    qualifier: { type: 'string' },
    sentence: { type: 'string' },
    claimant: { type: 'string' },
    as_of: nullableString,
    published: nullableString,
    source: nullableString,
  },
};

export const LEDGER_SCHEMAS = {
  Evidence: evidence,
  GraphParty: party,
  Claim: {
    type: 'object',
    description:
      'a figure as a claim: subject, the entity it is about, measure, value, unit, normalised value (money in USD at the yearly rate of its date, rate kept), qualifier, as-of date, claimant, syndication group, reasons and stage version',
    required: [
      'articleId',
      'start',
      'end',
      'text',
      'measure',
      'value',
      'unit',
      'normalised',
      'qualifier',
      'claimant',
      'syndicationGroup',
      'reasons',
      'version',
    ],
    properties: {
      articleId: { type: 'string' },
      start: { type: 'integer' },
      end: { type: 'integer' },
      text: { type: 'string' },
      subject: { type: 'string' },
      about: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      measure: { type: 'string' },
      measureLabel: { type: 'string' },
      value: { type: 'number' },
      high: { type: 'number' },
      unit: { type: 'string' },
      normalised: { type: 'object' },
      qualifier: {
        type: 'string',
        enum: ['exact', 'at least', 'more than', 'up to', 'less than', 'about', 'range'],
      },
      delta: { type: 'boolean' },
      asOf: { type: 'string' },
      asOfBasis: { type: 'string', enum: ['sentence date', 'published', 'unknown'] },
      claimant: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          id: { type: 'string' },
          kind: { type: 'string', enum: ['speaker', 'outlet'] },
        },
      },
      syndicationGroup: { type: 'string' },
      reasons,
      version: { type: 'string' },
    },
  },
  ClaimGroup: {
    type: 'object',
    required: ['measure', 'label', 'status', 'claims', 'pairs'],
    properties: {
      measure: { type: 'string' },
      label: { type: 'string' },
      status: {
        type: 'string',
        enum: ['conflict', 'change over time', 'consistent', 'not comparable', 'single'],
      },
      claims: { type: 'array', items: ref('Claim') },
      pairs: {
        type: 'array',
        description: 'the pairs that made the status (conflicts, else changes over time)',
        items: {
          type: 'object',
          properties: {
            a: ref('Claim'),
            b: ref('Claim'),
            measure: { type: 'string' },
            verdict: { type: 'string' },
            reasons,
            version: { type: 'string' },
          },
        },
      },
    },
  },
  Conflict: {
    type: 'object',
    required: ['a', 'b', 'measure', 'reasons', 'version'],
    properties: {
      a: conflictSide,
      b: conflictSide,
      measure: { type: 'string' },
      measure_key: { type: 'string' },
      reasons,
      version: { type: 'string' },
    },
  },
  DependencyGraph: {
    type: 'object',
    required: ['nodes', 'edges'],
    properties: {
      nodes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'label', 'kind'],
          properties: {
            id: { type: 'string' },
            label: { type: 'string' },
            kind: {
              type: 'string',
              enum: ['country', 'organisation', 'system', 'company', 'capability', 'actor'],
            },
            capability: { type: 'string' },
            category: { type: 'string' },
          },
        },
      },
      edges: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'id',
            'source',
            'target',
            'relation',
            'sources',
            'articles',
            'evidence',
            'reasons',
            'version',
          ],
          properties: {
            id: { type: 'string' },
            source: { type: 'string' },
            target: { type: 'string' },
            relation: {
              type: 'string',
              enum: ['status', 'supplies', 'made_by', 'based_in', 'origin'],
            },
            status: { type: 'string' },
            supplier: { type: 'string' },
            transfer: { type: 'boolean', description: 'SIPRI: an order or delivery was reported' },
            negated: { type: 'boolean' },
            hedged: { type: 'boolean' },
            marked: {
              type: 'string',
              description: 'why kept but not counted (request, talks, negated)',
            },
            capability: { type: 'string' },
            firstSeen: { type: 'string' },
            lastSeen: { type: 'string' },
            sources: { type: 'integer', description: 'independent sources (syndication groups)' },
            articles: { type: 'integer' },
            evidence: { type: 'array', items: ref('Evidence') },
            reasons,
            version: { type: 'string' },
          },
        },
      },
    },
  },
  ExposureReport: {
    type: 'object',
    required: [
      'country',
      'bySupplier',
      'capabilities',
      'rollup',
      'exposed',
      'alternatives',
      'version',
    ],
    properties: {
      country: ref('GraphParty'),
      supplier: ref('GraphParty'),
      bySupplier: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            supplier: ref('GraphParty'),
            systems: { type: 'array', items: { type: 'object' } },
          },
        },
      },
      capabilities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            capability: { type: 'string' },
            systems: { type: 'integer' },
            dependingOnSupplier: { type: 'integer' },
            share: { type: 'number' },
          },
        },
      },
      rollup: {
        type: 'array',
        description: 'country -> supplier-country dependence per capability category',
        items: {
          type: 'object',
          properties: {
            capability: { type: 'string' },
            systems: { type: 'integer' },
            suppliers: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  supplier: ref('GraphParty'),
                  systems: { type: 'integer' },
                  share: { type: 'number' },
                },
              },
            },
          },
        },
      },
      exposed: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            risk: {
              type: 'string',
              enum: [
                'deliveries',
                'spare parts',
                'software updates',
                'intelligence',
                'satellite communications',
                'support',
              ],
            },
            system: ref('GraphParty'),
            capability: { type: 'string' },
            why: { type: 'string' },
            evidence: { type: 'array', items: ref('Evidence') },
          },
        },
      },
      alternatives: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            for: ref('GraphParty'),
            alternative: ref('GraphParty'),
            origins: { type: 'array', items: ref('GraphParty') },
            capability: { type: 'string' },
            evidence: { type: 'array', items: ref('Evidence') },
          },
        },
      },
      version: { type: 'string' },
    },
  },
};

export const LEDGER_PATHS = {
  '/api/claims': {
    get: {
      summary:
        'the claim ledger: claims grouped by measure, each group labelled conflict, change over time, consistent, not comparable or single',
      security: [{}, { bearer: [] }],
      parameters: [
        entityParam,
        {
          name: 'conflicts',
          in: 'query',
          description: 'only conflicting groups',
          schema: { type: 'string', enum: ['true', 'false', '1', '0'] },
        },
        {
          name: 'format',
          in: 'query',
          description: 'csv and jsonl export the claims',
          schema: { type: 'string', enum: ['json', 'csv', 'jsonl'], default: 'json' },
        },
      ],
      responses: {
        '200': {
          description: 'claim groups (json) or the claims as CSV / JSON lines',
          content: {
            ...json({
              type: 'object',
              required: ['groups'],
              properties: { groups: { type: 'array', items: ref('ClaimGroup') } },
            }),
            'text/csv': { schema: { type: 'string' } },
            'application/x-ndjson': { schema: { type: 'string' } },
          },
        },
        ...readErrors,
      },
    },
  },
  '/api/claims/conflicts': {
    get: {
      summary:
        'conflicting claims side by side: same measure, same time, independent sources, disagreeing beyond qualifiers and rounding',
      security: [{}, { bearer: [] }],
      parameters: [entityParam],
      responses: {
        '200': {
          description: 'the conflicts, as `sitrep claims --conflicts --json` prints them',
          content: json({
            type: 'object',
            required: ['conflicts'],
            properties: { conflicts: { type: 'array', items: ref('Conflict') } },
          }),
        },
        ...readErrors,
      },
    },
  },
  '/api/graph': {
    get: {
      summary:
        'the evidence-linked dependency graph, as JSON or exported (GEXF for Gephi, GraphML, CSV of edges, JSON lines)',
      security: [{}, { bearer: [] }],
      parameters: [
        {
          name: 'node',
          in: 'query',
          description: "a country's, system's or supplier's neighbourhood (name or id)",
          schema: { type: 'string' },
        },
        { name: 'capability', in: 'query', schema: { type: 'string', enum: [...CAPABILITIES] } },
        {
          name: 'status',
          in: 'query',
          schema: {
            type: 'string',
            enum: ['requested', 'ordered', 'committed', 'delivered', 'operates', 'depends_on'],
          },
        },
        {
          name: 'from',
          in: 'query',
          description: 'evidence published on or after (YYYY-MM-DD)',
          schema: { type: 'string' },
        },
        {
          name: 'to',
          in: 'query',
          description: 'evidence published on or before (YYYY-MM-DD)',
          schema: { type: 'string' },
        },
        {
          name: 'format',
          in: 'query',
          schema: { type: 'string', enum: [...GRAPH_FORMATS], default: 'json' },
        },
      ],
      responses: {
        '200': {
          description: 'the graph',
          content: {
            ...json(ref('DependencyGraph')),
            'application/gexf+xml': { schema: { type: 'string' } },
            'application/graphml+xml': { schema: { type: 'string' } },
            'text/csv': { schema: { type: 'string' } },
            'application/x-ndjson': { schema: { type: 'string' } },
          },
        },
        ...readErrors,
      },
    },
  },
  '/api/exposure/{country}': {
    get: {
      summary:
        "a country's systems per supplier and capability, the share depending on a supplier, what is exposed if it withholds deliveries, spares, software or intelligence, and the alternatives the archive discusses",
      security: [{}, { bearer: [] }],
      parameters: [
        {
          name: 'country',
          in: 'path',
          required: true,
          description: 'country name or KB id',
          schema: { type: 'string' },
        },
        {
          name: 'supplier',
          in: 'query',
          description: 'supplier country or company to assess',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'the exposure report, every line with evidence',
          content: json(ref('ExposureReport')),
        },
        ...readErrors,
      },
    },
  },
};
