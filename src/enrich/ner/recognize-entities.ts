import type { EntityType, PhraseMatch, PhraseMatcher } from '../../kb/kb-types.js';
import { spansFromBio } from './entity-spans.js';
import { typeFromHead } from './head-word-type.js';
import { mergeKbSpans, type TypedSpan } from './merge-kb-spans.js';
import type { NerModel } from './perceptron-model.js';
import { repairSpans } from './span-repair.js';
import { tagWords } from './tag-words.js';

/** An entity over word indices [start, end) of one sentence, with the KB ids it matched. */
export type RecognizedSpan = TypedSpan;

export interface RecognizerDeps {
  readonly model: NerModel;
  /** The KB's phrase matcher; without it only the statistical model runs. */
  readonly matcher?: PhraseMatcher;
}

/** BIO tags of KB phrases, the gazetteer features the tagger may weigh. */
export const gazetteerTags = (
  n: number,
  matches: readonly PhraseMatch[],
): (string | undefined)[] => {
  const tags = new Array<string | undefined>(n).fill(undefined);
  for (const m of matches) {
    const type = m.types[0];
    if (type === undefined) continue;
    for (let i = m.start; i < m.end; i++) tags[i] = `${i === m.start ? 'B' : 'I'}-${type}`;
  }
  return tags;
};

const isCapitalised = (w: string | undefined): boolean => {
  const c = (w ?? '').charAt(0);
  return c !== c.toLowerCase();
};

/** The statistical tagger alone, with boundary repairs and head-word typing. */
export const tagEntitySpans = (
  words: readonly string[],
  model: NerModel,
  gazetteer?: readonly (string | undefined)[],
): RecognizedSpan[] => {
  // An all-capitals line (a headline, a section title) has no case to learn names from.
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length >= 3 && letters.every((w) => w === w.toUpperCase())) return [];
  // Nor has a Title Case headline ("NATO Expands Its Reach").
  const capitalised = letters.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (
    letters.length >= 4 &&
    capitalised >= 0.8 * letters.length &&
    !/[.!?]$/.test(words[words.length - 1] ?? '')
  ) {
    return [];
  }
  const tags = tagWords(model, words, gazetteer);
  const repaired = repairSpans(spansFromBio(tags), { words, commonWords: model.commonWords })
    // Weapons are barely labelled in the training data: the tagger's own guesses are noise
    // unless they look like a designation ("Kh-101", "S-400"); the KB supplies the rest.
    .filter((s) => s.type !== 'WEAPON' || words.slice(s.start, s.end).some((w) => /\d/.test(w)));
  return repaired.map((s) => {
    const byHead =
      s.type === 'NORP' || s.type === 'EVENT' ? undefined : typeFromHead(words, s.start, s.end);
    return {
      start: s.start,
      end: s.end,
      type: byHead ?? (s.type as EntityType),
      ids: [],
      source: 'model',
    };
  });
};

/** Tagger plus KB phrases over one sentence of words (the evaluation path; articles use char offsets). */
export const recognizeEntities = (
  words: readonly string[],
  deps: RecognizerDeps,
): RecognizedSpan[] => {
  const matches = deps.matcher?.matchTokens(words) ?? [];
  const spans = tagEntitySpans(
    words,
    deps.model,
    deps.matcher ? gazetteerTags(words.length, matches) : undefined,
  );
  const kbSpans: RecognizedSpan[] = matches.flatMap((m) => {
    const type = m.types[0];
    return type === undefined
      ? []
      : [{ start: m.start, end: m.end, type, types: m.types, ids: m.ids, source: 'kb' as const }];
  });
  return mergeKbSpans(spans, kbSpans, (m) => isCapitalised(words[m.start]));
};
