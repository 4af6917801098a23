import { z } from 'zod';
import { CAPABILITIES } from '../../dependencies/capability.js';
import { GRAPH_FORMATS } from '../../dependencies/graph-export.js';
import { EDGE_STATUSES } from '../../core/supply-edge.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const claimsParamsSchema = z
  .object({
    entity: z.string().min(1).max(200).optional(),
    conflicts: flag.optional(),
    format: z.enum(['json', 'csv', 'jsonl']).default('json'),
  })
  .strict();

export const conflictsParamsSchema = z
  .object({ entity: z.string().min(1).max(200).optional() })
  .strict();

export const graphParamsSchema = z
  .object({
    node: z.string().min(1).max(200).optional(),
    capability: z.enum(CAPABILITIES).optional(),
    status: z.enum(EDGE_STATUSES).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    format: z.enum(GRAPH_FORMATS).default('json'),
  })
  .strict();

export const exposureParamsSchema = z
  .object({ supplier: z.string().min(1).max(200).optional() })
  .strict();
