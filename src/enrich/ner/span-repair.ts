import { isLegalForm } from './company-names.js';
import type { WordSpan } from './entity-spans.js';
import { typeFromHead } from './head-word-type.js';
import { nameKeywordType } from './name-keywords.js';
import { leadingTitleLength, nameStartAfterTitle, TITLE_WORDS } from './person-titles.js';

/**
 * Boundary repairs applied after tagging. The news corpora the model learns from are annotated
 * loosely at the edges (titles inside names, initials split off); these rules restore the
 * convention analysts and CoNLL-style corpora use: a name is the whole capitalised run.
 */

const PUNCT_ONLY = /^[\p{P}\p{S}]+$/u;
const INITIAL = /^\p{Lu}\.?$/u;
/**
 * Lower-case words that may sit inside a name: "Army of the Potomac", "Bank of England", "Banco
 * di Roma", "Leonardo da Vinci", "Banco do Brasil".
 */
const INNER_CONNECTORS = new Set(
  'of de du la von van der al bin di da do dos das del della des'.split(' '),
);

/** Titles that only ever precede a person (unlike "General Motors", "Foreign Office"). */
const PERSON_ONLY_TITLES = new Set(
  'mr mr. mrs mrs. ms ms. dr dr. colonel col. lt. lieutenant brigadier brig. gen. sgt. sergeant capt. captain president senator sen. rep. gov. governor ambassador admiral adm. maj. sir'.split(
    ' ',
  ),
);

/** Title words that end a title right before a name ("... Defence Commissioner Andrius Kubilius"). */
const PERSON_HEAD_TITLES = new Set(
  'commissioner minister secretary president chancellor premier spokesman spokeswoman ambassador envoy governor senator general admiral colonel commander chief'.split(
    ' ',
  ),
);

/**
 * Arabic articles and kinship words that open a name part: "al-Qaeda", "bin Laden". Joined by a
 * hyphen they belong to the name, whether the tokenizer kept "al-Maliki" whole (ours does) or
 * split it into "al", "-", "Maliki" (re3d's and some corpora's tokenizers do).
 */
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'bin',
  'ibn',
  'abu',
]);
const PARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|at|az)-\p{Lu}/u;
const isParticle = (w: string | undefined): boolean =>
  w !== undefined && NAME_PARTICLES.has(w.toLowerCase());

/** Lower case, other than a name opened by a particle ("al-Qaeda" is a name). */
const isLower = (w: string): boolean => /^\p{Ll}/u.test(w) && !PARTICLE_NAME.test(w);
const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
const OF_FOR = new Set(['of', 'for']);
/** "of" in Romance names ("Banco di Roma", "Banco do Brasil", "Caja de Madrid"). */
const ROMANCE_OF = new Set('di do da de del della dos das des'.split(' '));
/** Closed-class words that open sentences and never start a name. */
const SENTENCE_OPENERS = new Set(
  'If But When As In On At After Before While Although Though Since Because And Or So Yet With By From To Under During Despite Meanwhile However Then'.split(
    ' ',
  ),
);
const isTitleCaseCommon = (w: string, common: ReadonlySet<string>): boolean =>
  w.toUpperCase() !== w && common.has(w.toLowerCase()) && !PARTICLE_NAME.test(w);

const isNameWord = (w: string, common: ReadonlySet<string>): boolean => {
  const c = w.charAt(0);
  if (c === c.toLowerCase()) return false;
  return !common.has(w.toLowerCase()) || INITIAL.test(w);
};

/** Title words that end an organisation's or a country's name where a person's title begins. */
const TITLE_HEADS = new Set(
  'president ambassador secretary secretary-general minister envoy spokesman spokeswoman chairman governor senator chancellor premier commander mayor'.split(
    ' ',
  ),
);

/**
 * "U.S. Ambassador", "U.N. Secretary-General Kofi": an organisation or country run on into a
 * title (and maybe the name after it) is cut before the title; the capitalised words after the
 * title are a person.
 */
const cutAtTitle = <S extends WordSpan>(words: readonly string[], span: S): S[] => {
  if (span.type !== 'ORG' && span.type !== 'GPE' && span.type !== 'LOC') return [span];
  for (let k = span.start + 1; k < span.end; k++) {
    if (!TITLE_HEADS.has((words[k] as string).toLowerCase())) continue;
    // "Foreign Minister", "Prime Minister": the words before are the title's own.
    if (
      !isCapitalised(words[k] as string) ||
      TITLE_WORDS.has((words[k - 1] as string).toLowerCase())
    )
      return [span];
    const head: S = { ...span, end: k };
    // "U.S. Secretary of Defense Ash Carter": the rest of the title ends where the name begins.
    let name = k + 1;
    while (name < span.end && TITLE_HEADS.has((words[name] as string).toLowerCase())) name++;
    if (name < span.end - 1) name = Math.max(name, nameStartAfterTitle(words, k, span.end));
    return name < span.end ? [head, { ...span, start: name, type: 'PERSON' }] : [head];
  }
  return [span];
};

