import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Company names the tagger cuts in two at a legal-form word or at "and": "Supermarkets General" +
 * "Corp", "Baring Brothers" + "and Co Ltd", "Goodyear Tire" + "and Rubber Co". Wire copy writes a
 * company in full with its legal form, so a legal form after a name (or after "Name and") ends
 * that one name; two companies are written each with its own form ("Dana Corp and Chrysler
 * Corp"), and then both halves keep their own.
 */

/** Legal-form words, lower-cased ("Corp", "Co.", "S.A."). */
const LEGAL_FORMS = new Set(
  `inc inc. corp corp. co co. cos cos. ltd ltd. plc plc. llc lp l.p. ag a.g. sa s.a. nv n.v. bv
  b.v. gmbh spa s.p.a. ab oy asa company`.split(/\s+/),
);
/** Words that may sit between "and" and a legal form as part of one firm ("and Sons Ltd"). */
const FIRM_WORDS = new Set(['sons', 'son', 'partners', 'associates', 'brothers', 'bros', 'bros.']);

export const isLegalForm = (word: string): boolean => LEGAL_FORMS.has(word.toLowerCase());

const isCapitalised = (w: string | undefined): boolean => /^\p{Lu}/u.test(w ?? '');

/** Words [start, end) are only legal forms and firm words, the last a legal form ("Co Ltd"). */
const onlyLegalForm = (words: readonly string[], start: number, end: number): boolean => {
  if (end <= start || !isLegalForm(words[end - 1] as string)) return false;
  for (let i = start; i < end; i++) {
    const w = words[i] as string;
    if (!isCapitalised(w) || !(isLegalForm(w) || FIRM_WORDS.has(w.toLowerCase()))) return false;
  }
  return true;
};

/** How many words after `from` make a legal form ending a name: "Co Ltd" 2, "Corp" 1, else 0. */
const legalFormRun = (words: readonly string[], from: number): number => {
  let end = from;
  while (end < words.length && end - from < 3 && isCapitalised(words[end])) {
    const w = (words[end] as string).toLowerCase();
    if (!isLegalForm(w) && !FIRM_WORDS.has(w)) break;
    end++;
  }
  while (end > from && !isLegalForm(words[end - 1] as string)) end--;
  return end - from;
};

const endsInLegalForm = (words: readonly string[], s: { start: number; end: number }): boolean =>
  isLegalForm(words[s.end - 1] as string);

/**
 * The spans with company names joined: a name followed (as a span or as bare words) by a legal
 * form, by "and"/"&" and a legal form ("and Co Ltd"), or by "and" and one word and a legal form
 * ("Goodyear Tire and Rubber Co") when the first part has no legal form of its own, becomes one
 * organisation. The joined span is marked typedByCue: its form says what it is.
 */
export const joinCompanyNames = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] => {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: S[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k] as S;
    const next = sorted[k + 1];
    const joinable =
      (a.type === 'ORG' || a.type === 'PERSON' || a.type === 'GPE') &&
      !endsInLegalForm(words, a) &&
      isCapitalised(words[a.start]);
    if (!joinable) {
      out.push(a);
      continue;
    }
    // "Supermarkets General Corp" with "Corp" a span of its own or no span at all.
    if (next !== undefined && next.start === a.end && onlyLegalForm(words, next.start, next.end)) {
      out.push({ ...a, end: next.end, type: 'ORG', typedByCue: true });
      k++;
      continue;
    }
    const bare = legalFormRun(words, a.end);
    if (bare > 0 && (next === undefined || next.start >= a.end + bare)) {
      out.push({ ...a, end: a.end + bare, type: 'ORG', typedByCue: true });
      continue;
    }
    const and = words[a.end] === 'and' || words[a.end] === '&';
    if (and && next !== undefined && next.start === a.end + 1) {
      const ownForm = onlyLegalForm(words, next.start, next.end);
      const oneWordFirm =
        next.end - next.start >= 2 &&
        endsInLegalForm(words, next) &&
        onlyLegalForm(words, next.start + 1, next.end);
      if (ownForm || oneWordFirm) {
        out.push({ ...a, end: next.end, type: 'ORG', typedByCue: true });
        k++;
        continue;
      }
      // "Procter and Gamble Co" with the legal form left out of the second span.
      const tail = next.end - next.start === 1 ? legalFormRun(words, next.end) : 0;
      const after = sorted[k + 2];
      if (tail > 0 && (after === undefined || after.start >= next.end + tail)) {
        out.push({ ...a, end: next.end + tail, type: 'ORG', typedByCue: true });
        k++;
        continue;
      }
    }
    if (and && (next === undefined || next.start > a.end + 1)) {
      const run = legalFormRun(words, a.end + 1);
      if (run > 0 && (next === undefined || next.start >= a.end + 1 + run)) {
        out.push({ ...a, end: a.end + 1 + run, type: 'ORG', typedByCue: true });
        continue;
      }
    }
    out.push(a);
  }
  return out;
};
