/** Numbers as news writes them: "1,860", "162.5 billion", "three thousand", "a thousand", "two dozen". */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Readonly<Record<string, number>> = {
  // "two dozen" is 2 x 12, like "two hundred" (not 2 + 12).
  dozen: 12,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

export const NUMBER_WORDS = Object.keys(UNITS).filter((w) => w !== 'a' && w !== 'an');
export const SCALE_WORDS = Object.keys(SCALES);

const SIMPLE_NUMBER = String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?:(?:a|an|${NUMBER_WORDS.join('|')})(?:[- ](?:${NUMBER_WORDS.join('|')}))?))`;
const BIG_SCALE = String.raw`(?:dozen|hundred|thousand|million|billion|trillion)\b`;
/**
 * Fractions of a scale, as news writes round figures: "half a million", "a quarter of a million",
 * "two and a half billion". Tried before the plain forms, which would read "a quarter" or "two" alone.
 */
const FRACTION_OF_SCALE = String.raw`(?:(?:a|one|two|three)[- ](?:half|quarters?|thirds?)\s+of\s+an?\s+${BIG_SCALE}|half\s+an?\s+${BIG_SCALE}|${SIMPLE_NUMBER}\s+and\s+a\s+half\s+${BIG_SCALE})`;

/** Regex source for one number, digits or words, with an optional scale ("150-billion"). */
export const NUMBER_SOURCE = String.raw`(?:${FRACTION_OF_SCALE}|${SIMPLE_NUMBER}(?:[\s-](?:${SCALE_WORDS.join('|')})\b)*)`;

const FRACTIONS: Readonly<Record<string, number>> = { half: 0.5, quarter: 0.25, third: 1 / 3 };
const PART_OF_SCALE_RE =
  /^(?:(a|one|two|three)[- ])?(half|quarter|third)s?\s+(?:of\s+)?an?\s+(\w+)$/;
const AND_A_HALF_RE = /^(.+?)\s+and\s+a\s+half\s+(\w+)$/;

/** "a quarter of a million" (250,000), "half a million", "two and a half billion"; else undefined. */
const fractionOfScale = (lower: string): number | undefined => {
  const part = PART_OF_SCALE_RE.exec(lower);
  if (part) {
    const scale = SCALES[part[3] ?? ''];
    const count = part[1] === undefined ? 1 : (UNITS[part[1]] ?? 1);
    return scale === undefined ? undefined : count * (FRACTIONS[part[2] ?? ''] ?? 0) * scale;
  }
  const andHalf = AND_A_HALF_RE.exec(lower);
  if (andHalf) {
    const whole = parseNumber(andHalf[1] ?? '');
    const scale = SCALES[andHalf[2] ?? ''];
    return whole === undefined || scale === undefined ? undefined : (whole + 0.5) * scale;
  }
  return undefined;
};

/** The value of a number matched by NUMBER_SOURCE, or undefined when it is not one. */
export const parseNumber = (text: string): number | undefined => {
  const lower = text.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/\b(?:half|quarters?|thirds?)\b/.test(lower)) return fractionOfScale(lower);
  const parts = lower.split(/[\s-]+/).filter((p) => p !== '');
  let total = 0;
  let current = 0;
  let seen = false;
  for (const p of parts) {
    const digits = p.replace(/,/g, '');
    if (/^\d+(?:\.\d+)?$/.test(digits)) {
      current += Number(digits);
      seen = true;
      continue;
    }
    const unit = UNITS[p];
    if (unit !== undefined) {
      current += unit;
      seen = true;
      continue;
    }
    const scale = SCALES[p];
    if (scale === undefined || !seen) return undefined;
    if (scale === 100 || scale === 12) current *= scale;
    else {
      total += current * scale;
      current = 0;
    }
  }
  if (!seen) return undefined;
  // "a"/"an" alone is an article, not a number.
  if (parts.length === 1 && (parts[0] === 'a' || parts[0] === 'an')) return undefined;
  return total + current;
};
