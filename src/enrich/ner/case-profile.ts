/**
 * How a word is usually written inside a sentence, learnt from unlabelled text: a name is
 * capitalised nearly every time ("Commerzbank", "Japan"), a common word nearly never ("get",
 * "win"), an acronym is in capitals ("NATO"). The tagger reads the bucket as a feature, which
 * is what lets it find names in text with no case to go by (capitalised headlines, "JAPAN GET
 * LUCKY WIN") and type names it never saw labelled. Built by scripts/train-ner.ts and saved in
 * the model.
 */

/** A: almost always capitalised, M: mostly, m: sometimes, L: almost never, U: in capitals. */
export type CaseBucket = 'A' | 'M' | 'm' | 'L' | 'U';

export type CaseProfile = ReadonlyMap<string, CaseBucket>;

interface Counts {
  total: number;
  capitalised: number;
  upper: number;
}

/** Characters after which a word may be capitalised only because a sentence starts there. */
const SENTENCE_OPENERS = new Set([
  '',
  '.',
  '!',
  '?',
  ':',
  ';',
  '"',
  '“',
  '‘',
  "'",
  '(',
  '[',
  '—',
  '-',
  '–',
  '|',
  '*',
  '•',
]);

const WORD = /\p{L}[\p{L}\p{M}'’.&-]*/gu;

/** Counts the case of every word not at a line's or a sentence's start, skipping capitalised lines. */
export class CaseCounter {
  private readonly counts = new Map<string, Counts>();

  addLine(line: string): void {
    const letters = line.replace(/[^\p{L}]/gu, '');
    // A headline in capitals says nothing about how its words are usually written.
    if (letters.length >= 8 && letters === letters.toUpperCase()) return;
    for (const m of line.matchAll(WORD)) {
      const raw = m[0].replace(/[.'’&-]+$/u, '');
      if (raw.length === 0) continue;
      let k = (m.index ?? 0) - 1;
      while (k >= 0 && line.charAt(k) === ' ') k--;
      if (SENTENCE_OPENERS.has(k < 0 ? '' : line.charAt(k))) continue;
      const lw = raw.toLowerCase().replace(/[’‘]/g, "'");
      let c = this.counts.get(lw);
      if (c === undefined) {
        c = { total: 0, capitalised: 0, upper: 0 };
        this.counts.set(lw, c);
      }
      c.total++;
      const first = raw.charAt(0);
      if (first !== first.toLowerCase()) c.capitalised++;
      if (raw.length > 1 && raw === raw.toUpperCase() && raw !== lw) c.upper++;
    }
  }

  /** Buckets of the words seen at least `minCount` times. */
  profile(minCount: number): Map<string, CaseBucket> {
    const out = new Map<string, CaseBucket>();
    for (const [w, c] of [...this.counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c.total < minCount) continue;
      const cap = c.capitalised / c.total;
      out.set(
        w,
        c.upper / c.total >= 0.8
          ? 'U'
          : cap >= 0.9
            ? 'A'
            : cap >= 0.5
              ? 'M'
              : cap >= 0.1
                ? 'm'
                : 'L',
      );
    }
    return out;
  }
}

/** The serialised form saved in the model: bucket -> words. */
export const encodeCaseProfile = (profile: CaseProfile): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [w, b] of profile) (out[b] ??= []).push(w);
  return out;
};

export const decodeCaseProfile = (
  body: Readonly<Record<string, readonly string[]>>,
): CaseProfile => {
  const out = new Map<string, CaseBucket>();
  for (const [b, words] of Object.entries(body)) for (const w of words) out.set(w, b as CaseBucket);
  return out;
};

/** The bucket of a word ("?" when unseen), as the feature string's suffix. */
export const caseBucketOf = (profile: CaseProfile | undefined, word: string): string =>
  profile?.get(word.toLowerCase().replace(/[’‘]/g, "'")) ?? '?';

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * A line with no case to go by (all capitals, or a headline with every word capitalised) written
 * as running text would write it: names capitalised, acronyms in capitals, other words in lower
 * case. Words the profile never saw keep a capital, as an unknown word in a headline is most
 * often a name. The first word keeps its capital like any sentence start.
 */
export const trueCase = (words: readonly string[], profile: CaseProfile): string[] =>
  words.map((w, i) => {
    if (!/\p{L}/u.test(w)) return w;
    const bucket = profile.get(w.toLowerCase().replace(/[’‘]/g, "'"));
    if (bucket === 'U') return w.toUpperCase();
    if (bucket === 'A' || bucket === 'M' || bucket === undefined) {
      return w === w.toUpperCase() && w.length <= 4 && bucket === undefined ? w : capitalise(w);
    }
    return i === 0 ? capitalise(w) : w.toLowerCase();
  });
