import { z } from 'zod';
import { EDGE_STATUSES } from '../core/supply-edge.js';

/**
 * What the claim ledger and the dependency graph read from one stored article: its metadata, its
 * syndication group and the parts of the enricher's document they use. The document is JSON read
 * back from a database, so it is validated here; parts a future enricher drops parse as empty.
 */
const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

const party = z.object({
  id: z.string().optional(),
  name: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});

export const ledgerDocumentSchema = z.object({
  entities: z
    .array(z.object({ ...span, id: z.string(), name: z.string(), type: z.string() }))
    .default([]),
  figures: z
    .array(
      z.object({
        ...span,
        text: z.string(),
        kind: z.string(),
        value: z.number(),
        unit: z.string(),
        subject: z.string().optional(),
        normalized: z
          .object({
            amounts: z
              .array(z.object({ value: z.number(), unit: z.string(), text: z.string() }))
              .default([]),
            qualifier: z.string().optional(),
          })
          .optional(),
      }),
    )
    .default([]),
  dates: z
    .array(z.object({ ...span, value: z.string().optional(), relative: z.boolean().optional() }))
    .default([]),
  quotes: z
    .array(
      z.object({
        ...span,
        speaker: z.string().optional(),
        speaker_id: z.string().optional(),
        anonymous: z.boolean().default(false),
        kind: z.string().optional(),
      }),
    )
    .default([]),
  edges: z
    .array(
      z.object({
        recipient: party,
        supplier: party.optional(),
        system: party,
        status: z.enum(EDGE_STATUSES),
        negated: z.boolean().default(false),
        hedged: z.boolean().default(false),
        quantity: z.number().optional(),
        value: z.object({ amount: z.number(), currency: z.string() }).optional(),
        ...span,
        reasons: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});

export type LedgerDocument = z.infer<typeof ledgerDocumentSchema>;
export type LedgerFigure = LedgerDocument['figures'][number];
export type LedgerEntity = LedgerDocument['entities'][number];
export type LedgerEdge = LedgerDocument['edges'][number];

export interface LedgerArticle {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly published?: string;
  /** The outlet (feed or site name): the claimant when no speaker is quoted. */
  readonly source?: string;
  /** The canonical article of its syndication group (itself for an original). */
  readonly syndicationGroup: string;
  /** The enricher's version, kept with what the ledger derives from it. */
  readonly enrichmentVersion: string;
  readonly document: LedgerDocument;
}

/** Parses a stored enrichment document; a record that does not parse says which article and why. */
export const parseLedgerDocument = (
  articleId: string,
  document: unknown,
): { ok: true; value: LedgerDocument } | { ok: false; error: string } => {
  const parsed = ledgerDocumentSchema.safeParse(document ?? {});
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: `article ${articleId}: stored enrichment does not fit the ledger (${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')})`,
      };
};
