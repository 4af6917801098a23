/**
 * Reads the hand-labelled Reuters-21578 NER sample (eval/gold/ner-reuters-dev.txt) onto the
 * sentences bench/ner/reuters-sample.ts rebuilds: each gold name is found as a run of tokens, the
 * first not yet used in its sentence at or after the previous name.
 */
import type { WordSpan } from '../../src/enrich/ner/entity-spans.js';
import type { SampleSentence } from './reuters-sample.js';

export interface GoldSentence extends SampleSentence {
  readonly gold: WordSpan[];
}

const parseGold = (text: string): Map<string, { type: string; tokens: string[] }[]> => {
  const out = new Map<string, { type: string; tokens: string[] }[]>();
  let current: { type: string; tokens: string[] }[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('@ ')) {
      current = [];
      out.set(line.slice(2).trim(), current);
      continue;
    }
    const [type, name] = line.split('\t');
    if (current === undefined || type === undefined || name === undefined) {
      throw new Error(`bad gold line: ${line}`);
    }
    current.push({ type, tokens: name.split(' ') });
  }
  return out;
};

/** The sample's documents with gold spans; throws when a gold name is not in its sentence. */
export const attachGold = (
  docs: readonly SampleSentence[][],
  goldText: string,
): GoldSentence[][] => {
  const gold = parseGold(goldText);
  return docs.map((doc) =>
    doc.map((s) => {
      const names = gold.get(s.id);
      if (names === undefined) throw new Error(`no gold for ${s.id}`);
      let from = 0;
      const spans: WordSpan[] = names.map(({ type, tokens }) => {
        for (let i = from; i + tokens.length <= s.words.length; i++) {
          if (tokens.every((t, k) => s.words[i + k] === t)) {
            from = i + tokens.length;
            return { start: i, end: i + tokens.length, type };
          }
        }
        throw new Error(`${s.id}: "${tokens.join(' ')}" not found in "${s.words.join(' ')}"`);
      });
      return { ...s, gold: spans };
    }),
  );
};
