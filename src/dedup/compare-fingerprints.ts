import type { ArticleFingerprint } from './article-fingerprint.js';
import { contentOverlap, sharedWordCount } from './content-overlap.js';
import type { DedupOptions } from './dedup-options.js';
import { containedPartContainment } from './leading-part.js';
import { signatureAgreement } from './minhash.js';
import { distinctContentWords } from './site-boilerplate.js';
import { sameSite } from './site-key.js';
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

const sameSource = (a: ArticleFingerprint, b: ArticleFingerprint): boolean =>
  sameSite(a.source, b.source);

/**
 * A text left with little content once furniture is out (a video page's caption, a teaser) is a
 * copy only of a page with the same headline: two such pages of one site share words, not a story.
 * Two pages of one site share that site's whole furniture (menus, related-video titles, footers),
 * which holds far more words than any vocabulary list knows, so they need more content of their
 * own before the text alone can make them copies.
 */
const tooThinAlone = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  options: DedupOptions,
): boolean =>
  Math.min(distinctContentWords(a), distinctContentWords(b)) <
    (sameSource(a, b) ? options.minContentWordsSameSource : options.minContentWords) &&
  (a.titleHash === undefined || a.titleHash !== b.titleHash);

/**
 * Two pages of one site under different headlines are two stories, whatever words they share: a
 * site's page is its story plus that site's furniture, so two short pages of one site can share
 * nine words in ten (menus, market tickers, "most read" lists) while their stories differ. The
 * same page crawled twice keeps its headline; the same URL is a copy whatever the headlines.
 */
const otherStoryOfSameSource = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  sameUrl: boolean,
): boolean =>
  !sameUrl &&
  sameSource(a, b) &&
  a.titleHash !== undefined &&
  b.titleHash !== undefined &&
  a.titleHash !== b.titleHash;

/**
 * The shorter text is one compact stretch of the longer one: its leading part (page 1 of 2, a story
 * cut after a few paragraphs) or the story inside a page whose extraction kept navigation, related
 * links and comments. Long enough to stand as the story, too short for the length rule.
 */
const isContainedPart = (
  a: ArticleFingerprint,
  b: ArticleFingerprint,
  options: DedupOptions,
): boolean => {
  // On one site the shorter page's words may all be furniture the longer page repeats.
  if (sameSource(a, b) && a.titleHash !== b.titleHash) return false;
  const [shorter, longer] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const ratio = shorter.words.length / Math.max(1, longer.words.length);
  return (
    ratio >= options.minLeadingPartRatio &&
    ratio < options.minLengthRatio &&
    shorter.words.length >= options.minLeadingPartWords &&
    containedPartContainment(shorter, longer) >= options.threshold
  );
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
  if (tooThinAlone(a, b, options) || otherStoryOfSameSource(a, b, sameUrl)) return false;
  if (sameUrl || a.textHash === b.textHash) return true;
  const shorter = Math.min(a.words.length, b.words.length);
  if (shorter === 0) return false;
  if (shorter / Math.max(a.words.length, b.words.length) < options.minLengthRatio)
    return isContainedPart(a, b, options);
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
  const leadingPart =
    !sameText && overlap.lengthRatio < options.minLengthRatio && isContainedPart(a, b, options);
  const near =
    leadingPart ||
    (!sameText &&
      overlap.containment >= options.threshold &&
      overlap.lengthRatio >= options.minLengthRatio &&
      signatureAgreement(a.signature, b.signature) >= options.minShingleAgreement &&
      figuresAgree(a, b, options));
  const isCopy =
    !sameSourceBlocked &&
    !tooThinAlone(a, b, options) &&
    !otherStoryOfSameSource(a, b, sameUrl) &&
    (sameText || sameUrl || near);
  const reasons: SyndicationReason[] = [];
  if (sameText) reasons.push('exact-text');
  if (sameUrl) reasons.push('canonical-url');
  if (near) reasons.push('minhash');
  if (isCopy && a.titleHash !== undefined && a.titleHash === b.titleHash)
    reasons.push('same-title');
  return { isCopy, exact: sameText || sameUrl, similarity: round(overlap.containment), reasons };
};
