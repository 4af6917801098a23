import { CLAIMS_VERSION, type Claim } from './claim.js';
import { subjectKey } from './article-claims.js';
import { PART } from './claim-totals.js';
import { claimInterval } from './claim-qualifier.js';

/**
 * Two claims about one measure: a conflict only when they hold at the same time, come from
 * independent sources and disagree beyond their qualifiers and rounding. Everything else gets the
 * label that explains why not.
 */
export type PairVerdict =
  'conflict' | 'consistent' | 'change over time' | 'copies' | 'not comparable' | 'time unknown';

export interface ClaimPair {
  readonly a: Claim;
  readonly b: Claim;
  readonly measure: string;
  readonly verdict: PairVerdict;
  readonly reasons: readonly string[];
  readonly version: string;
}

export type GroupStatus =
  'conflict' | 'change over time' | 'consistent' | 'not comparable' | 'single';

export interface ClaimGroup {
  readonly measure: string;
  readonly label: string;
  readonly status: GroupStatus;
  readonly claims: readonly Claim[];
  /** The pairs that made the status (conflicts, else changes), each with its reasons. */
  readonly pairs: readonly ClaimPair[];
}

const DAY = 86_400_000;

/**
 * The days a date string covers: a day, a month, or a year. A day is not widened to the next:
 * daily summaries (a General Staff report each morning) then read as one time and all conflict.
 */
const period = (date: string): { from: number; to: number } | undefined => {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (y === undefined || !Number.isFinite(y)) return undefined;
  if (m === undefined) return { from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) };
  if (d === undefined) return { from: Date.UTC(y, m - 1, 1), to: Date.UTC(y, m, 1) };
  const day = Date.UTC(y, m - 1, d);
  return { from: day, to: day + DAY };
};

/**
 * Two reports of one quantity word it alike ("OHCHR has recorded N civilian casualties in
 * Ukraine"); unrelated counts of one measure rarely share a third of their content words. Chosen
 * on RUWA's flagged pairs (a development set, not a report).
 */
const MIN_CONTEXT_SIMILARITY = 0.3;

const jaccard = (a: readonly string[], b: readonly string[]): number => {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((w) => set.has(w)).length;
  return shared / (set.size + b.length - shared);
};

/** A running tally moves between two reports of one day (different hours, lags): this much. */
const RUNNING_TOLERANCE = 0.05;

const sameTime = (a: Claim, b: Claim): { same: boolean | undefined; reason: string } => {
  if (a.articleId === b.articleId)
    return { same: true, reason: 'same time: one article states both' };
  if (a.asOf === undefined || b.asOf === undefined)
    return { same: undefined, reason: 'time unknown: a claim has no date and no publication date' };
  const pa = period(a.asOf);
  const pb = period(b.asOf);
  if (!pa || !pb) return { same: undefined, reason: 'time unknown: unreadable date' };
  // A count for one day, or a tally still moving, compares only with reports of that very day.
  const exact = a.perDay || b.perDay || (a.running && b.running);
  const overlap = exact
    ? a.asOf.slice(0, 10) === b.asOf.slice(0, 10)
    : pa.from < pb.to && pb.from < pa.to;
  return overlap
    ? { same: true, reason: `same time: as of ${a.asOf} and ${b.asOf}` }
    : { same: false, reason: `as-of dates differ: ${a.asOf} vs ${b.asOf}` };
};

/**
 * One claimant's later report of a quantity revises its earlier one ("the toll has increased to 5"
 * the next morning): that is not two sources disagreeing. Reports of one day by one claimant stay
 * comparable: nothing says which came later.
 */
const revision = (a: Claim, b: Claim): string | undefined => {
  if (a.articleId === b.articleId) return undefined;
  // Two stated hours of one day ("as of 19:30" and "as of 20:50"): the later report revises.
  if (a.reportedAt && b.reportedAt && a.reportedAt !== b.reportedAt)
    return `revision: reported at ${a.reportedAt} and ${b.reportedAt}`;
  if (a.claimant.name !== b.claimant.name) return undefined;
  const da = a.published?.slice(0, 10);
  const db = b.published?.slice(0, 10);
  if (da === undefined || db === undefined || da === db) return undefined;
  return `revision: ${a.claimant.name} reported again on a later day (${da < db ? db : da})`;
};

