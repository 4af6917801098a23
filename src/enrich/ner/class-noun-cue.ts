import type { EntityType } from '../../kb/kb-types.js';

/**
 * What a name is, said in words right after it: "Atwick is a village", "Linkin Park is an
 * American rock band", "Avdiivka , a town in Donetsk". Encyclopaedias open every article this
 * way and news introduces unfamiliar names so; the tagger, which types from its training words,
 * is least sure exactly there. 'MISC' means a work ("... is a song by"), which is no entity of ours.
 */
const CLASS_NOUNS = new Map<string, EntityType | 'MISC'>();
const add = (type: EntityType | 'MISC', nouns: string): void => {
  for (const n of nouns.split(/\s+/)) if (n !== '') CLASS_NOUNS.set(n, type);
};
add(
  'GPE',
  `village hamlet town city parish municipality county district province region river lake
  mountain island suburb neighbourhood neighborhood commune country capital valley peninsula`,
);
add(
  'ORG',
  `band group company club team label station newspaper magazine party organisation organization
  university college school corporation firm network channel league association society brand
  airline manufacturer retailer publisher agency militia`,
);
add(
  'PERSON',
  `singer actor actress musician politician footballer player writer author poet painter artist
  composer rapper guitarist drummer journalist officer soldier businessman businesswoman
  entrepreneur lawyer coach`,
);
/**
 * Offices, which follow a comma in news without naming what precedes it ("In Washington , a
 * State Department spokesman said"): they count only after "is" or "was".
 */
const ROLES = new Set(
  'leader commander chief president minister spokesman spokeswoman official'.split(' '),
);
add('MISC', 'song album film novel episode anthem');

const COPULAS = new Set(['is', 'was', 'are', 'were']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words that end the noun phrase ("a member of the band", "a village and civil parish"). */
const STOPS = new Set(
  'of in from by that which who whose with for on to and or near at the a an'.split(' '),
);
const MAX_PHRASE_WORDS = 5;

/** The type the words after a name give it, when they say "is a <kind>" or ", a <kind>". */
export const classNounCue = (
  words: readonly string[],
  end: number,
): EntityType | 'MISC' | undefined => {
  let i = end;
  const comma = words[i] === ',';
  if (comma) i++;
  const copula = COPULAS.has(words[i] ?? '');
  if (copula) i++;
  if (!comma && !copula) return undefined;
  if (!ARTICLES.has((words[i] ?? '').toLowerCase())) return undefined;
  i++;
  // The last kind word of the noun phrase is its head: "a former Congolese militia leader".
  let found: EntityType | 'MISC' | undefined;
  for (let k = 0; k < MAX_PHRASE_WORDS; k++, i++) {
    const w = words[i];
    if (w === undefined || STOPS.has(w) || /^[\p{P}\p{S}]+$/u.test(w)) break;
    found = CLASS_NOUNS.get(w) ?? (copula && ROLES.has(w) ? 'PERSON' : found);
  }
  return found;
};
