/**
 * Terms for story vectors: folded words minus function words, with a light plural fold so
 * "missile" and "missiles" meet. Deliberately simple: IDF does most of the work.
 */

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say mr mrs ms one two new year years also told according us may might must shall last first ' +
    'news reuters bbc ap afp would'
  ).split(' '),
);

const NON_WORD = /[^\p{L}\p{N}]+/gu;

const foldPlural = (word: string): string => {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
};

const NAME_LIKE = /(?<![.!?]\s|^)\b\p{Lu}[\p{L}\p{N}]+/gu;

/**
 * Terms written capitalised mid-sentence ("Bataclan", "Malaysia", "NATO"): names single out an event
 * far better than common words, and this needs no entity recogniser.
 */
export const nameLikeTerms = (text: string): string[] =>
  (text.normalize('NFKC').match(NAME_LIKE) ?? []).flatMap((word) => storyTerms(word));

/**
 * Longer "words" (a 700 KB run of letters in a scraped page) are cut here, at the source of every
 * story key: PostgreSQL's btree refuses index rows over ~8 KB, and no real word is this long.
 */
export const MAX_STORY_TERM_LENGTH = 64;

const cutLong = (word: string): string =>
  word.length <= MAX_STORY_TERM_LENGTH
    ? word
    : Array.from(word).slice(0, MAX_STORY_TERM_LENGTH).join('');

/** Terms of `text` in order; numbers are kept only when they look like years or counts with 3+ digits. */
export const storyTerms = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2')
    .split(NON_WORD)
    .filter(
      (word) =>
        word.length > 1 && !STOPWORDS.has(word) && (!/^\d+$/.test(word) || word.length >= 3),
    )
    .map((word) => foldPlural(cutLong(word)));
