import type { ClaimQualifier } from './claim.js';

const QUALIFIERS: readonly (readonly [RegExp, ClaimQualifier])[] = [
  [/^(?:at least|no fewer than|no less than|a minimum of|minimum of)$/i, 'at least'],
  [/^(?:more than|over|above|in excess of|upwards of|exceeding)$/i, 'more than'],
  [/^(?:up to|as many as|as much as|at most|a maximum of|maximum of|no more than)$/i, 'up to'],
  [/^(?:less than|fewer than|under|below|nearly|almost|just under)$/i, 'less than'],
  [
    /^(?:about|around|approximately|roughly|some|an estimated|estimated|close to|circa|about some)$/i,
    'about',
  ],
];

/** Words right before a figure that the figure parser may have left outside its span. */
const LEADING_QUALIFIER_RE =
  /\b(at least|no fewer than|no less than|a minimum of|more than|over|above|in excess of|upwards of|up to|as many as|as much as|at most|a maximum of|no more than|less than|fewer than|under|below|nearly|almost|about|around|approximately|roughly|some|an estimated|close to)\s+$/i;

/** The qualifier the parser found, else one written right before the figure, else exact. */
export const qualifierOf = (
  parsed: string | undefined,
  textBefore: string,
): { qualifier: ClaimQualifier; word?: string } => {
  const word = parsed ?? LEADING_QUALIFIER_RE.exec(textBefore.slice(-30))?.[1];
  if (word === undefined) return { qualifier: 'exact' };
  const match = QUALIFIERS.find(([re]) => re.test(word.trim()));
  return match ? { qualifier: match[1], word } : { qualifier: 'exact', word };
};

/**
 * The interval of true values a claim allows: its qualifier's bound, widened by the rounding a
 * reported number carries (a trailing-zero number like 300,000 is rounded; at most 10% either way,
 * at least 0.5%). `extraTolerance` widens for currency conversion.
 */
export const claimInterval = (
  value: number,
  high: number | undefined,
  qualifier: ClaimQualifier,
  extraTolerance = 0,
): { low: number; high: number } => {
  const rounding = (v: number): number => {
    const abs = Math.abs(v);
    let zeros = 0;
    if (Number.isInteger(abs) && abs > 0) for (let x = abs; x % 10 === 0; x /= 10) zeros++;
    const place = zeros > 0 ? 0.5 * 10 ** zeros : 0;
    return Math.max(Math.min(place, 0.1 * abs), 0.005 * abs) + extraTolerance * abs;
  };
  const tol = rounding(value);
  switch (qualifier) {
    case 'at least':
      return { low: value - tol, high: Number.POSITIVE_INFINITY };
    case 'more than':
      return { low: value - tol, high: Number.POSITIVE_INFINITY };
    case 'up to':
    case 'less than':
      return { low: 0, high: value + tol };
    case 'about':
      return {
        low: value - Math.max(tol, 0.1 * Math.abs(value)),
        high: value + Math.max(tol, 0.1 * Math.abs(value)),
      };
    case 'range':
      return { low: value - tol, high: (high ?? value) + rounding(high ?? value) };
    case 'exact':
      return { low: value - tol, high: value + tol };
  }
};
