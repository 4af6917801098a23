/** Why an article was judged a copy (or an original): shown to the user beside the decision. */
export type SyndicationReason =
  | 'exact-text'
  | 'canonical-url'
  | 'minhash'
  | 'same-title'
  /** Joined through another copy: similar to a member of the group, less so to the canonical. */
  | 'transitive'
  /** The canonical of a group: the earliest published copy (tie: fuller text, then smaller id). */
  | 'earliest-published'
  /** No copy found. */
  | 'unique';

export type SyndicationStatus = 'original' | 'duplicate' | 'near-duplicate';

export interface SyndicationDecision {
  readonly articleId: string;
  readonly status: SyndicationStatus;
  /** The canonical article this one copies; absent for originals. */
  readonly of?: string;
  /** Content overlap with `of` (1 for originals). */
  readonly similarity: number;
  readonly reasons: readonly SyndicationReason[];
  /** VERSION of the rules that made the decision. */
  readonly version: string;
}

export interface SyndicationMember {
  readonly id: string;
  readonly similarity: number;
  readonly reasons: readonly SyndicationReason[];
}

/** The shape `sitrep dupes --json` prints per group. */
export interface SyndicationGroup {
  readonly canonical: string;
  readonly members: readonly SyndicationMember[];
}

/** Groups from the copies' decisions; groups sorted by canonical id, members by id, for stable output. */
export const groupDecisions = (decisions: Iterable<SyndicationDecision>): SyndicationGroup[] => {
  const byCanonical = new Map<string, SyndicationMember[]>();
  for (const decision of decisions) {
    if (decision.of === undefined) continue;
    const members = byCanonical.get(decision.of) ?? [];
    members.push({
      id: decision.articleId,
      similarity: decision.similarity,
      reasons: decision.reasons,
    });
    byCanonical.set(decision.of, members);
  }
  return [...byCanonical.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([canonical, members]) => ({
      canonical,
      members: members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }));
};
