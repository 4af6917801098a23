import type { EntityType } from '../../kb/kb-types.js';
import { spansFromBio } from './entity-spans.js';
import { conventionalGold } from './name-kind-rules.js';
import { leadingTitleLength } from './person-titles.js';

/**
 * Readers for the labelled corpora used to train and evaluate the tagger, mapping each corpus'
 * own types onto ours. They take the file's text, not a path: reading files is the caller's job.
 */

export interface LabelledSentence {
  readonly words: string[];
  /** BIO tags over our entity types ("B-PERSON", "I-ORG", "O"). */
  readonly tags: string[];
}

/**
 * What the tagger learns: our entity types plus MISC (works, artefacts, natural phenomena), which
 * it learns only so as not to call them names of ours; the recogniser drops MISC spans.
 */
export type TrainingType = EntityType | 'MISC';

export type LabelMap = Readonly<Record<string, TrainingType | undefined>>;

/** GMB (Kaggle extract): geo are places (mostly countries and cities), gpe are mostly demonyms. */
export const GMB_LABELS: LabelMap = {
  per: 'PERSON',
  org: 'ORG',
  geo: 'GPE',
  gpe: 'NORP',
  eve: 'EVENT',
  art: 'MISC',
  nat: 'MISC',
};

/** re3d: Location covers countries, cities and regions alike; platforms are weapons to an analyst. */
export const RE3D_LABELS: LabelMap = {
  Person: 'PERSON',
  Organisation: 'ORG',
  Location: 'GPE',
  Nationality: 'NORP',
  Weapon: 'WEAPON',
  MilitaryPlatform: 'WEAPON',
  DocumentReference: 'MISC',
};

/** Broad Twitter Corpus (and wikigold): the three classic types. */
export const CLASSIC_LABELS: LabelMap = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE', MISC: 'MISC' };

/** WNUT-17: groups and corporations are organisations; products and works are not our names. */
export const WNUT17_LABELS: LabelMap = {
  person: 'PERSON',
  location: 'GPE',
  group: 'ORG',
  corporation: 'ORG',
  product: 'MISC',
  'creative-work': 'MISC',
};

/**
 * CrossNER (all five domains): people of every trade are PERSON, parties, universities, bands
 * and other bodies ORG, countries and places GPE; works, awards, elections and the like MISC.
 */
export const CROSSNER_LABELS: LabelMap = {
  person: 'PERSON',
  politician: 'PERSON',
  writer: 'PERSON',
  scientist: 'PERSON',
  researcher: 'PERSON',
  musicalartist: 'PERSON',
  organisation: 'ORG',
  politicalparty: 'ORG',
  university: 'ORG',
  band: 'ORG',
  location: 'GPE',
  country: 'GPE',
  misc: 'MISC',
  award: 'MISC',
  election: 'MISC',
  event: 'MISC',
  book: 'MISC',
  album: 'MISC',
  song: 'MISC',
  poem: 'MISC',
  magazine: 'MISC',
  academicjournal: 'MISC',
  conference: 'MISC',
  product: 'MISC',
  programlang: 'MISC',
};

/** Normalises IOB1 or IOB2 input to IOB2 with mapped types; unmapped types become O. */
const toBio = (raw: readonly string[], labels: LabelMap): string[] => {
  const out: string[] = [];
  let prevType: string | undefined;
  for (const tag of raw) {
    if (tag === 'O' || tag.length < 3) {
      out.push('O');
      prevType = undefined;
      continue;
    }
    const prefix = tag.charAt(0);
    const type = labels[tag.slice(2)];
    if (type === undefined) {
      out.push('O');
      prevType = undefined;
      continue;
    }
    const begins = prefix === 'B' || prevType !== type;
    out.push(`${begins ? 'B' : 'I'}-${type}`);
    prevType = type;
  }
  return out;
};

/** CoNLL-style "word<TAB or space>...tag" lines, blank line between sentences, -DOCSTART- skipped. */
export const parseConll = (text: string, labels: LabelMap): LabelledSentence[] => {
  const sentences: LabelledSentence[] = [];
  let words: string[] = [];
  let raw: string[] = [];
  const flush = (): void => {
    if (words.length > 0) sentences.push({ words, tags: toBio(raw, labels) });
    words = [];
    raw = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    const cols = trimmed.split(/\s+/);
    words.push(cols[0] ?? '');
    raw.push(cols[cols.length - 1] ?? 'O');
  }
  flush();
  return sentences;
};

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
const splitCsvLine = (line: string): string[] => {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line.charAt(i) === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line.charAt(i) === '"') {
          if (line.charAt(i + 1) === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line.charAt(i++);
      }
      fields.push(value);
      i++; // the comma after the closing quote
    } else {
      const next = line.indexOf(',', i);
      const end = next < 0 ? line.length : next;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
};

/** The GMB Kaggle CSV: "Sentence #,Word,POS,Tag", the sentence number only on a sentence's first row. */
export const parseGmbCsv = (text: string): LabelledSentence[] => {
  const sentences: LabelledSentence[] = [];
  let words: string[] = [];
  let raw: string[] = [];
  const flush = (): void => {
    if (words.length > 0) sentences.push({ words, tags: toBio(raw, GMB_LABELS) });
    words = [];
    raw = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    if (line.startsWith('Sentence:')) flush();
    const fields = splitCsvLine(line);
    const word = fields[1] ?? '';
    words.push(word);
    raw.push(fields[3] ?? 'O');
  }
  flush();
  return sentences;
};

/** Coordinated names split and events typed as events (see conventionalGold). */
export const alignConventions = (s: LabelledSentence): LabelledSentence => {
  const tags = new Array<string>(s.words.length).fill('O');
  for (const span of conventionalGold(s.words, spansFromBio(s.tags))) {
    for (let i = span.start; i < span.end; i++) {
      tags[i] = `${i === span.start ? 'B' : 'I'}-${span.type}`;
    }
  }
  return { words: s.words, tags };
};

/** Moves titles out of PERSON spans ("President Joe Biden" -> "Joe Biden"), see person-titles.ts. */
export const stripPersonTitles = (s: LabelledSentence): LabelledSentence => {
  const tags = [...s.tags];
  for (const span of spansFromBio(s.tags)) {
    if (span.type !== 'PERSON') continue;
    const n = leadingTitleLength(s.words, span.start, span.end);
    if (n === 0) continue;
    for (let i = span.start; i < span.start + n; i++) tags[i] = 'O';
    tags[span.start + n] = 'B-PERSON';
  }
  return { words: s.words, tags };
};