/**
 * A toll of a fresh attack moves within the day: a figure stated for a part of the day ("as of the
 * morning of October 9": 49 injured) and one for another part or for the day as a whole (89 injured)
 * are two times of one day, not two sources disagreeing; likewise "the evening shelling" and "the
 * latest attack" of one day are two windows.
 */
const dayWindows = (a: Claim, b: Claim): string | undefined => {
  if (a.articleId === b.articleId || a.dayPart === b.dayPart) return undefined;
  return `two times of one day: ${a.dayPart ?? 'the day'} and ${b.dayPart ?? 'the day'}`;
};

/** One figure is the other article's killed and wounded in all ("more than 909 children injured" = 323 + 586). */
const totalOfOther = (a: Claim, b: Claim): string | undefined => {
  const isTotal = (total: Claim, counts: Claim): boolean => {
    if (counts.articleTotal === undefined || total.articleId === counts.articleId) return false;
    const floor = total.qualifier === 'more than' || total.qualifier === 'at least';
    return (
      counts.articleTotal >= total.value * 0.98 &&
      counts.articleTotal <= total.value * (floor ? 1.1 : 1.02)
    );
  };
  if (isTotal(a, b))
    return `${describe(a)} is the other article's killed and wounded in all (${b.articleTotal})`;
  if (isTotal(b, a))
    return `${describe(b)} is the other article's killed and wounded in all (${a.articleTotal})`;
  return undefined;
};

const describe = (claim: Claim): string =>
  `${claim.qualifier === 'exact' ? '' : `${claim.qualifier} `}${claim.value}${claim.high !== undefined ? `-${claim.high}` : ''} ${claim.unit}`;

const showBound = (n: number): string => (Number.isFinite(n) ? String(+n.toPrecision(4)) : '∞');

export const comparePair = (a: Claim, b: Claim): ClaimPair => {
  const reasons = [`same measure: ${a.measureLabel}`];
  const verdict = ((): PairVerdict => {
    if (a.articleId !== b.articleId && a.syndicationGroup === b.syndicationGroup) {
      reasons.push(`copies: both articles are in syndication group ${a.syndicationGroup}`);
      return 'copies';
    }
    if (a.delta || b.delta) {
      reasons.push('not comparable: one figure is a change, the other a level');
      return 'not comparable';
    }
    if (a.articleId === b.articleId && a.sentence.start === b.sentence.start) {
      reasons.push('not comparable: two figures of one sentence count different things');
      return 'not comparable';
    }
    // One article's two figures of a measure are nearly always two things (this quarter and the
    // year, a share of one group and another); one text contradicts itself only when it says the
    // same subject underwent the same thing ("expanded to include 52 countries" ... "expansion of
    // the group to 20 countries").
    if (
      a.articleId === b.articleId &&
      (a.predicate === undefined ||
        a.predicate !== b.predicate ||
        subjectKey(a.subject) !== subjectKey(b.subject))
    ) {
      reasons.push(
        'not comparable: one article, two figures without the same subject and predicate',
      );
      return 'not comparable';
    }
    if (a.running !== b.running || a.perDay !== b.perDay) {
      reasons.push(
        "not comparable: a running tally, a day's count and a one-off figure are different scopes",
      );
      return 'not comparable';
    }
    if (a.articleId !== b.articleId) {
      const similarity = jaccard(a.context, b.context);
      if (similarity < MIN_CONTEXT_SIMILARITY) {
        reasons.push(
          `not comparable: the statements share too little (${similarity.toFixed(2)} < ${MIN_CONTEXT_SIMILARITY})`,
        );
        return 'not comparable';
      }
      reasons.push(`like statements: content-word overlap ${similarity.toFixed(2)}`);
    }
    if (a.kind === 'percent' && b.kind === 'percent' && Math.abs(a.value + b.value - 100) <= 1) {
      reasons.push('not comparable: complementary shares (they add up to 100%)');
      return 'not comparable';
    }
    if (a.normalised.unit !== b.normalised.unit) {
      reasons.push(`not comparable: units ${a.normalised.unit} and ${b.normalised.unit}`);
      return 'not comparable';
    }
    const time = sameTime(a, b);
    reasons.push(time.reason);
    const converted =
      (a.unit !== b.unit || a.normalised.rate !== undefined ? 0.05 : 0) +
      (a.running || b.running ? RUNNING_TOLERANCE : 0);
    if (a.running || b.running) reasons.push("running tally: a day's movement (5%) allowed");
    const ia = claimInterval(
      a.normalised.value,
      a.high && a.high * (a.normalised.value / a.value),
      a.qualifier,
      converted,
    );
    const ib = claimInterval(
      b.normalised.value,
      b.high && b.high * (b.normalised.value / b.value),
      b.qualifier,
      converted,
    );
    const agree = ia.low <= ib.high && ib.low <= ia.high;
    const values = `${describe(a)} vs ${describe(b)} (allowed [${showBound(ia.low)}, ${showBound(ia.high)}] and [${showBound(ib.low)}, ${showBound(ib.high)}])`;
    if (time.same === undefined) return 'time unknown';
    if (!time.same) return agree ? 'consistent' : 'change over time';
    if (agree) {
      reasons.push(`agree within qualifiers and rounding: ${values}`);
      return 'consistent';
    }
    const total = totalOfOther(a, b);
    if (total) {
      reasons.push(`not comparable: ${total}`, `differ: ${values}`);
      return 'not comparable';
    }
    const revised = revision(a, b) ?? dayWindows(a, b);
    if (revised) {
      reasons.push(revised, `differ: ${values}`);
      return 'change over time';
    }
    reasons.push(
      a.articleId === b.articleId
        ? 'independent: the same article states both'
        : `independent: syndication groups ${a.syndicationGroup} and ${b.syndicationGroup}`,
    );
    reasons.push(`disagree beyond qualifiers and rounding: ${values}`);
    return 'conflict';
  })();
  return { a, b, measure: a.measure, verdict, reasons, version: CLAIMS_VERSION };
};

