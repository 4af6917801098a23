import type { TypedSpan } from './merge-kb-spans.js';

/**
 * Competitions and events are named like organisations ("Champions League", "World Cup",
 * "Monaco Grand Prix", "European Indoors", "US Open") and the tagger reads them as ORG, or as a
 * place after their first word. They are events: typed EVENT, they are no organisation an analyst
 * would follow, and no annotation convention counts them as one.
 */
const EVENT_HEADS = new Set(
  `cup cups championship championships trophy prix olympics olympiad paralympics indoors open
  final finals tournament marathon`.split(/\s+/),
);
/** "Olympic Games", "Commonwealth Games", not "Rockstar Games". */
const GAMES_QUALIFIERS = new Set(
  'olympic commonwealth asian paralympic pan winter summer youth goodwill world mediterranean african'.split(
    ' ',
  ),
);
/**
 * A league whose name says it is a competition, not a body ("Arab League"). A national league
 * ("Premier League", "Premiership") is also the company that runs it and is read as either, so
 * it is left to the tagger.
 */
const COMPETITION_LEAGUES = new Set(['champions', 'europa']);
const LEAGUE_NAMES = new Set('bundesliga eredivisie'.split(' '));
const TIER = /^(?:one|two|three|\d)$/i;

const RETYPED = new Set(['ORG', 'PERSON', 'GPE', 'LOC', 'FACILITY']);

export const isEventName = (name: readonly string[]): boolean => {
  const lower = name.map((w) => w.toLowerCase());
  const head = lower[lower.length - 1] as string;
  const first = lower[0] as string;
  if (lower.length === 1) return LEAGUE_NAMES.has(head);
  if (EVENT_HEADS.has(head)) return true;
  if (head === 'games') return GAMES_QUALIFIERS.has(lower[lower.length - 2] as string);
  if (head === 'league') return COMPETITION_LEAGUES.has(first);
  return first === 'league' && lower.length === 2 && TIER.test(head);
};

/** Spans over a competition's name typed EVENT (with the cue mark, so the document agrees). */
export const retypeEvents = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] =>
  spans.map((s) =>
    RETYPED.has(s.type) && isEventName(words.slice(s.start, s.end))
      ? { ...s, type: 'EVENT', typedByCue: true }
      : s,
  );
