/**
 * Mention replacement for training the NER tagger (scripts/train-ner.ts --swap K): every K-th
 * training sentence holding a name of a swapped type is added again with each such name replaced
 * by another name of the same type drawn from the whole training set. The tagger then sees the
 * companies, clubs and people of tweets, Wikipedia and GUM in newswire sentences ("X Corp said
 * ...") and leans on the context around a name rather than on the few names GMB's news repeats
 * (Dai & Adel 2020, "mention replacement"). Only the training sentences are used; deterministic.
 */
import type { LabelledSentence } from '../src/enrich/ner/labelled-corpus.js';
import { spansFromBio } from '../src/enrich/ner/entity-spans.js';
import { xorshift32Random } from '../src/core/seeded-random.js';

export const SWAPPED_TYPES = ['ORG', 'PERSON', 'GPE'] as const;

/** Distinct capitalised mentions of each swapped type, in first-seen order. */
const mentionPools = (sentences: readonly LabelledSentence[]): Map<string, string[][]> => {
  const pools = new Map<string, string[][]>(SWAPPED_TYPES.map((t) => [t, []]));
  const seen = new Set<string>();
  for (const s of sentences) {
    for (const span of spansFromBio(s.tags)) {
      const pool = pools.get(span.type);
      if (pool === undefined) continue;
      const words = s.words.slice(span.start, span.end);
      // Lower-case tweet spellings ("obama") would teach that names need no capital.
      if (!/^\p{Lu}/u.test(words[0] ?? '')) continue;
      const key = span.type + ' ' + words.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      pool.push(words);
    }
  }
  return pools;
};

export const mentionSwapped = (
  sentences: readonly LabelledSentence[],
  every: number,
  seed: number,
): LabelledSentence[] => {
  if (every <= 0) return [];
  const pools = mentionPools(sentences);
  const random = xorshift32Random((seed * 2654435761) >>> 0 || 1);
  const out: LabelledSentence[] = [];
  let candidate = 0;
  for (const s of sentences) {
    const spans = spansFromBio(s.tags).filter((x) => pools.has(x.type));
    if (spans.length === 0) continue;
    if (candidate++ % every !== 0) continue;
    const words: string[] = [];
    const tags: string[] = [];
    let i = 0;
    for (const span of spans) {
      for (; i < span.start; i++) {
        words.push(s.words[i] as string);
        tags.push(s.tags[i] as string);
      }
      const pool = pools.get(span.type) as string[][];
      const pick = pool[Math.floor(random() * pool.length)] as string[];
      pick.forEach((w, k) => {
        words.push(w);
        tags.push((k === 0 ? 'B-' : 'I-') + span.type);
      });
      i = span.end;
    }
    for (; i < s.words.length; i++) {
      words.push(s.words[i] as string);
      tags.push(s.tags[i] as string);
    }
    out.push({ words, tags });
  }
  return out;
};
