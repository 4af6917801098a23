/**
 * Recognises numbered military formations by their shape ("US 5th Army Corps", "V Corps",
 * "the 47th Mechanized Brigade", "16 Air Assault Brigade") so units absent from the KB still get a
 * mention and a stable local key.
 */

export interface UnitPatternMatch {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Country or alliance prefix as written ("US", "Russian"), if any. */
  readonly prefix?: string;
  /** Stable key: lowercased, hyphenated, ordinals as digits ("us-5th-army-corps", "v-corps"). */
  readonly key: string;
}

const PREFIX =
  "U\\.S\\.|US|UK|U\\.K\\.|British|American|Russian|Russia's|Ukrainian|Ukraine's|French|German|Polish|NATO|Chinese|Israeli|Belarusian|Canadian|Italian|Dutch|Lithuanian|Romanian|Estonian|Latvian|Finnish|Swedish|Norwegian|Danish|Spanish|Turkish|Iranian|North Korean|South Korean|Japanese|Australian";

const WORD_ORDINALS =
  'First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth';

const QUALIFIER =
  'Separate|Independent|Guards|Mechani[sz]ed|Motori[sz]ed|Motor Rifle|Armou?red|Tank|Panzer|Infantry|Airborne|Air Assault|Assault|Field Artillery|Artillery|Rocket|Marine|Naval Infantry|Mountain|Special Purpose|Special Forces|Special Operations|Territorial Defen[cs]e|Cavalry|Combined Arms|Expeditionary|Rifle|Jaeger|Ranger|Fighter|Bomber|Tactical|Presidential|Coastal Defen[cs]e|Light|Heavy|Rapid Reaction|Commando|Unmanned Systems|Aviation|Logistics|Engineer|Signal|Air Defen[cs]e|Anti-Aircraft|Missile|Operational|Strategic|Multi-Domain|Stryker|Army';

const ECHELON =
  'Army Group|Army Corps|Corps|Division|Brigade Combat Team|Brigade|Regiment|Battalion Tactical Group|Battalion|Battlegroup|Battle Group|Fleet|Squadron|Wing|Flotilla|Army|Detachment|Task Force|Command';

const QUALS = `(?:(?:${QUALIFIER})\\s+){0,4}`;
const SOME_QUALS = `(?:(?:${QUALIFIER})\\s+){1,4}`;

/**
 * Ordinal + qualifiers + echelon. A spelled ordinal needs a qualifier unless the echelon is a corps,
 * army or fleet ("First Division" is a football league); a bare number needs a qualifier; Roman
 * numerals only for corps, armies and fleets.
 */
const UNIT_RE = new RegExp(
  `\\b(?:(${PREFIX})\\s+)?(?:` +
    `(?:\\d{1,3}(?:st|nd|rd|th)\\s+${QUALS}(?:${ECHELON}))` +
    `|(?:(?:${WORD_ORDINALS})\\s+(?:${SOME_QUALS}(?:${ECHELON})|(?:Army Corps|Corps|Army|Fleet)))` +
    `|(?:\\d{1,3}\\s+${SOME_QUALS}(?:Brigade|Regiment|Battalion|Division|Squadron|Wing))` +
    `|(?:[IVX]{1,5}\\s+(?:(?:Airborne|Armou?red|Marine Expeditionary|Expeditionary)\\s+)?(?:Corps|Army|Fleet))` +
    `|(?:Task Force\\s+\\p{Lu}\\p{L}+)` +
    `)\\b`,
  'gu',
);

const WORD_TO_NUMBER: Readonly<Record<string, string>> = {
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
  eleventh: '11th',
  twelfth: '12th',
};

const keyOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/u\.s\./g, 'us')
    .replace(/u\.k\./g, 'uk')
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => WORD_TO_NUMBER[w] ?? (w === 'armoured' ? 'armored' : w.replace(/ised$/, 'ized')))
    .join('-');

export const findUnitMentions = (text: string): UnitPatternMatch[] => {
  const out: UnitPatternMatch[] = [];
  for (const m of text.matchAll(UNIT_RE)) {
    const whole = m[0];
    const prefix = m[1];
    out.push({
      text: whole,
      start: m.index,
      end: m.index + whole.length,
      ...(prefix ? { prefix } : {}),
      key: keyOf(whole),
    });
  }
  return out;
};

/** The unit text without its country prefix, for KB lookups ("US 5th Army Corps" -> "5th Army Corps"). */
export const withoutPrefix = (match: UnitPatternMatch): string =>
  match.prefix ? match.text.slice(match.prefix.length).trimStart() : match.text;
