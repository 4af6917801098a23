/**
 * What happened to the counted thing, read from the words around a figure: "killed 7 civilians"
 * and "injured 10 civilians" are two measures, not a conflict. The nearest cue within the clause
 * wins; none leaves the measure without a predicate.
 */
const PREDICATES: readonly (readonly [string, RegExp])[] = [
  [
    'killed',
    /\b(?:kill(?:ed|s|ing)?|dead|died|deaths?|death toll|lost (?:their|his|her) lives|perished|fatalities)\b/gi,
  ],
  ['wounded', /\b(?:wound(?:ed|s|ing)?|injur(?:ed|ies|y|ing)|hurt)\b/gi],
  ['found', /\b(?:found|discovered|exhumed|bod(?:y|ies))\b/gi],
  [
    'destroyed',
    /\b(?:destroy(?:ed|s|ing)?|shot down|downed|eliminated|liquidated|neutrali[sz]ed)\b/gi,
  ],
  [
    'captured',
    /\b(?:captur(?:ed|es|ing)|prisoners?|taken prisoner|surrender(?:ed)?|detained|arrested)\b/gi,
  ],
  ['evacuated', /\b(?:evacuat(?:ed|ion|ing))\b/gi],
  ['displaced', /\b(?:fled|refugees?|displaced)\b/gi],
  [
    'supplied',
    /\b(?:sen[dt]|sending|deliver(?:ed|ing|y|ies)?|suppl(?:y|ied|ying)|transfer(?:red|ring)?|donat(?:ed|e|ing|ion)|provid(?:e|ed|ing))\b/gi,
  ],
  [
    'pledged',
    /\b(?:pledg(?:e|ed|es)|commit(?:ted|ment)?|promis(?:e|ed)|announc(?:e|ed)|approv(?:e|ed)|allocat(?:e|ed)|package)\b/gi,
  ],
  [
    'bought',
    /\b(?:order(?:ed|s)?|purchas(?:e|ed|es)|buy(?:ing)?|bought|acquir(?:e|ed)|contract)\b/gi,
  ],
  ['deployed', /\b(?:deploy(?:ed|s|ing|ment)?|stationed|based)\b/gi],
  [
    'membership',
    /\b(?:expand(?:ed|s|ing)?|expansion|join(?:ed|s)?|members?|include[ds]?|gather(?:ed)?|convene[ds]?)\b/gi,
  ],
  [
    'spent',
    /\b(?:cost(?:s|ing)?|worth|valued|budget|spend(?:ing)?|spent|invest(?:ed|ment|ing)?)\b/gi,
  ],
];

const WINDOW_BEFORE = 70;
const WINDOW_AFTER = 50;

export const predicateNear = (
  sentence: string,
  figureStart: number,
  figureEnd: number,
): string | undefined => {
  // Clause bounds: a semicolon, or a comma followed by "and/while/but", ends one statement.
  const before = sentence.slice(Math.max(0, figureStart - WINDOW_BEFORE), figureStart);
  // ", including 10 children," sits between a count and its verb: skip it.
  const after = sentence
    .slice(figureEnd, figureEnd + WINDOW_AFTER + 40)
    .replace(/^\s*,\s*including\b[^,.;]{0,40},/i, ' ')
    .slice(0, WINDOW_AFTER);
  const clauseBefore = before.split(/[;:,]|\band\b(?=[^,]*\d)/i).at(-1) ?? '';
  const clauseAfter = after.split(/[;:,.]|\band\b/i)[0] ?? '';
  // A cue before the figure in its clause governs it ("the bodies of 6 civilians killed" were
  // found); only without one does a cue after it ("4 people died").
  const nearest = (
    clause: string,
    fromEnd: boolean,
  ): { name: string; distance: number } | undefined => {
    let best: { name: string; distance: number } | undefined;
    for (const [name, re] of PREDICATES)
      for (const m of clause.matchAll(re)) {
        const distance = fromEnd ? clause.length - (m.index + m[0].length) : m.index;
        if (!best || distance < best.distance) best = { name, distance };
      }
    return best;
  };
  // A cue right after the figure is its own ("1,964 killed and 2,613 injured": 2,613 are injured,
  // though "killed" is the nearest cue before it).
  const adjacent = nearest(clauseAfter, false);
  if (
    adjacent &&
    /^\s*(?:(?:were|was|are|have been|has been|had been|more|others?)\s+){0,2}$/i.test(
      clauseAfter.slice(0, adjacent.distance),
    )
  )
    return adjacent.name;
  return (nearest(clauseBefore, true) ?? adjacent)?.name;
};

/** Counts for one day ("in a day", "over the past day", "yesterday"): each day is its own quantity. */
export const PER_DAY_RE =
  /\b(?:(?:in|during|over|for) (?:the|one|a|that) (?:past )?day|yesterday|overnight|last night|at night|this morning|tonight|in a day|in day|(?:the )?last day|per day|daily|today|in the past 24 hours|over the past 24 hours)\b/i;
