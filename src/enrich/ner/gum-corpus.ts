import type { LabelledSentence, TrainingType } from './labelled-corpus.js';

/**
 * Reader for GUM's CoNLL-U files (../shared/ner/gum/dep), turning its nested entity mentions
 * into BIO tags over our types. GUM marks every mention ("the school of Dr. William Glennie",
 * "his"); a mention counts as a name when its syntactic head is a proper noun, and the name is
 * the run of proper nouns around that head ("Aberdeen Grammar School", "Bank of England"), so
 * determiners and common-noun heads stay outside as they do in newswire annotation. Outer
 * mentions win over the names nested inside them.
 */

export interface GumDocument {
  readonly id: string;
  readonly sentences: LabelledSentence[];
}

const GUM_TYPES: Readonly<Record<string, TrainingType | undefined>> = {
  person: 'PERSON',
  place: 'GPE',
  organization: 'ORG',
};

/** Words that may sit between two proper nouns of one name. */
const NAME_JOINERS = new Set(['of', 'de', 'the', 'and', '&', 'for', "'s"]);

interface Token {
  readonly form: string;
  readonly upos: string;
  readonly head: number;
}

interface Mention {
  readonly start: number;
  end: number;
  readonly etype: string;
}

/** "(3-person-new-...(5-place-...)" and "3)" pieces of one token's Entity= value. */
const readEntityField = (
  value: string,
  index: number,
  open: Map<string, Mention[]>,
  done: Mention[],
): void => {
  let i = 0;
  while (i < value.length) {
    if (value.charAt(i) === '(') {
      let j = i + 1;
      while (j < value.length && value.charAt(j) !== '(' && value.charAt(j) !== ')') j++;
      const fields = value.slice(i + 1, j).split('-');
      const id = fields[0] ?? '';
      const mention: Mention = { start: index, end: index + 1, etype: fields[1] ?? '' };
      if (value.charAt(j) === ')') {
        done.push(mention);
        j++;
      } else {
        const stack = open.get(id) ?? [];
        stack.push(mention);
        open.set(id, stack);
      }
      i = j;
    } else {
      let j = i;
      while (j < value.length && /\d/.test(value.charAt(j))) j++;
      if (j > i && value.charAt(j) === ')') {
        const mention = open.get(value.slice(i, j))?.pop();
        if (mention !== undefined) {
          mention.end = index + 1;
          done.push(mention);
        }
        i = j + 1;
      } else {
        i = Math.max(j, i + 1);
      }
    }
  }
};

const isProperNoun = (t: Token | undefined): boolean => t?.upos === 'PROPN';

/** The proper-noun run around the mention's head, or undefined when the head is no name. */
const namePart = (
  tokens: readonly Token[],
  m: Mention,
): { start: number; end: number } | undefined => {
  let head = -1;
  for (let k = m.start; k < m.end; k++) {
    const h = (tokens[k] as Token).head - 1;
    if (h < m.start || h >= m.end) {
      head = k;
      break;
    }
  }
  if (head < 0 || !isProperNoun(tokens[head])) return undefined;
  let start = head;
  let end = head + 1;
  for (;;) {
    if (isProperNoun(tokens[start - 1]) && start - 1 >= m.start) start--;
    else if (
      start - 2 >= m.start &&
      NAME_JOINERS.has((tokens[start - 1] as Token).form.toLowerCase()) &&
      isProperNoun(tokens[start - 2])
    )
      start -= 2;
    else break;
  }
  for (;;) {
    if (isProperNoun(tokens[end]) && end < m.end) end++;
    else if (
      end + 1 < m.end &&
      NAME_JOINERS.has((tokens[end] as Token).form.toLowerCase()) &&
      isProperNoun(tokens[end + 1])
    )
      end += 2;
    else break;
  }
  return { start, end };
};

const sentenceTags = (tokens: readonly Token[], mentions: readonly Mention[]): string[] => {
  const tags = new Array<string>(tokens.length).fill('O');
  const outerFirst = [...mentions].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const m of outerFirst) {
    const type = GUM_TYPES[m.etype];
    if (type === undefined) continue;
    const name = namePart(tokens, m);
    if (name === undefined) continue;
    let free = true;
    for (let k = name.start; k < name.end; k++) if (tags[k] !== 'O') free = false;
    if (!free) continue;
    for (let k = name.start; k < name.end; k++) {
      tags[k] = `${k === name.start ? 'B' : 'I'}-${type}`;
    }
  }
  return tags;
};

/** One GUM .conllu file's text: its documents (usually one) with named PERSON/ORG/GPE tags. */
export const parseGumConllu = (text: string): GumDocument[] => {
  const docs: GumDocument[] = [];
  let current: { id: string; sentences: LabelledSentence[] } | undefined;
  let tokens: Token[] = [];
  let mentions: Mention[] = [];
  const open = new Map<string, Mention[]>();
  const flush = (): void => {
    if (tokens.length > 0) {
      if (current === undefined) {
        current = { id: '', sentences: [] };
        docs.push(current);
      }
      current.sentences.push({
        words: tokens.map((t) => t.form),
        tags: sentenceTags(tokens, mentions),
      });
    }
    tokens = [];
    mentions = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('# newdoc id = ')) {
      flush();
      open.clear();
      current = { id: line.slice('# newdoc id = '.length).trim(), sentences: [] };
      docs.push(current);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    // Multi-word token ranges ("3-4") and empty nodes ("3.1") carry no surface word of their own.
    if (!/^\d+$/.test(id)) continue;
    tokens.push({ form: cols[1] ?? '', upos: cols[3] ?? '', head: Number(cols[6] ?? 0) });
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9] ?? '')?.[1];
    if (entity !== undefined) readEntityField(entity, tokens.length - 1, open, mentions);
  }
  flush();
  return docs;
};
