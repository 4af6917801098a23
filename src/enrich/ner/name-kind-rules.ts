import { isLegalForm } from './company-names.js';
import type { EntityType } from '../../kb/kb-types.js';
import type { WordSpan } from './entity-spans.js';
import { nameKeywordType } from './name-keywords.js';

/**
 * Rules applied to the tagger's spans that follow the CoNLL/analyst convention where the news the
 * tagger learnt from says little: coordinated names are separate entities, a battle or an award
 * is not the place or organisation inside it, a quoted title is a work, and a hull or airframe
 * designation names a platform.
 */

/** Prefixes of ship names ("USS Mahan", "HMS Ocean"). */
const SHIP_PREFIXES = new Set(['USS', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'INS', 'USNS', 'RFS', 'ARA']);

/** "F-35", "MiG-29", "Su-27", "EC-130": letters, a hyphen, digits. */
const DESIGNATION = /^\p{Lu}[\p{L}]{0,3}-\d{1,4}\p{L}?$/u;
const MIXED_CASE_DESIGNATION = /^\p{Lu}\p{Ll}+\p{Lu}?-\d/u;

/** Last words that make a name an event, award or contest rather than an organisation or place. */
const EVENT_HEADS = new Set(
  'award awards trophy cup cups prize medal war battle siege campaign festival olympics championship championships tournament bowl tour marathon'.split(
    ' ',
  ),
);

/** Last words of named days and periods. */
const PERIOD_HEADS = new Set(['day', 'ages', 'era']);

/** "Battle of Antietam", "Siege of Petersburg": the place names the event, the span is the event. */
const EVENT_OF = new Set(['battle', 'battles', 'siege', 'sack', 'campaign']);

const ORDINAL = /^\d+(st|nd|rd|th|d)$/;
const ORDINAL_WORDS = new Set(
  'First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth'.split(' '),
);
/** Last words of military units, which a bare number may precede ("4 Air Defense Wing"). */
const UNIT_HEADS = new Set(
  'wing force division squadron group army corps fleet brigade regiment battalion infantry cavalry artillery'.split(
    ' ',
  ),
);
const NAME_SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);

/** Nouns that introduce a work's title ("the film The Last Emperor", "the song Sukiyaki"). */
const WORK_NOUNS = new Set(
  'film movie song album novel book episode poem opera musical documentary painting'.split(' '),
);

const QUOTES = new Set(['"', '“', '”', '``', "''"]);
/** Words a title may have in lower case ("Santa Through the Back Door", "Give It to Me"). */
const TITLE_SMALL_WORDS = new Set(
  'a an the of and or to in on for with from by at as but nor'.split(' '),
);
const MAX_TITLE_WORDS = 10;

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
/** Words of a firm's tail after "and" ("Smith and Sons", "Harris Bank and Trust Co"). */
const FIRM_TAILS = new Set(['sons', 'son', 'partners', 'associates', 'brothers', 'trust']);

const hasOrgHead = (name: readonly string[]): boolean =>
  nameKeywordType((name[name.length - 1] ?? '').toLowerCase()) === 'ORG';

/**
 * [start, end) of the quoted stretch that holds the span when it reads like a title (every word
 * capitalised but the small ones), else undefined.
 */
const quotedTitleAround = (
  words: readonly string[],
  start: number,
  end: number,
): { start: number; end: number } | undefined => {
  let open = start - 1;
  while (open >= 0 && start - open <= MAX_TITLE_WORDS && !QUOTES.has(words[open] as string)) open--;
  if (open < 0 || !QUOTES.has(words[open] as string)) return undefined;
  let close = end;
  while (
    close < words.length &&
    close - open <= MAX_TITLE_WORDS &&
    !QUOTES.has(words[close] as string)
  )
    close++;
  if (close >= words.length || !QUOTES.has(words[close] as string)) return undefined;
  const inner = words.slice(open + 1, close);
  if (inner.length === 0 || !isCapitalised(inner[0] as string)) return undefined;
  const titleLike = inner.every(
    (w) => isCapitalised(w) || TITLE_SMALL_WORDS.has(w) || /^[\p{P}\d]+$/u.test(w),
  );
  return titleLike ? { start: open + 1, end: close } : undefined;
};

/**
 * Splits "Dallas Morning News and Houston Post" and "Osijek-Baranja County , Croatia" into their
 * names. "and" splits only between two names of two words or more with no "of" on the left, so
 * "Bosnia and Herzegovina", "Marks and Spencer", "Department of Health and Human Services" and
 * "Food and Agriculture Organization" stay whole; a comma splits unless an abbreviation follows ("Washington , D.C.").
 */
