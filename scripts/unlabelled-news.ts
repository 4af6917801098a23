/**
 * Running text of the unlabelled news corpora of ../shared/corpora, for what the NER model learns
 * without labels (the case profile, word clusters). Only statistics of it (case counts, cluster
 * ids of frequent words) go into the shipped model, never the text. Lines come in a fixed order
 * (sorted file names, row order), so everything built from them is reproducible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../bench/search-corpus.js';
import { sharedPath } from '../test/shared-data.js';
import { loadCorpusParts } from './ner-dev-sets.js';

export const UNLABELLED_SOURCES = ['labelled', 'reuters', 'bbc', 'ruwa', 'ag'] as const;

/**
 * The corpora whose text may reach the shipped model through statistics: the labelled NER
 * corpora the tagger trains on (../shared/ner/SOURCES.md: public domain, CC BY, CC BY-SA, MIT,
 * ODbL), read without their labels. Reuters-21578 and BBC (research use), RUWA (CC BY-NC-SA)
 * and AG News (non-commercial) are evaluation-only and must not be used for what ships.
 */
const SHIPPABLE_CORPORA = ['gmb', 're3d', 'gum', 'btc', 'wnut', 'crossner'];

const need = (...parts: string[]): string => {
  const dir = sharedPath(...parts);
  if (dir === undefined) throw new Error(`../shared/${parts.join('/')} is absent`);
  return dir;
};

/**
 * Lines of running text of one corpus: the shippable labelled corpora's sentences (`labelled`),
 * Reuters-21578 bodies, BBC article bodies (headline line
 * left out), RUWA leads, AG News descriptions. `headlines` adds the title lines too.
 */
export function* unlabelledLines(source: string, headlines = false): Generator<string> {
  if (source === 'labelled') {
    // Train and dev parts only: the report parts stay unseen, even unlabelled.
    for (const part of loadCorpusParts(need('ner'), SHIPPABLE_CORPORA)) {
      for (const doc of [...part.train, ...part.dev]) for (const s of doc) yield s.words.join(' ');
    }
  } else if (source === 'reuters') {
    const dir = need('corpora', 'reuters-21578', 'sgm-data');
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.sgm'))
      .sort()) {
      const sgml = readFileSync(join(dir, file), 'latin1');
      for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
        const body = (m[1] ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
        yield* body.split(/\n/);
      }
    }
  } else if (source === 'bbc') {
    const dir = need('corpora', 'bbc-fulltext', 'bbc');
    for (const topic of readdirSync(dir, { withFileTypes: true })) {
      if (!topic.isDirectory()) continue;
      for (const file of readdirSync(join(dir, topic.name)).sort()) {
        // Line 1 is the headline.
        yield* readFileSync(join(dir, topic.name, file), 'latin1')
          .split(/\n/)
          .slice(headlines ? 0 : 1);
      }
    }
  } else if (source === 'ruwa') {
    const file = join(need('corpora', 'ruwa-russia-ukraine-war-news'), 'RUWA_04.08.23.csv');
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    const desc = header?.indexOf('desc') ?? -1;
    const title = header?.indexOf('title') ?? -1;
    for (const row of rows) {
      if (headlines && title >= 0) yield row[title] ?? '';
      if (desc >= 0) yield (row[desc] ?? '').replace(/\s+/g, ' ');
    }
  } else if (source === 'ag') {
    const file = join(need('corpora', 'ag-news-test'), 'test.csv');
    for (const row of parseCsv(readFileSync(file, 'utf8'))) {
      if (headlines) yield row[1] ?? '';
      yield (row[2] ?? '').replace(/\\/g, ' ').replace(/#36;/g, '$');
    }
  } else {
    throw new Error(`unknown unlabelled corpus "${source}" (${UNLABELLED_SOURCES.join(', ')})`);
  }
}
