/** Saved with every decision so `reprocess` can find decisions made by an older rule set. */
export const VERSION = 'dedup-4';

export interface DedupOptions {
  /** Share of the shorter text's words the two must have in common to be copies (Feedly's 85% rule). */
  readonly threshold: number;
  /** Below this length ratio the shorter text is an excerpt or a brief, not a copy. */
  readonly minLengthRatio: number;
  /**
   * A shorter text down to this length ratio is still a copy when it is the longer one's leading
   * part (page 1 of 2, a cut wire story) and has at least `minLeadingPartWords` words.
   */
  readonly minLeadingPartRatio: number;
  readonly minLeadingPartWords: number;
  /**
   * Minimum MinHash agreement (estimated Jaccard of word shingles) as well: a cheap check that the
   * words also come in the same order, so two texts made of the same common words are not copies.
   */
  readonly minShingleAgreement: number;
  /**
   * When both texts hold at least `minFiguresToCompare` figures, the share of the fewer figures found
   * in the other text must reach this: templated wire reports (market operations, crop reports,
   * earnings) share their words and differ only in figures, and are different events.
   */
  readonly minFigureAgreement: number;
  readonly minFiguresToCompare: number;
  /**
   * Distinct content words (function words and site furniture aside) both texts need before their
   * text alone can make them copies; below it the titles must agree as well.
   */
  readonly minContentWords: number;
  /** The same for two articles of one source, whose shared site furniture is far larger. */
  readonly minContentWordsSameSource: number;
  /** Only count copies across different sources (Feedly's rule); off by default so a feed's repost is caught. */
  readonly requireDifferentSources: boolean;
  /** Words per shingle for MinHash. */
  readonly shingleSize: number;
  /** MinHash rows; bands = signatureSize / bandRows. */
  readonly signatureSize: number;
  readonly bandRows: number;
  /** Candidates confirmed per article at most (ranked by shared LSH bands), to bound lookup time. */
  readonly maxCandidates: number;
}

// Calibrated on bench/dedup-quality.ts (BBC + Reuters copies with 5-30% of words changed):
// 2-row bands over 3-word shingles find copies whose shingle Jaccard falls to ~0.25.
export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  threshold: 0.85,
  minLengthRatio: 0.5,
  minLeadingPartRatio: 0.2,
  minLeadingPartWords: 100,
  minShingleAgreement: 0.05,
  minFigureAgreement: 0.5,
  minFiguresToCompare: 5,
  minContentWords: 25,
  minContentWordsSameSource: 100,
  requireDifferentSources: false,
  shingleSize: 3,
  signatureSize: 64,
  bandRows: 2,
  maxCandidates: 24,
};

export const dedupOptions = (overrides: Partial<DedupOptions> = {}): DedupOptions => ({
  ...DEFAULT_DEDUP_OPTIONS,
  ...overrides,
});
