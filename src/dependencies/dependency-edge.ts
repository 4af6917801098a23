import type { EdgeStatus } from '../core/supply-edge.js';

/** Bumped whenever graph derivation rules change; saved with every edge. */
export const GRAPH_VERSION = 'graph-3';

export interface GraphParty {
  /** A stable node key: the KB id when linked, else `name:<lower-case name>`. */
  readonly key: string;
  readonly name: string;
  readonly id?: string;
}

export interface Evidence {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly published?: string;
  readonly source?: string;
  readonly syndicationGroup: string;
}

/**
 * One supply or dependency statement of one article: what the graph and
 * exposure are built from. KB facts (capability, makers, origins) are applied when the graph is
 * read, so a KB update needs no rebuild. SIPRI counts a transfer when an order or delivery is reported, so
 * `transfer` is true for ordered/committed/delivered; talks and requests stay, marked.
 */
export interface DependencyEdge {
  readonly recipient: GraphParty;
  /** The supplier the sentence names, when it does. */
  readonly supplier?: GraphParty;
  readonly system: GraphParty;
  readonly status: EdgeStatus;
  readonly negated: boolean;
  readonly hedged: boolean;
  readonly transfer: boolean;
  /** Why this edge is kept but not counted as a transfer ("request", "talks", "negated"). */
  readonly marked?: string;
  readonly quantity?: number;
  readonly evidence: Evidence;
  readonly reasons: readonly string[];
  readonly version: string;
}

/**
 * A sentence that weighs one system against another ("SAMP/T instead of Patriot"). Whether they
 * share a capability and differ in origin is the KB's to say, at read time.
 */
export interface AlternativeMention {
  readonly system: GraphParty;
  readonly alternative: GraphParty;
  readonly evidence: Evidence;
  readonly reasons: readonly string[];
  readonly version: string;
}