export const splitCoordinated = <S extends WordSpan>(
  words: readonly string[],
  spans: readonly S[],
  /** A type for a part split off, when it reads as another kind ("P. Diddy , Cameron Diaz"). */
  retypePart?: (start: number, end: number) => S['type'] | undefined,
  /** Whether words [start, end) are exactly one known place name ("Syria", "United Arab Emirates"). */
  isKnownPlace?: (start: number, end: number) => boolean,
): S[] =>
  spans.flatMap((span) => {
    // "Syria and Iraq", "United Arab Emirates and Jordan": two known places, though the whole is
    // not one ("Bosnia and Herzegovina" is).
    const placeAnd =
      isKnownPlace !== undefined && !isKnownPlace(span.start, span.end)
        ? (from: number, i: number): boolean =>
            isKnownPlace(from, i) && isKnownPlace(i + 1, span.end)
        : undefined;
    const parts: S[] = [];
    let from = span.start;
    for (let i = span.start + 1; i < span.end - 1; i++) {
      const w = words[i] as string;
      const next = words[i + 1] as string;
      let split = false;
      if (w === ',' || w === '/' || w === ';') {
        split = !/^\p{Lu}\.(\p{Lu}\.)*$|^(Inc|Jr|Sr|Ltd)\.?$/u.test(next);
      } else if (w === 'and') {
        const left = words.slice(from, i);
        const right = words.slice(i + 1, span.end);
        split =
          left.length >= 2 &&
          right.length >= 2 &&
          !left.some((x) => x === 'of' || x === 'de' || x === 'for') &&
          isCapitalised(next) &&
          // "Food and Agriculture Organization": only the right part has a head.
          !(hasOrgHead(right) && !hasOrgHead(left));
        // "Deutsche Bank and Commerzbank": a left part that ends in an organisation's head word
        // is a whole name, unless the right part is the firm's tail ("Bank and Trust Co").
        if (!split && left.length >= 2 && hasOrgHead(left) && isCapitalised(next)) {
          const last = (right[right.length - 1] as string).toLowerCase();
          split = !left.includes('of') && !isLegalForm(last) && !FIRM_TAILS.has(last);
        }
        if (right.every((x) => isLegalForm(x) || FIRM_TAILS.has(x.toLowerCase()))) split = false;
        if (!split && placeAnd !== undefined) split = placeAnd(from, i);
      }
      if (!split) continue;
      if (i > from) parts.push({ ...span, start: from, end: i });
      from = i + 1;
    }
    if (from === span.start) return [span];
    if (span.end > from) parts.push({ ...span, start: from, end: span.end });
    if (retypePart === undefined) return parts;
    return parts.map((p) => {
      const type = retypePart(p.start, p.end);
      return type === undefined ? p : { ...p, type };
    });
  });

/**
 * The span as the rules retype or reshape it, or undefined when it names a work (a quoted title)
 * rather than an entity. Spans no rule covers come back unchanged.
 */
export const applyNameKindRules = <S extends WordSpan>(
  words: readonly string[],
  span: S,
): (S & { type: EntityType | S['type'] }) | undefined => {
  const first = words[span.start] as string;
  const last = (words[span.end - 1] as string).toLowerCase();
  if (SHIP_PREFIXES.has(first) && span.end - span.start >= 2) return { ...span, type: 'WEAPON' };
  if (
    (DESIGNATION.test(first) && (span.end - span.start >= 2 || /\p{Ll}/u.test(first))) ||
    MIXED_CASE_DESIGNATION.test(first)
  ) {
    return { ...span, type: 'WEAPON' };
  }
  // "65th Air Division", "Fourth Air Force": the number is part of a unit's name.
  const before = words[span.start - 1] ?? '';
  if (
    (span.type === 'ORG' || span.type === 'UNIT') &&
    (ORDINAL.test(before) ||
      ((/^\d{1,3}$/.test(before) || ORDINAL_WORDS.has(before)) && UNIT_HEADS.has(last)))
  ) {
    return { ...span, start: span.start - 1 };
  }
  // "Clay Tice Jr.", "Glenn A. Profitt II".
  if (span.type === 'PERSON' && NAME_SUFFIXES.has(words[span.end] ?? '')) {
    return { ...span, end: span.end + 1 };
  }
  // "Battle of the Bulge": the tagger saw only "Bulge".
  const of = words[span.start - 1] === 'the' ? span.start - 2 : span.start - 1;
  const head = words[of - 1];
  if (
    words[of] === 'of' &&
    head !== undefined &&
    EVENT_OF.has(head.toLowerCase()) &&
    isCapitalised(head)
  ) {
    return { ...span, start: of - 1, type: 'EVENT' };
  }
  // "the Cup" alone is the trophy too; "Armistice Day" and "the Middle Ages" are times, but
  // "Doris Day" is a person.
  if (EVENT_HEADS.has(last)) return { ...span, type: 'EVENT' };
  if (span.end - span.start >= 2 && span.type !== 'PERSON' && PERIOD_HEADS.has(last)) {
    return { ...span, type: 'EVENT' };
  }
  // "Operation Market Garden": a military operation is an event to an analyst.
  if (first === 'Operation' && span.end - span.start >= 2) return { ...span, type: 'EVENT' };
  const cue = words[span.start - 1] === ',' ? words[span.start - 2] : words[span.start - 1];
  if (cue !== undefined && WORK_NOUNS.has(cue)) return undefined;
  const quoted = quotedTitleAround(words, span.start, span.end);
  if (
    quoted !== undefined &&
    (quoted.end - quoted.start >= 3 || quoted.start !== span.start || quoted.end !== span.end)
  ) {
    return undefined;
  }
  return span;
};

/**
 * Gold spans of the training corpora moved to the convention above: GMB writes "World Cup" and
 * "Nobel Prize" as organisations and "European Union and United States" as one name.
 */
export const conventionalGold = <S extends WordSpan>(
  words: readonly string[],
  spans: readonly S[],
): S[] =>
  splitCoordinated(words, spans).map((s) =>
    (s.type === 'ORG' || s.type === 'GPE' || s.type === 'PERSON') &&
    s.end - s.start >= 2 &&
    EVENT_HEADS.has((words[s.end - 1] as string).toLowerCase())
      ? { ...s, type: 'EVENT' }
      : s,
  );
