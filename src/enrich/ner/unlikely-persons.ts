import type { EntityType } from '../../kb/kb-types.js';
import type { TypedSpan } from './merge-kb-spans.js';
import { nameKeywordType } from './name-keywords.js';
import { demonymWords } from './country-names.js';

/**
 * Spans the tagger calls a person whose words say otherwise:
 * - a one-word "person" that is itself an organisation's keyword ("Rovers did the double",
 *   "United made it 13 wins") and follows no other capitalised word is the organisation it
 *   stands for;
 * - "the Scot", "the Dutchman", "the Bulgarian": a name does not take the article, a nationality
 *   noun does (NORP, like a demonym);
 * - a lone demonym ("Welsh rugby fans", "the Welsh legions") is a nationality (NORP), though
 *   "Welsh" is also a surname: after a given name it is part of a two-word span, never alone;
 * - a waterway's or a ground's head word ends it ("St Lawrence Seaway", "St James ' Park") when
 *   it opens with no given name.
 */
const NATIONALITY_NOUNS = new Set(
  `scot scots briton britons dane danes swede swedes finn finns pole poles turk turks greek greeks
  czech czechs slovak swiss frenchman frenchwoman englishman englishwoman irishman irishwoman
  welshman welshwoman dutchman dutchwoman scotsman scotswoman spaniard spaniards kiwi aussie`.split(
    /\s+/,
  ),
);
const NATIONALITY_ENDING = /(?:ian|ese)$/;
const PLACE_HEADS: Readonly<Record<string, EntityType>> = {
  seaway: 'LOC',
  waterway: 'LOC',
  park: 'FACILITY',
};

export const retypeUnlikelyPersons = <S extends TypedSpan>(
  words: readonly string[],
  spans: readonly S[],
  isGivenName: (word: string) => boolean,
): S[] =>
  spans.map((s) => {
    if (s.type !== 'PERSON' || s.ids.length > 0) return s;
    const first = words[s.start] as string;
    if (s.end - s.start === 1) {
      const w = first.toLowerCase();
      // Only a word standing alone: after another capitalised word ("Foreign Ministry") the
      // tagger cut a longer name short, and the type of a broken span is no gain.
      const alone = !/^\p{Lu}/u.test(words[s.start - 1] ?? '');
      if (alone && nameKeywordType(w) === 'ORG') return { ...s, type: 'ORG' };
      if (demonymWords().has(w) && !isGivenName(first)) return { ...s, type: 'NORP' };
      const article = (words[s.start - 1] ?? '').toLowerCase() === 'the';
      if (article && (NATIONALITY_NOUNS.has(w) || NATIONALITY_ENDING.test(w))) {
        return { ...s, type: 'NORP' };
      }
      return s;
    }
    const head = PLACE_HEADS[(words[s.end - 1] as string).toLowerCase()];
    return head !== undefined && !isGivenName(first) ? { ...s, type: head } : s;
  });
