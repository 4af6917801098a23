import type { EntityType } from '../../kb/kb-types.js';

/**
 * Words that say what kind of name they sit in ("Labour Party", "Bank of England", "Ohio
 * River"). As features they let the tagger carry what it learnt from the keywords common in news
 * ("Party", "Ministry", "University") to ones news rarely uses ("Records", "FC", "Orchestra"),
 * because all of them fire the same feature.
 */
const KEYWORDS = new Map<string, EntityType>();
const add = (type: EntityType, words: string): void => {
  for (const w of words.split(/\s+/)) if (w !== '') KEYWORDS.set(w, type);
};
add(
  'ORG',
  `party council committee ministry department agency association union club team bank institute
  alliance organisation organization federation commission parliament congress senate court fund
  foundation university college school academy company corporation corp corp. inc inc. ltd ltd.
  plc llc co co. group holdings industries systems technologies aerospace airlines airways
  records studios pictures entertainment media broadcasting network press publishing
  band orchestra choir ensemble quartet trio league conference society fc f.c. afc united rovers
  athletic wanderers police army navy force forces command corps guard brigade regiment battalion
  division squadron fleet church cathedral hospital museum library agency bureau office board
  authority service services trust`,
);
add(
  'LOC',
  `sea ocean river mountains mountain mount valley canal peninsula gulf strait island islands lake
  desert coast bay basin plateau channel county province state region district city town village
  park forest creek hills street road avenue square airport station bridge stadium port harbour
  harbor`,
);

export const nameKeywordType = (normalisedWord: string): EntityType | undefined =>
  KEYWORDS.get(normalisedWord);
