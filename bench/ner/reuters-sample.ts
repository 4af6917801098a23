/**
 * The Reuters-21578 sentences of the hand-labelled NER dev sample (eval/gold/ner-reuters-dev.txt),
 * rebuilt from ../shared by a fixed rule so the gold file holds ids and names, never the text:
 * every story whose NEWID is 1 modulo SAMPLE_STEP and which has a title and a body gives its
 * title (written in capitals, as the wire wrote headlines), its dateline ("SALVADOR, Feb 26") and
 * the first two sentences of its body, until SAMPLE_SIZE sentences. The check sample
 * (eval/gold/ner-reuters-check.txt) takes NEWID = 142 modulo SAMPLE_STEP, 60 sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSgmlText } from '../convert-reuters.js';
import { splitSentences, tokenize } from '../../src/enrich/tokenize.js';

export const SAMPLE_STEP = 283;
export const SAMPLE_SIZE = 150;

export interface SampleSentence {
  /** "reuters:<NEWID> title|dateline|s1|s2" */
  readonly id: string;
  readonly doc: string;
  readonly words: string[];
}

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

/** Sentences of the sample in NEWID order, grouped by story (the document consistency needs them). */
export const reutersSample = (
  sgmDir: string,
  residue = 1,
  size = SAMPLE_SIZE,
): SampleSentence[][] => {
  const docs: SampleSentence[][] = [];
  let count = 0;
  const files = readdirSync(sgmDir)
    .filter((f) => f.endsWith('.sgm'))
    .sort();
  for (const file of files) {
    const sgml = readFileSync(join(sgmDir, file), 'latin1');
    for (const m of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)">([\s\S]*?)<\/REUTERS>/g)) {
      const newId = Number(m[1]);
      if (newId % SAMPLE_STEP !== residue) continue;
      const story = m[2] ?? '';
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(story)?.[1];
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(story)?.[1];
      if (title === undefined || body === undefined) continue;
      const dateline = /<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(story)?.[1];
      const doc = `reuters:${newId}`;
      const out: SampleSentence[] = [
        { id: `${doc} title`, doc, words: words(decodeSgmlText(title).replace(/\s+/g, ' ')) },
      ];
      const place = decodeSgmlText(dateline ?? '')
        .replace(/\s+/g, ' ')
        .replace(/\s*-\s*$/, '')
        .trim();
      if (place !== '') out.push({ id: `${doc} dateline`, doc, words: words(place) });
      // Paragraphs start with an indent; other line breaks only wrap lines.
      const text = decodeSgmlText(body)
        .replace(/\s*Reuter\s*$/, '')
        .replace(/\n {2,}/g, '\u2029')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\u2029/g, '\n');
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens).slice(0, 2);
      sentences.forEach((s, k) =>
        out.push({
          id: `${doc} s${k + 1}`,
          doc,
          words: tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text),
        }),
      );
      const kept = out.slice(0, size - count);
      docs.push(kept);
      count += kept.length;
      if (count >= size) return docs;
    }
  }
  return docs;
};
