import type { EntityType } from '../../kb/kb-types.js';

/**
 * What a name is, said by the common noun written right before it: "clearing agencies Cedel and
 * Euroclear", "its unit Dana Credit Corp", "Premiership side Newcastle United", "the newspaper Il
 * Sole". News introduces unfamiliar organisations this way, and the tagger, which types from the
 * names it was trained on, reads an unknown one as a person or a place. Only nouns that never
 * stand before a person's or a place's name are listed ("leader", "minister", "city" do).
 */
const ORG_NOUNS = new Set(
  `agency agencies newspaper newspapers daily weekly magazine broadcaster company companies firm
  firms unit subsidiary subsidiaries bank banks insurer insurers broker brokerage carrier carriers
  airline airlines automaker carmaker conglomerate retailer retailers rival rivals side sides club
  clubs outfit party parties group groups lender lenders exchange manufacturer maker producer
  refiner distributor`.split(/\s+/),
);

/**
 * ORG when the word before `start` is one of those nouns, written in lower case. `start` is the
 * name's first word; a name coordinated with it ("Cedel and Euroclear") is the caller's to type.
 */
export const precedingNounCue = (
  words: readonly string[],
  start: number,
): EntityType | undefined => {
  const before = words[start - 1];
  return before !== undefined && ORG_NOUNS.has(before) ? 'ORG' : undefined;
};
