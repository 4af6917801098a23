import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Sports clubs whose names say so by their form, which the tagger, trained on little sport, cuts
 * or mistypes ("Real" a person and "Madrid" a place):
 * - a club word before a town ("Real Madrid", "Borussia Dortmund", "Dynamo Kiev", "AC Milan")
 *   is one club, anywhere; before any capitalised name ("Real Betis") in a sports report;
 * - a club's last word after a town ("Manchester City", "Aston Villa", "Derby County") makes a
 *   club in a sports report (elsewhere "Mexico City" and "Kent County" are places).
 */
const CLUB_PREFIXES = new Set(
  `real atletico atlético sporting dynamo dinamo spartak lokomotiv torpedo cska inter olympique
  borussia eintracht hertha bayer fortuna werder racing deportivo ac fc sc sv vfb vfl tsv psv
  steaua rapid slavia sparta partizan hajduk legia`.split(/\s+/),
);
/** Last words of a club's name in a sports report ("Manchester City", "Blackburn Rovers"). */
const CLUB_HEADS = new Set(
  `united city rovers wanderers athletic albion town county rangers hotspur argyle thistle orient
  villa forest wednesday academicals`.split(/\s+/),
);

export const isClubPrefix = (word: string): boolean => CLUB_PREFIXES.has(word.toLowerCase());

const isCapitalised = (w: string | undefined): boolean => /^\p{Lu}/u.test(w ?? '');

export interface ClubContext {
  /** Words [start, end) are exactly one known place. */
  readonly isKnownPlace: (start: number, end: number) => boolean;
  /** The sentence is a match report or belongs to a sports report. */
  readonly sports: boolean;
}

/** Most words a club's name holds after its club word ("Real Sociedad", "Sporting Lisbon"). */
const MAX_AFTER_PREFIX = 2;

export const retypeClubNames = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  ctx: ClubContext,
  make: (start: number, end: number) => S,
): S[] => {
  let out = [...spans];
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i] as string;
    if (!isCapitalised(w) || !isClubPrefix(w) || !isCapitalised(words[i + 1])) continue;
    let end = i + 1;
    while (end < words.length && end - i <= MAX_AFTER_PREFIX && isCapitalised(words[end])) end++;
    // "Real Madrid": the town alone after the club word, when the run is longer.
    if (!ctx.isKnownPlace(i + 1, end) && ctx.isKnownPlace(i + 1, i + 2)) end = i + 2;
    if (!ctx.sports && !ctx.isKnownPlace(i + 1, end)) continue;
    // A span reaching outside the club's words is another reading of a longer name; leave it.
    if (out.some((s) => s.start < end && i < s.end && (s.start < i || s.end > end))) continue;
    if (out.some((s) => s.start === i && s.end === end && s.type === 'ORG')) continue;
    out = out.filter((s) => !(s.start < end && i < s.end));
    out.push({ ...make(i, end), type: 'ORG', typedByCue: true });
    i = end - 1;
  }
  if (ctx.sports) {
    out = out.map((s) =>
      s.end - s.start >= 2 &&
      s.type !== 'ORG' &&
      s.type !== 'PERSON' &&
      CLUB_HEADS.has((words[s.end - 1] as string).toLowerCase())
        ? { ...s, type: 'ORG', typedByCue: true }
        : s,
    );
  }
  return out.sort((a, b) => a.start - b.start);
};
