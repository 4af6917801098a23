import type { EntityType } from '../../kb/kb-types.js';
import type { WordSpan } from './entity-spans.js';
import { typeFromHead } from './head-word-type.js';
import type { NerModel } from './perceptron-model.js';

/**
 * Names the tagger left untagged although their form says what they are. The tagger knows the
 * words of its training news; names made of other words ("Aftermath Records", "the Patriots")
 * get no span from it even when their head word or article makes the kind plain.
 */

const CONNECTORS = new Set(['of', 'de', 'and', '&']);
const isUpper = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);

/** The model saw this word in training (as a word feature of its own). */
const known = (model: NerModel, w: string): boolean =>
  model.weights.has('w=' + w.toLowerCase().replace(/\d/g, '0'));

export const untaggedNames = (
  words: readonly string[],
  spans: readonly WordSpan[],
  model: NerModel,
): { start: number; end: number; type: EntityType }[] => {
  const taken = new Uint8Array(words.length);
  for (const s of spans) taken.fill(1, s.start, s.end);
  const out: { start: number; end: number; type: EntityType }[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isUpper(words[i]) || taken[i] === 1) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < words.length && isUpper(words[end]) && taken[end] === 0) end++;
      else if (CONNECTORS.has(words[end] ?? '') && isUpper(words[end + 1]) && taken[end + 1] === 0)
        end += 2;
      else break;
    }
    let start = i;
    // A sentence opener ("The", "In") is not part of the name.
    if (start === 0 && model.commonWords.has((words[0] as string).toLowerCase())) start++;
    i = end;
    // Next to a tagged name it is that name's continuation ("Iraqi" + "Security Forces"), which
    // the span repairs already judged.
    if (taken[start - 1] === 1 || taken[end] === 1) continue;
    if (end - start >= 2) {
      // "Aftermath Records", "Patriot League", "Landmark Church".
      const type = typeFromHead(words, start, end);
      if (type !== undefined && type !== 'PERSON') out.push({ start, end, type });
      continue;
    }
    // "the Patriots", "the Crystals": a capitalised plural the tagger never saw, after "the",
    // is a team, a band or a group.
    const w = words[start] as string;
    if (
      end - start === 1 &&
      words[start - 1] === 'the' &&
      /^\p{Lu}\p{Ll}+[^su]s$/u.test(w) &&
      !known(model, w) &&
      !model.lexicon?.placesByFirst.has(w.toLowerCase())
    ) {
      out.push({ start, end, type: 'ORG' });
    }
  }
  return out;
};
