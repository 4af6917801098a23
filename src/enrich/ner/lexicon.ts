/**
 * Name lists the tagger reads as features: given names, surnames and places (see
 * gazetteers/SOURCES.md). They travel inside the model file, so a model is always tagged with
 * the lists it was trained with.
 */
export interface LexiconLists {
  readonly firstNames: readonly string[];
  readonly surnames: readonly string[];
  readonly places: readonly string[];
}

export interface Lexicon {
  readonly lists: LexiconLists;
  readonly firstNames: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  /** Place names as lower-case words, grouped by their first word, longest first. */
  readonly placesByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const lower = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));

export const buildLexicon = (lists: LexiconLists): Lexicon => {
  const placesByFirst = new Map<string, string[][]>();
  for (const name of lists.places) {
    const words = name.toLowerCase().split(' ');
    const first = words[0] as string;
    const group = placesByFirst.get(first) ?? [];
    group.push(words);
    placesByFirst.set(first, group);
  }
  for (const group of placesByFirst.values()) group.sort((a, b) => b.length - a.length);
  return {
    lists,
    firstNames: lower(lists.firstNames),
    surnames: lower(lists.surnames),
    placesByFirst,
  };
};

/** One-name-a-line text, as in gazetteers/*.txt. */
export const parseNameList = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * "B" or "I" for each capitalised word inside the longest place name starting there; undefined
 * elsewhere. Only capitalised words start a match: "bath" and "reading" are not towns.
 */
export const placeTags = (
  words: readonly string[],
  lexicon: Lexicon,
  /** The words lower-cased, when the caller has them already. */
  lowered?: readonly string[],
): (string | undefined)[] => {
  const out = new Array<string | undefined>(words.length).fill(undefined);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const c = w.charAt(0);
    if (c === c.toLowerCase()) continue;
    const group = lexicon.placesByFirst.get(lowered?.[i] ?? w.toLowerCase());
    if (group === undefined) continue;
    for (const name of group) {
      if (i + name.length > words.length) continue;
      let ok = true;
      for (let j = 1; j < name.length; j++) {
        if ((lowered?.[i + j] ?? (words[i + j] as string).toLowerCase()) !== name[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      out[i] = 'B';
      for (let j = 1; j < name.length; j++) out[i + j] = 'I';
      i += name.length - 1;
      break;
    }
  }
  return out;
};