export interface RepairContext {
  readonly words: readonly string[];
  readonly commonWords: ReadonlySet<string>;
}

export const repairSpans = <S extends WordSpan>(spans: readonly S[], ctx: RepairContext): S[] => {
  const { words, commonWords } = ctx;
  const out: S[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && PUNCT_ONLY.test(words[start] as string)) start++;
    while (end > start && PUNCT_ONLY.test(words[end - 1] as string)) end--;
    // "Gareth Thomas . Conversions": a full stop after a word of three letters or more ends a
    // sentence, and the name ("ST . LOUIS", "William G . Pietersen" keep theirs).
    for (let k = start + 1; k < end - 1; k++) {
      if (words[k] === '.' && /^\p{Lu}\p{Ll}{2,}$/u.test(words[k - 1] as string)) end = k;
    }
    // Names do not start or end with a lower-case word ("of NATO").
    while (start < end && isLower(words[start] as string)) start++;
    while (end > start && isLower(words[end - 1] as string)) end--;
    // A lone capitalised common word is a sentence opener, not a name ("We", "The").
    if (end - start === 1 && isTitleCaseCommon(words[start] as string, commonWords)) continue;
    // A name has a capital somewhere ("150-billion-euro" has none), and a lone letter is a
    // piece of an abbreviation the tokenizer split ("non-U.S."), not a name of its own.
    if (!words.slice(start, end).some((w) => /\p{Lu}/u.test(w))) continue;
    if (end - start === 1 && /^\p{L}$/u.test(words[start] as string)) continue;
    if (span.type === 'PERSON') start = nameStartAfterTitle(words, start, end);
    if (end <= start) continue;
    while (start < end - 1 && words[start] === '-') start++;
    if (
      span.type === 'PERSON' ||
      span.type === 'ORG' ||
      span.type === 'GPE' ||
      span.type === 'LOC'
    ) {
      // Grow over the rest of the capitalised run the model only partly covered.
      const taken = (i: number): boolean =>
        spans.some((o) => o !== span && i >= o.start && i < o.end);
      const growLeft = (): void => {
        while (
          start > 0 &&
          isNameWord(words[start - 1] as string, commonWords) &&
          !taken(start - 1)
        )
          start--;
      };
      growLeft();
      while (end < words.length && isNameWord(words[end] as string, commonWords) && !taken(end))
        end++;
      // "al - Zarqawi", "Nouri al - Maliki" from a tokenizer that splits hyphens. A span of the
      // particle alone (the tagger's "al"/B-GPE) is dropped below and does not count.
      const takenByName = (i: number): boolean =>
        spans.some(
          (o) =>
            o !== span &&
            i >= o.start &&
            i < o.end &&
            !(o.end - o.start === 1 && isParticle(words[o.start])),
        );
      while (
        start >= 2 &&
        words[start - 1] === '-' &&
        isParticle(words[start - 2]) &&
        !takenByName(start - 2)
      ) {
        start -= 2;
        growLeft();
      }
      if (
        end + 1 < words.length &&
        words[end] === '-' &&
        isParticle(words[end - 1]) &&
        isCapitalised(words[end + 1] as string) &&
        !taken(end + 1)
      ) {
        end += 2;
      } else if (
        end + 2 < words.length &&
        isParticle(words[end]) &&
        words[end + 1] === '-' &&
        isCapitalised(words[end + 2] as string) &&
        !taken(end + 2)
      ) {
        end += 3;
      }
      if (span.type === 'PERSON') start += leadingTitleLength(words, start, end);
      // "Foundation for Strategic Research": an organisation's keyword, "for" or "of", then
      // the part the model tagged.
      // Romance "of" words join whatever the model tagged after them ("Banco di Roma" with only
      // "Roma" tagged, as a person, at the start of a sentence); the head types it later.
      let headed = false;
      while (
        start >= 2 &&
        isCapitalised(words[start - 2] as string) &&
        (span.type === 'ORG'
          ? OF_FOR.has((words[start - 1] as string).toLowerCase()) &&
            nameKeywordType((words[start - 2] as string).toLowerCase()) === 'ORG'
          : ROMANCE_OF.has(words[start - 1] as string) &&
            typeFromHead(words, start - 2, end) === 'ORG') &&
        !taken(start - 2)
      ) {
        start -= 2;
        headed = true;
        growLeft();
      }
      if (headed && span.type !== 'ORG') {
        out.push({ ...span, start, end, type: 'ORG' });
        continue;
      }
    }
    // An event's name is its whole capitalised run ("World War II", "Battle of the Bulge"
    // tagged on its last words), common words included, though not a sentence's first word.
    if (span.type === 'EVENT') {
      while (start > 1 && isCapitalised(words[start - 1] as string)) start--;
    }
    out.push({ ...span, start, end });
  }
  // Adjacent spans inside one capitalised run are one name ("Frederick" + "H. Collier"); a
  // demonym right before an organisation is part of its name ("German Air Force").
  const merged: S[] = [];
  for (const span of out) {
    const last = merged[merged.length - 1];
    const joinable =
      last !== undefined &&
      ((last.end === span.start && last.type !== 'NORP' && span.type !== 'NORP') ||
        (last.end === span.start && last.type === 'NORP' && span.type === 'ORG') ||
        (last.end + 1 === span.start &&
          INNER_CONNECTORS.has((words[last.end] as string).toLowerCase()) &&
          // "Christine Arron of France": a person is never "of" a name.
          ((span.type !== 'PERSON' && last.type !== 'PERSON') ||
            (words[last.end] as string).toLowerCase() !== 'of') &&
          last.type !== 'NORP'));
    if (last !== undefined && joinable) {
      merged[merged.length - 1] = { ...span, start: last.start };
    } else {
      merged.push(span);
    }
  }
  return withoutOverlaps(merged.flatMap((whole) => repairWhole(whole, words, commonWords)));
};

