import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../search/index.js';

/** Query-string and path schemas shared by the routes and the OpenAPI document. */
export const MAX_PAGE_SIZE = 100;

const limit = z.coerce
  .number({ message: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
  .default(20);
const cursor = z.string().min(1).max(200).optional();

export const searchParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).default(''),
  limit,
  cursor,
  sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
  /** `copies=show` lists every syndicated copy as its own hit; by default they fold into one. */
  copies: z.enum(['collapse', 'show']).default('collapse'),
});

export const listParamsSchema = z.object({ limit, cursor });

export const articleIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');

/** `q` marks the query's matches in the article text (the search page passes it along). */
export const articleParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional(),
});

export const rawParamsSchema = z.object({
  revision: z.coerce.number().int().min(1).optional(),
});

/**
 * Entity ids are KB ids (`Q42`) or local ids (`local:person:mark-carney`); the entity endpoint
 * also takes an exact name, so anything printable goes.
 */
export const entityIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

const optionalText = (max: number) => z.string().min(1).max(max).optional();

export const entityListParamsSchema = z.object({
  type: optionalText(40),
  prefix: optionalText(200),
  limit,
});

export const entityParamsSchema = z.object({
  limit: limit.describe('items per list (quotes, relations, figures, co-occurring)'),
});

export const figureParamsSchema = z.object({
  entity: entityIdSchema.optional(),
  article: articleIdSchema.optional(),
  kind: optionalText(40),
  unit: optionalText(40),
  limit,
  cursor,
});

export const quoteParamsSchema = z.object({
  speaker: entityIdSchema.optional(),
  entity: entityIdSchema.optional(),
  article: articleIdSchema.optional(),
  limit,
  cursor,
});

export const relationParamsSchema = z.object({
  entity: entityIdSchema.optional(),
  article: articleIdSchema.optional(),
  predicate: optionalText(80),
  limit,
  cursor,
});

/** Story ids are `story-` and hex today; any id of the article-id alphabet is accepted. */
export const storyIdSchema = articleIdSchema;

export const storyListParamsSchema = z.object({
  q: optionalText(200).describe('case-insensitive part of the title'),
  entity: entityIdSchema.optional(),
  min_articles: z.coerce.number().int().min(1).optional(),
  limit,
  cursor,
});
