import type { Claim } from './claim.js';

/**
 * Passes over one article's claims that read a count in the light of its neighbours: a shared floor,
 * the killed and wounded in all, and which counts are that total.
 */

/** The last field of a part's measure: parts are never compared (compare-claims). */
export const PART = 'part';

/**
 * "At least 25 people have been killed and about 50 wounded": the floor of a toll still being counted
 * covers the count coordinated with it, so the wounded count is a floor too (the same outlet's later
 * "at least 30 ... and about 88 wounded" agrees with it). Only a killed/wounded pair joined by "and"
 * within a few words, the floor first.
 */
const FLOOR_JOIN_RE = /^[\s\w]{0,40}\band\s+(?:about|around|some|nearly|almost)?\s*$/i;
export const sharedFloor = (claims: Claim[], text: string): Claim[] =>
  claims.map((claim) => {
    if (claim.qualifier !== 'exact' && claim.qualifier !== 'about') return claim;
    if (claim.predicate !== 'wounded' && claim.predicate !== 'killed') return claim;
    const floor = claims.find(
      (c) =>
        c.sentence.start === claim.sentence.start &&
        c.end <= claim.start &&
        (c.qualifier === 'at least' || c.qualifier === 'more than') &&
        c.predicate !== undefined &&
        c.predicate !== claim.predicate &&
        (c.predicate === 'killed' || c.predicate === 'wounded') &&
        FLOOR_JOIN_RE.test(text.slice(c.end, claim.start)),
    );
    if (!floor) return claim;
    return {
      ...claim,
      qualifier: 'at least',
      reasons: [...claim.reasons, `qualifier: shares the floor of "${floor.text}" -> at least`],
    };
  });

/**
 * "323 children were killed and 586 were injured": the wounded count carries 909, so another article's
 * "more than 909 children were injured" reads as this article's casualties in all (compare-claims), not
 * as a rival of 586. The partner of the same sentence first, else the article's first.
 */
const withArticleTotal = (claim: Claim, others: readonly Claim[]): Claim => {
  const partnerPredicate = claim.predicate === 'killed' ? 'wounded' : 'killed';
  const partners = others.filter(
    (c) => c.predicate === partnerPredicate && !c.measure.endsWith(`|${PART}`),
  );
  const partner = partners.find((c) => c.sentence.start === claim.sentence.start) ?? partners[0];
  return partner ? { ...claim, articleTotal: claim.value + partner.value } : claim;
};

/**
 * "215 children died, 391 injured ... More than 600 children were injured": a count that is the sum of
 * the article's killed and wounded counts (within its qualifier and 2%) is the casualties in all, a
 * measure of its own, not a rival of the wounded count.
 */
export const markTotals = (claims: Claim[]): Claim[] =>
  claims.map((claim) => {
    if (claim.kind !== 'count' || (claim.predicate !== 'wounded' && claim.predicate !== 'killed'))
      return claim;
    const others = claims.filter((c) => c !== claim && c.kind === 'count' && c.unit === claim.unit);
    const sums = others.flatMap((k) =>
      k.predicate === 'killed'
        ? others.filter((w) => w.predicate === 'wounded').map((w) => k.value + w.value)
        : [],
    );
    const low = claim.value * 0.98;
    const high =
      claim.qualifier === 'more than' || claim.qualifier === 'at least'
        ? claim.value * 1.1
        : claim.value * 1.02;
    const total = sums.find((sum) => sum >= low && sum <= high);
    if (total === undefined) return withArticleTotal(claim, others);
    const [fam = '', , ...rest] = claim.measure.split('|');
    return {
      ...claim,
      predicate: 'casualties',
      measure: [fam, 'casualties', ...rest].join('|'),
      measureLabel: `${claim.subject} casualties`,
      reasons: [
        ...claim.reasons,
        `total: the article's killed and wounded counts add up to ${total}`,
      ],
    };
  });
