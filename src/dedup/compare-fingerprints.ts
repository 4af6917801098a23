import type { ArticleFingerprint } from './article-fingerprint.js';
import { contentOverlap, sharedWordCount } from './content-overlap.js';
import type { DedupOptions } from './dedup-options.js';
import { signatureAgreement } from './minhash.js';
import type { SyndicationReason } from './syndication-decision.js';

export interface FingerprintComparison {
  readonly isCopy: boolean;
  /** True when the copy is exact (same folded text or same canonical URL), not merely near. */
  readonly exact: boolean;
  readonly similarity: number;
  readonly reasons: SyndicationReason[];
}

const figuresAgree = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  options: DedupOptions,
): boolean => {
  const fewer = Math.min(a.figures.length, b.figures.length);
  if (fewer < options.minFiguresToCompare) return true;
  return sharedWordCount(a.figures, b.figures) / fewer >= options.minFigureAgreement;
};

const round = (value: number): number => Math.round(value * 10000) / 10000;

/**
 * compareFingerprints(a, b, options).isCopy, cheapest checks first: the word overlap (the costly
 * part) is only computed for pairs whose length ratio, MinHash agreement and figures can pass.
 * Candidate confirmation calls it for every LSH candidate, most of which fail a cheap check.
 */
export const isCopy = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  options: DedupOptions,
): boolean => {
  const sameUrl = a.urlHash !== undefined && a.urlHash === b.urlHash;
  if (
    options.requireDifferentSources &&
    a.source !== undefined &&
    a.source === b.source &&
    !sameUrl
  )
    return false;
  if (sameUrl || a.textHash === b.textHash) return true;
  const shorter = Math.min(a.words.length, b.words.length);
  if (shorter === 0 || shorter / Math.max(a.words.length, b.words.length) < options.minLengthRatio)
    return false;
  if (signatureAgreement(a.signature, b.signature) < options.minShingleAgreement) return false;
  if (!figuresAgree(a, b, options)) return false;
  return contentOverlap(a, b, options.threshold).containment >= options.threshold;
};

/** The confirmation step: is `a` a copy of `b` under the options' rule, and why. */
export const compareFingerprints = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  options: DedupOptions,
): FingerprintComparison => {
  const sameText = a.textHash === b.textHash;
  const sameUrl = a.urlHash !== undefined && a.urlHash === b.urlHash;
  const overlap = sameText
    ? { containment: 1, lengthRatio: 1 }
    : contentOverlap(a, b, options.threshold);
  const sameSourceBlocked =
    options.requireDifferentSources && a.source !== undefined && a.source === b.source && !sameUrl;
  const near =
    !sameText &&
    overlap.containment >= options.threshold &&
    overlap.lengthRatio >= options.minLengthRatio &&
    signatureAgreement(a.signature, b.signature) >= options.minShingleAgreement &&
    figuresAgree(a, b, options);
  const isCopy = !sameSourceBlocked && (sameText || sameUrl || near);
  const reasons: SyndicationReason[] = [];
  if (sameText) reasons.push('exact-text');
  if (sameUrl) reasons.push('canonical-url');
  if (near) reasons.push('minhash');
  if (isCopy && a.titleHash !== undefined && a.titleHash === b.titleHash)
    reasons.push('same-title');
  return { isCopy, exact: sameText || sameUrl, similarity: round(overlap.containment), reasons };
};
