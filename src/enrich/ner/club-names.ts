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
  // Which span covers each word, for the overlap checks (one pass: long lines stay linear).
  let cover: Int32Array | undefined;
  const clubs: S[] = [];
  let replaced: Uint8Array | undefined;
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i] as string;
    if (!isCapitalised(w) || !isClubPrefix(w) || !isCapitalised(words[i + 1])) continue;
    let end = i + 1;
    while (end < words.length && end - i <= MAX_AFTER_PREFIX && isCapitalised(words[end])) end++;
    // "Real Madrid": the town alone after the club word, when the run is longer.
    if (!ctx.isKnownPlace(i + 1, end) && ctx.isKnownPlace(i + 1, i + 2)) end = i + 2;
    if (!ctx.sports && !ctx.isKnownPlace(i + 1, end)) continue;
    if (cover === undefined) {
      cover = new Int32Array(words.length).fill(-1);
      spans.forEach((s, k) => cover?.fill(k, s.start, s.end));
    }
    const touching = new Set<number>();
    for (let j = i; j < end; j++) if ((cover[j] as number) >= 0) touching.add(cover[j] as number);
    const covering = [...touching].map((k) => spans[k] as S);
    // A span reaching outside the club's words is another reading of a longer name; leave it.
    if (covering.some((s) => s.start < i || s.end > end)) continue;
    const start = i;
    i = end - 1;
    if (covering.some((s) => s.start === start && s.end === end && s.type === 'ORG')) continue;
    replaced ??= new Uint8Array(spans.length);
    for (const k of touching) replaced[k] = 1;
    clubs.push({ ...make(start, end), type: 'ORG', typedByCue: true });
  }
  let out = [...spans.filter((_, k) => replaced?.[k] !== 1), ...clubs];
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
