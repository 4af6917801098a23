import type { EntityType } from '../../kb/kb-types.js';

/**
 * The last word of a name usually says what it is ("Ukraine Defense Contact Group",
 * "Ramstein Air Base", "Black Sea"). The tagger types from context and gets these wrong when the
 * rest of the name is unfamiliar, so a known head word overrides it.
 */
const HEADS: Readonly<Record<string, EntityType>> = {};
const add = (type: EntityType, words: string): void => {
  for (const w of words.split(' ')) (HEADS as Record<string, EntityType>)[w] = type;
};
add(
  'ORG',
  'force forces command division wing group corps army navy university college school company corporation corp corp. co co. cos bancorp inc. inc ltd ltd. plc llc ag sa nv gmbh exchange records party council committee ministry department agency association union club team bank institute alliance organisation organization federation commission parliament congress senate court fund foundation industries systems technologies aerospace dynamics electronics airlines airways holdings services guard police records studios pictures entertainment orchestra choir ensemble quartet league conference society fc f.c. afc academy banco banca banque caja cassa compagnie compania compañía societe société',
);
// "Christian Democrats", "Social Democrats", "Scottish Nationalists": a party named by its members.
add(
  'ORG',
  'democrats republicans socialists communists conservatives liberals nationalists unionists',
);
add('UNIT', 'brigade regiment battalion squadron fleet flotilla battery');
add(
  'FACILITY',
  'airport base station airfield stadium port harbour harbor shipyard plant factory bridge prison embassy',
);
add(
  'LOC',
  'sea ocean river mountains mount valley canal peninsula gulf strait straits island islands lake desert coast bay basin plateau channel county province region district',
);

const PERSON_INITIAL = /^\p{Lu}\.$/u;
/** "of" and its Romance forms ("Banco di Roma", "Banco do Brasil", "Caja de Madrid"). */
const OF_WORDS = new Set(['of', 'de', 'di', 'do', 'da', 'del', 'della', 'des', 'du']);

export const typeFromHead = (
  words: readonly string[],
  start: number,
  end: number,
): EntityType | undefined => {
  if (end - start >= 2) {
    // "Intercontinental Bank of Dade County", "University of Texas": before "of" stands the
    // head, and an organisation's keyword there outvotes the place the name ends with.
    for (let k = start + 1; k < end - 1; k++) {
      if (!OF_WORDS.has(words[k] as string)) continue;
      if (HEADS[(words[k - 1] as string).toLowerCase()] === 'ORG') return 'ORG';
      break;
    }
    const head = (words[end - 1] as string).toLowerCase();
    const type = HEADS[head];
    if (type !== undefined) return type;
  }
  // "Frederick H. Collier": an initial between two names.
  for (let i = start + 1; i < end - 1; i++) {
    if (PERSON_INITIAL.test(words[i] as string)) return 'PERSON';
  }
  return undefined;
};
