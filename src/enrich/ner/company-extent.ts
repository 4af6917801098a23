import type { TypedSpan } from './merge-kb-spans.js';
import { isLegalForm } from './company-names.js';

/**
 * A company's name runs from its legal form back over the capitalised words before it: "Packaging
 * Systems Corp", "Hemdale Releasing Corp.", "Standard and Poor 's Corp", "Tokyo" in "Bank of
 * Tokyo Ltd". The tagger often covers only the words next to the form ("Systems Corp") or only
 * the first one ("Hemdale"), because the middle words ("Packaging", "Releasing") are common
 * words it has seen outside names. Wire copy writes a company in full with its form, so the whole
 * capitalised run before a form is the name. Headlines in capitals ("WICKES COS INC") have no
 * case to end the run, so there the run must begin the line or follow punctuation.
 */

/** Words that end a company's name as its last word, besides the legal forms ("Suburban Bancorp"). */
const COMPANY_HEADS = new Set(['bancorp', 'bancshares', 'holdings', 'industries']);
/** Words before "of" that head a firm's name ("Bank of Tokyo Ltd", "Trust Company of ..."). */
const OF_HEADS = new Set(['bank', 'banco', 'trust', 'insurance', 'corporation', 'company']);
const OF_WORDS = new Set(['of', 'de', 'di', 'do', 'da', 'del']);
/** Capitalised words that open sentences or clauses and are never the first word of a firm. */
const STOP = new Set(
  `the a an in on at for by with from to of and or but as if when while after before under over
  into its his her their our this that these those says said say sees buys sells sets rival
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december shares unit units`.split(/\s+/),
);
/** Punctuation that may open a name in a line of capitals ("< FOUR SEASONS HOTELS INC >"). */
const OPENERS = new Set(['<', '(', '-', '--', ':', ',', '"', '“', "'", '[']);
const MAX_WORDS = 6;

const isNameWord = (w: string | undefined): boolean =>
  w !== undefined && /^[\p{Lu}\d]/u.test(w) && /\p{Lu}/u.test(w) && !STOP.has(w.toLowerCase());

const isForm = (w: string | undefined): boolean =>
  w !== undefined && /^\p{Lu}/u.test(w) && (isLegalForm(w) || COMPANY_HEADS.has(w.toLowerCase()));

/** The first word of the company whose name ends at `end` (exclusive), or undefined. */
const nameStart = (
  words: readonly string[],
  formStart: number,
  endsAt: ReadonlySet<number>,
  persons: ReadonlySet<number>,
  caseless: boolean,
): number | undefined => {
  let start = formStart;
  let j = formStart - 1;
  while (j >= 0 && formStart - j <= MAX_WORDS) {
    const w = words[j] as string;
    // "Lee Iacocca Chrysler Corp" (a list, a caption): a person's name is no part of the firm's.
    if (persons.has(j + 1) || isLegalForm(w)) break;
    if (isNameWord(w)) {
      start = j;
      j--;
      continue;
    }
    const lower = w.toLowerCase();
    // "Firestone Tire and Rubber Co", but not "IBM and Dana Corp": the part before "and" is no
    // name the tagger closed on its own.
    if ((lower === 'and' || w === '&') && isNameWord(words[j - 1]) && !endsAt.has(j)) {
      j--;
      continue;
    }
    // "Standard and Poor 's Corp", "Moody 's Investors Service Inc".
    if ((w === "'s" || w === '’s') && isNameWord(words[j - 1]) && j + 1 === formStart) {
      j--;
      continue;
    }
    if (OF_WORDS.has(lower) && OF_HEADS.has((words[j - 1] ?? '').toLowerCase())) {
      j--;
      continue;
    }
    break;
  }
  if (start === formStart) return undefined;
  if (caseless && start > 0 && !OPENERS.has(words[start - 1] as string)) return undefined;
  return start;
};

/**
 * The spans with each company name grown to the capitalised run before its legal form (or
 * company head word); spans inside the grown name give way to it. A name a span crosses on its
 * left ("Chairman Lee Iacocca" + "Chrysler Corp") is left as the tagger had it. Linear in the
 * words: each form looks back at most MAX_WORDS words, and spans are found through a word index.
 */
export const extendCompanyNames = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  make: (start: number, end: number) => S,
  caseless: boolean,
): S[] => {
  const out: S[] = [...spans];
  const removed: boolean[] = out.map(() => false);
  const cover = new Int32Array(words.length).fill(-1);
  const endsAt = new Set<number>();
  const persons = new Set<number>();
  const index = (k: number): void => {
    const s = out[k] as S;
    cover.fill(k, s.start, s.end);
    endsAt.add(s.end);
    if (s.type === 'PERSON' && s.end - s.start >= 2) persons.add(s.end);
  };
  out.forEach((_, k) => index(k));
  for (let i = 1; i < words.length; i++) {
    if (!isForm(words[i]) || isForm(words[i + 1])) continue;
    // "Wickes Cos Inc": the name ends at the last form word, and is grown from the first.
    let formStart = i;
    while (formStart > 0 && isLegalForm(words[formStart - 1] as string)) formStart--;
    const start = nameStart(words, formStart, endsAt, persons, caseless);
    if (start === undefined) continue;
    const end = i + 1;
    const inside: number[] = [];
    let crossing = false;
    for (let w = start; w < end; w++) {
      const k = cover[w] as number;
      if (k < 0 || removed[k] === true) continue;
      const s = out[k] as S;
      if (s.start < start || s.end > end) crossing = true;
      inside.push(k);
    }
    if (crossing) continue;
    const same = out[cover[start] as number];
    if (same !== undefined && same.start === start && same.end === end && same.type === 'ORG') {
      continue;
    }
    for (const k of inside) removed[k] = true;
    out.push({ ...make(start, end), type: 'ORG', typedByCue: true });
    removed.push(false);
    index(out.length - 1);
  }
  return out.filter((_, k) => removed[k] !== true).sort((a, b) => a.start - b.start);
};