/**
 * A measure is specific enough to compare across articles when it belongs to a named thing, is
 * placed ("others wounded" in Donetsk region), or its subject says more than one word ("troops"
 * alone is every army in the world).
 */
const comparable = (claim: Claim): boolean => {
  const parts = claim.measure.split('|');
  if (parts.at(-1) === PART) return false;
  return claim.about !== undefined || (parts[2] ?? '') !== '' || (parts.at(-1) ?? '').includes(' ');
};

/** Pairs checked per measure at most: broad measures in big archives stay bounded. */
const MAX_CLAIMS_COMPARED = 400;

export const groupClaims = (claims: readonly Claim[]): ClaimGroup[] => {
  const byMeasure = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = byMeasure.get(claim.measure);
    if (list) list.push(claim);
    else byMeasure.set(claim.measure, [claim]);
  }
  return [...byMeasure].map(([measure, members]) => {
    const sorted = [...members].sort(
      (x, y) =>
        (x.asOf ?? '').localeCompare(y.asOf ?? '') ||
        x.articleId.localeCompare(y.articleId) ||
        x.start - y.start,
    );
    const label = sorted[0]!.measureLabel;
    if (sorted.length < 2 || !comparable(sorted[0]!))
      return { measure, label, status: 'single' as const, claims: sorted, pairs: [] };
    const pairs: ClaimPair[] = [];
    // A copy repeats its canonical's claims: compare each syndicated statement once.
    const statements = new Map<string, Claim>();
    for (const c of sorted) {
      const key = [c.syndicationGroup, c.value, c.unit, c.qualifier, c.text].join('|');
      if (!statements.has(key)) statements.set(key, c);
    }
    const compared = [...statements.values()].slice(-MAX_CLAIMS_COMPARED);
    for (let i = 0; i < compared.length; i++)
      for (let j = i + 1; j < compared.length; j++)
        pairs.push(comparePair(compared[i]!, compared[j]!));
    const conflicts = pairs.filter((p) => p.verdict === 'conflict');
    const changes = pairs.filter((p) => p.verdict === 'change over time');
    const status: GroupStatus =
      conflicts.length > 0
        ? 'conflict'
        : changes.length > 0
          ? 'change over time'
          : pairs.some((p) => p.verdict === 'consistent' || p.verdict === 'copies')
            ? 'consistent'
            : 'not comparable';
    return {
      measure,
      label,
      status,
      claims: sorted,
      pairs: conflicts.length > 0 ? conflicts : changes,
    };
  });
};
