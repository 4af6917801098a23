/**
 * Words that make up titles before a name ("President", "Defense Secretary", "Lt. Gen.").
 * GMB and re3d put titles inside PERSON spans; CoNLL, wikigold and analysts do not, so the
 * trainer strips them and the tagger learns names alone.
 */
export const TITLE_WORDS = new Set(
  [
    'president',
    'vice',
    'prime',
    'minister',
    'premier',
    'chancellor',
    'secretary',
    'secretary-general',
    'general',
    'gen.',
    'gen',
    'lt.',
    'lt',
    'lieutenant',
    'col.',
    'col',
    'colonel',
    'maj.',
    'major',
    'capt.',
    'captain',
    'brig.',
    'brigadier',
    'adm.',
    'admiral',
    'sgt.',
    'sergeant',
    'spc.',
    'cpl.',
    'commander',
    'cmdr.',
    'mr',
    'mr.',
    'mrs',
    'mrs.',
    'ms',
    'ms.',
    'dr',
    'dr.',
    'professor',
    'prof.',
    'coach',
    'sir',
    'dame',
    'lord',
    'king',
    'queen',
    'prince',
    'princess',
    'pope',
    'senator',
    'sen.',
    'rep.',
    'representative',
    'congressman',
    'congresswoman',
    'governor',
    'gov.',
    'mayor',
    'ambassador',
    'envoy',
    'chairman',
    'chairwoman',
    'chief',
    'spokesman',
    'spokeswoman',
    'spokesperson',
    'foreign',
    'defense',
    'defence',
    'interior',
    'finance',
    'deputy',
    'acting',
    'former',
    'leader',
    'opposition',
    'supreme',
    'commissioner',
    'justice',
    'judge',
    'sheikh',
    'ayatollah',
    'cardinal',
    'archbishop',
    'bishop',
    'rev.',
    'reverend',
    'gen.-',
  ].map((w) => w.toLowerCase()),
);

/** Connectors that may sit inside a title ("Secretary of State", "Minister for Defence"). */
const TITLE_CONNECTORS = new Set(['of', 'for', 'state', 'the', 'staff', 'affairs', '-']);

/** How many leading words of `words[start..end)` form a title, leaving at least one word. */
export const leadingTitleLength = (
  words: readonly string[],
  start: number,
  end: number,
): number => {
  let i = start;
  let sawTitle = false;
  while (i < end - 1) {
    const w = (words[i] as string).toLowerCase();
    if (TITLE_WORDS.has(w)) sawTitle = true;
    else if (!(sawTitle && TITLE_CONNECTORS.has(w))) break;
    i++;
  }
  // Never end on a connector: "Secretary of State Rice" strips 3, "Bank of England" strips 0.
  while (i > start && TITLE_CONNECTORS.has((words[i - 1] as string).toLowerCase())) i--;
  return sawTitle ? i - start : 0;
};

/**
 * Where the name starts in a PERSON span that opens with an organisation and a title
 * ("NATO Secretary General Jens Stoltenberg" -> index of "Jens"): after the last title word,
 * provided everything before it is capitalised or a title connector.
 */
export const nameStartAfterTitle = (
  words: readonly string[],
  start: number,
  end: number,
): number => {
  let last = -1;
  for (let i = start; i < end - 1; i++) {
    const w = words[i] as string;
    const lower = w.toLowerCase();
    if (TITLE_WORDS.has(lower)) last = i;
    else if (!TITLE_CONNECTORS.has(lower) && w.charAt(0) === w.charAt(0).toLowerCase())
      return start;
  }
  if (last < 0) return start;
  // "Secretary of State Condoleezza Rice": the connectors after the last title word are the
  // title's too, not the name's.
  let name = last + 1;
  while (name < end - 1 && TITLE_CONNECTORS.has((words[name] as string).toLowerCase())) name++;
  return name;
};
