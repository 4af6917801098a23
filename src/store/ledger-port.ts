import type { Claim } from '../claims/claim.js';
import type { AlternativeMention, DependencyEdge } from '../dependencies/dependency-edge.js';

/** Everything the claim ledger and the dependency graph derive from one article. */
export interface ArticleLedger {
  readonly claims: readonly Claim[];
  readonly edges: readonly DependencyEdge[];
  readonly alternatives: readonly AlternativeMention[];
}

export interface ClaimFilter {
  /** Claims about this entity (the quantity's owner) or claimed by it (the speaker). */
  readonly entityId?: string;
  readonly articleId?: string;
  readonly measure?: string;
  /** Only claims whose measure has at least two claims (the ones that can conflict or change). */
  readonly sharedMeasures?: boolean;
}

export interface EdgeFilter {
  /** Edges whose recipient, system or named supplier is this node key. */
  readonly nodeKey?: string;
  readonly recipientKey?: string;
}

export interface LedgerCounts {
  readonly articles: number;
  readonly claims: number;
  readonly edges: number;
  readonly alternatives: number;
}

/**
 * Storage of the claim ledger and dependency graph rows, per article, on both backends (one
 * contract suite: ledger-contract.suite.ts). Rows are derived: replacing an article's rows is how
 * a new or re-enriched article updates the ledger without rebuilding it.
 */
export interface LedgerStore {
  /** Replaces one article's rows in one transaction; `version` says which stages made them. */
  replaceArticle(articleId: string, ledger: ArticleLedger, version: string): Promise<void>;
  /** The version an article's rows were derived with, or undefined when it has none. */
  versionOf(articleId: string): Promise<string | undefined>;
  listClaims(filter?: ClaimFilter): Promise<Claim[]>;
  listEdges(filter?: EdgeFilter): Promise<DependencyEdge[]>;
  listAlternatives(): Promise<AlternativeMention[]>;
  counts(): Promise<LedgerCounts>;
  /** Drops every row (before a full rebuild). */
  clear(): Promise<void>;
}
