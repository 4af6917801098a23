/**
 * How one document writes its own words in running text. A wire story opens with a headline in
 * capitals ("FRANKLIN COMPUTER CORP GETS COURT ORDER") whose names its body spells out in mixed
 * case ("Franklin Computer Corp said ..."): the body's casing of the same word restores the
 * headline better than a general profile, which writes "computer" in lower case. Needs no shipped
 * data; words the body does not use fall back to the model's case profile.
 */
import { CaseCounter, trueCase, type CaseProfile } from './case-profile.js';
import { isMatchReport } from './sports-context.js';

/** A line with no case to go by: all capitals, or a headline with every word capitalised. */
export const isCaselessLine = (words: readonly string[]): boolean => {
  const letters = words.filter((w) => /\p{L}/u.test(w));
  const capitalised = letters.filter((w) => /^\p{Lu}/u.test(w)).length;
  return (
    (letters.length >= 3 && letters.every((w) => w === w.toUpperCase())) ||
    (letters.length >= 4 &&
      capitalised >= 0.8 * letters.length &&
      !/[.!?]$/.test(words[words.length - 1] ?? ''))
  );
};

/** How a document's lines with case write its words, and which word pairs it capitalises together. */
export interface DocumentCase {
  readonly words: CaseProfile;
  /** "franklin computer": two neighbours both capitalised inside a sentence. */
  readonly namePairs: ReadonlySet<string>;
  /**
   * The document is a sports report: at least two of its sentences, and one in eight, read as
   * match reports (a score, a match word), so its other sentences name clubs after towns as well
   * ("City 's best chance"). A long article with a few results in it (a town's history and its
   * football club) is no sports report.
   */
  readonly sports?: boolean;
}

/** Match-report sentences that make a whole document a sports report: a count and a share. */
const SPORTS_SENTENCES = 2;
const SPORTS_SHARE = 1 / 8;

const key = (w: string): string => w.toLowerCase().replace(/[’‘]/g, "'");
const isCapitalisedWord = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);

/** The case of a document's words in its lines that have case (sentence starts skipped). */
export const documentCase = (sentences: readonly (readonly string[])[]): DocumentCase => {
  const counter = new CaseCounter();
  const namePairs = new Set<string>();
  let reports = 0;
  for (const words of sentences) {
    if (isMatchReport(words)) reports++;
    if (isCaselessLine(words)) continue;
    counter.addLine(words.join(' '));
    for (let i = 1; i + 1 < words.length; i++) {
      if (isCapitalisedWord(words[i]) && isCapitalisedWord(words[i + 1])) {
        namePairs.add(`${key(words[i] as string)} ${key(words[i + 1] as string)}`);
      }
    }
  }
  return {
    words: counter.profile(1),
    namePairs,
    sports: reports >= SPORTS_SENTENCES && reports >= SPORTS_SHARE * sentences.length,
  };
};

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * A caseless line written as running text would write it (trueCase with the model's profile),
 * then corrected by the document's own text: a word the body only writes in lower case is lower
 * case; a word the profile lowers ("computer") is capitalised when the body capitalises it next
 * to the same neighbour ("Franklin Computer Corp"). A capital inside another name ("New Zealand
 * Futures Exchange") does not capitalise "FUTURES" in "N.Z. FUTURES VOLUMES".
 */
export const restoreCase = (
  words: readonly string[],
  profile: CaseProfile,
  doc: DocumentCase | undefined,
): string[] => {
  const restored = trueCase(words, profile);
  if (doc === undefined) return restored;
  const pairHas = (a: number, b: number): boolean =>
    a >= 0 &&
    b < words.length &&
    doc.namePairs.has(`${key(words[a] as string)} ${key(words[b] as string)}`);
  return restored.map((w, i) => {
    if (!/\p{L}/u.test(w) || i === 0) return w;
    const bucket = doc.words.get(key(w));
    if (bucket === 'L' && /^\p{Lu}/u.test(w)) return w.toLowerCase();
    if (w === w.toLowerCase() && (pairHas(i - 1, i) || pairHas(i, i + 1))) return capitalise(w);
    return w;
  });
};
