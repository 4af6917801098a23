/**
 * A supply or dependency edge read from one sentence: who gets (or relies on) which system or capability
 * from whom, at which stage. Extraction (src/enrich) produces these; the claim ledger and the dependency
 * graph (src/claims, src/dependencies) consume them. Offsets point into the article's stored text.
 */

/**
 * Kiel's commitment/delivery distinction and SIPRI's order/delivery rule: `requested` is talk, not a
 * transfer; `ordered`/`committed`/`delivered` are transfers; `operates` is possession in service;
 * `depends_on` is reliance on a capability (intelligence, satellite communications, spare parts, software).
 */
export const EDGE_STATUSES = [
  'requested',
  'ordered',
  'committed',
  'delivered',
  'operates',
  'depends_on',
] as const;

export type EdgeStatus = (typeof EDGE_STATUSES)[number];

/** The scoring families: supply (requested..delivered), operates, depends_on. */
export type EdgeStatusFamily = 'supply' | 'operates' | 'depends_on';

export const edgeStatusFamily = (status: EdgeStatus): EdgeStatusFamily =>
  status === 'operates' || status === 'depends_on' ? status : 'supply';

export interface EdgeParty {
  /** Knowledge-base id when linked (countries, companies, systems), else absent. */
  readonly id?: string;
  /** The KB's canonical name when linked, else the text as written. */
  readonly name: string;
  /** Offsets of the mention that named it, when the sentence names it. */
  readonly start?: number;
  readonly end?: number;
}

export interface SupplyEdge {
  readonly recipient: EdgeParty;
  /** Absent when the sentence does not say who supplies (or depends on whom). */
  readonly supplier?: EdgeParty;
  /** The weapon system, or the capability for `depends_on` ("intelligence", "satellite communications"). */
  readonly system: EdgeParty;
  readonly status: EdgeStatus;
  /** "declined to send", "will not supply". */
  readonly negated: boolean;
  /** "considering", "may", "could", "talks on": kept, but not a confirmed transfer. */
  readonly hedged: boolean;
  readonly quantity?: number;
  readonly value?: { readonly amount: number; readonly currency: string };
  /** Evidence: the sentence (or clause) the edge was read from. */
  readonly start: number;
  readonly end: number;
  /** Why the extractor made this edge (trigger, pattern, KB fact used). */
  readonly reasons: readonly string[];
}
