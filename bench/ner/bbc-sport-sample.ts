/**
 * The BBC sport sentences of the hand-labelled NER dev sample (eval/gold/ner-bbc-sport-dev.txt),
 * rebuilt from ../shared/corpora/bbc-fulltext by a fixed rule so the gold file holds ids and
 * names, never the text: in sorted file order, every sentence of an article body that holds a
 * score ("2-1", "17-16"), at most two per article. Each article is one document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tokenize } from '../../src/enrich/tokenize.js';
import type { SampleSentence } from './reuters-sample.js';

/** The dev sample is the first 60 such sentences; the check sample the 40 after them. */
export const BBC_SPORT_PARTS = { dev: [0, 60], check: [60, 100] } as const;
const SCORE = /^\d{1,2}-\d{1,2}$/;

export const bbcSportSample = (
  sportDir: string,
  part: keyof typeof BBC_SPORT_PARTS = 'dev',
): SampleSentence[][] => {
  const [from, to] = BBC_SPORT_PARTS[part];
  const docs: SampleSentence[][] = [];
  let count = 0;
  for (const file of readdirSync(sportDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(sportDir, file), 'latin1').split('\n').slice(1).join('\n');
    const tokens = tokenize(text);
    const doc = `bbc:sport/${file.replace(/\.txt$/, '')}`;
    const out: SampleSentence[] = [];
    for (const s of splitSentences(text, tokens)) {
      const words = tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text);
      if (!words.some((w) => SCORE.test(w))) continue;
      out.push({ id: `${doc} t${s.tokenStart}`, doc, words });
      if (out.length === 2) break;
    }
    const kept = out.filter((_, k) => count + k >= from && count + k < to);
    if (kept.length > 0) docs.push(kept);
    count += out.length;
    if (count >= to) break;
  }
  return docs;
};

/**
 * Whole BBC sport stories (the sports-report sample, eval/gold/ner-bbc-sport-docs.txt): the
 * headline and the first `perStory` sentences of every `step`-th story from `first` on, in sorted
 * file order, `stories` of them. Whole stories, so the document-level rules (a sports report
 * naming clubs after towns in sentences without a score) are measured too.
 */
export const bbcSportStories = (
  sportDir: string,
  { first = 150, step = 7, stories = 6, perStory = 12 } = {},
): SampleSentence[][] => {
  const files = readdirSync(sportDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const docs: SampleSentence[][] = [];
  for (let k = 0; k < stories; k++) {
    const file = files[first + k * step];
    if (file === undefined) break;
    const text = readFileSync(join(sportDir, file), 'latin1');
    const tokens = tokenize(text);
    const doc = `bbc:sport/${file.replace(/\.txt$/, '')}`;
    docs.push(
      splitSentences(text, tokens)
        .slice(0, perStory + 1)
        .map((s) => ({
          id: `${doc} t${s.tokenStart}`,
          doc,
          words: tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text),
        })),
    );
  }
  return docs;
};