/**
 * Two spans grown towards each other over the same words ("U.S. Secretary of Defense" and
 * "Carter" both taking "Ash") would name one word twice: the longer keeps it.
 */
const withoutOverlaps = <S extends WordSpan>(spans: readonly S[]): S[] => {
  // Sorted by start, a span can only cross the one kept before it (linear on long lines).
  const kept: S[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = kept[kept.length - 1];
    if (last === undefined || last.end <= span.start) kept.push(span);
    else if (span.end - span.start > last.end - last.start) kept[kept.length - 1] = span;
  }
  return kept;
};

const repairWhole = <S extends WordSpan>(
  whole: S,
  words: readonly string[],
  commonWords: ReadonlySet<string>,
): S[] => {
  const parts = cutAtTitle(words, whole);
  const span = parts[0] as S;
  const rest = parts.slice(1);
  let start = span.start;
  if (span.end - start === 1 && isTitleCaseCommon(words[start] as string, commonWords)) return rest;
  // "A NATO spokesman": an article opening the sentence is not part of the name.
  if (
    (words[start] === 'A' || words[start] === 'An') &&
    span.end - start > 1 &&
    (start === 0 || PUNCT_ONLY.test(words[start - 1] as string))
  )
    start++;
  // "the" is not part of a name in the convention we follow ("the AFL" -> "AFL"), unless it is
  // capitalised mid-sentence, where the name's owner writes it ("The Times Literary Supplement").
  if (
    words[start] === 'the' ||
    (words[start] === 'The' && (start === 0 || PUNCT_ONLY.test(words[start - 1] as string)))
  ) {
    if (span.end - start > 1) start++;
  } else if (
    words[start - 1] === 'The' &&
    start > 1 &&
    !PUNCT_ONLY.test(words[start - 2] as string) &&
    span.type !== 'PERSON'
  ) {
    start--;
  }
  // "If Washington ...": a function word opening the sentence is not part of the name.
  while (
    span.end - start > 1 &&
    (start === 0 || PUNCT_ONLY.test(words[start - 1] as string)) &&
    SENTENCE_OPENERS.has(words[start] as string)
  )
    start++;
  if (span.type === 'PERSON') start = nameStartAfterTitle(words, start, span.end);
  // "European Defence Commissioner Andrius Kubilius" tagged as one organisation (or event) is a person;
  // "Supermarkets General Corp", ending in a legal form, stays a company.
  if (
    (span.type === 'ORG' || span.type === 'EVENT') &&
    !isLegalForm(words[span.end - 1] as string)
  ) {
    const nameAt = nameStartAfterTitle(words, start, span.end);
    const title = (words[nameAt - 1] ?? '').toLowerCase();
    if (nameAt > start + 1 && span.end - nameAt <= 3 && PERSON_HEAD_TITLES.has(title)) {
      return [{ ...span, start: nameAt, type: 'PERSON' }, ...rest];
    }
  }
  const title = leadingTitleLength(words, start, span.end);
  if (title === 0) return [{ ...span, start }, ...rest];
  if (span.type !== 'PERSON' && !PERSON_ONLY_TITLES.has((words[start] as string).toLowerCase())) {
    return [{ ...span, start }, ...rest];
  }
  // A title in front makes whatever follows a person ("Colonel Jesse Auton").
  return [{ ...span, start: start + title, type: 'PERSON' }, ...rest];
};
