/**
 * Seeded generator of syndicated copies for the dedup benchmarks. It derives copies from real
 * articles with controlled edits (boilerplate added, paragraphs dropped or reordered, title changed,
 * a share of words changed) and hard negatives (a different article on the same topic that borrows
 * the original's title and opening paragraph). Every generated word remembers whether it is an
 * unchanged word of the original, so the true share of content is known exactly, not estimated.
 */
import type { CorpusArticle } from './dedup-corpora.js';
import { seededRandom } from '../src/core/seeded-random.js';

export { seededRandom };

export type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const BOILERPLATE = [
  'Copyright 2005 The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  "Sign up for our morning newsletter and get the day's top stories delivered to your inbox.",
  'Follow us on Twitter and Facebook for the latest updates.',
  'Additional reporting by staff correspondents; editing by the news desk.',
  'Read more: the full coverage of this story is available on our website.',
  'This article first appeared on a partner site and is republished with permission.',
];

/** A word (a run of letters or digits) and the separator text that follows it. */
interface Word {
  readonly text: string;
  readonly after: string;
  /** Index of the word in the original, or -1 for added/changed words. */
  readonly origin: number;
}

const WORD_SPLIT = /([\p{L}\p{N}]+)/u;

export interface GeneratedDoc {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly text: string;
  readonly published: string;
  /** The original it derives from (absent for originals). */
  readonly derivedFrom?: string;
  readonly kind: 'original' | 'copy' | 'negative';
  /** True share of content with `derivedFrom`: unchanged original words / words of the shorter text. */
  readonly trueSimilarity?: number;
  /** Shorter / longer word count against `derivedFrom`. */
  readonly lengthRatio?: number;
  readonly edits?: string[];
}

/** Words of a paragraph; what counts as a word is a run of letters or digits, as in the truth. */
const words = (paragraph: string): string[] =>
  paragraph.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

const toWords = (paragraph: string, next: () => number): Word[] => {
  const parts = paragraph.split(WORD_SPLIT);
  const out: Word[] = [];
  // parts alternate separator, word, separator, ...; a leading separator is dropped.
  for (let i = 1; i < parts.length; i += 2)
    out.push({ text: parts[i] as string, after: parts[i + 1] ?? ' ', origin: next() });
  return out;
};

const render = (paragraphs: Word[][]): string =>
  paragraphs
    .map((p) =>
      p
        .map((w) => `${w.text}${w.after}`)
        .join('')
        .trim(),
    )
    .join('\n\n');

export interface CopyOptions {
  /** Inclusive range of the share of words changed. */
  readonly changedMin: number;
  readonly changedMax: number;
}

export const makeCopy = (
  original: CorpusArticle,
  originalDate: Date,
  id: string,
  random: Random,
  vocabulary: readonly string[],
  options: CopyOptions = { changedMin: 0.05, changedMax: 0.3 },
): GeneratedDoc => {
  let index = 0;
  let paragraphs: Word[][] = original.paragraphs.map((p) => toWords(p, () => index++));
  const originalLength = index;
  const edits: string[] = [];
  if (paragraphs.length >= 4 && random() < 0.4) {
    const drop = 1 + Math.floor(random() * Math.max(1, Math.floor(paragraphs.length * 0.2)));
    for (let d = 0; d < drop && paragraphs.length > 2; d++)
      paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 1)), 1);
    edits.push(`dropped ${drop} paragraph(s)`);
  }
  if (paragraphs.length >= 3 && random() < 0.4) {
    const a = Math.floor(random() * paragraphs.length);
    const b = Math.floor(random() * paragraphs.length);
    [paragraphs[a], paragraphs[b]] = [paragraphs[b] as Word[], paragraphs[a] as Word[]];
    edits.push('reordered paragraphs');
  }
  const share = options.changedMin + random() * (options.changedMax - options.changedMin);
  const all = paragraphs.flat();
  const toChange = Math.round(all.length * share);
  const positions = new Set<number>();
  while (positions.size < Math.min(toChange, all.length))
    positions.add(Math.floor(random() * all.length));
  let cursor = 0;
  paragraphs = paragraphs.map((p) =>
    p.map((word) =>
      positions.has(cursor++)
        ? { text: pick(random, vocabulary), after: word.after, origin: -1 }
        : word,
    ),
  );
  edits.push(`changed ${(share * 100).toFixed(1)}% of words`);
  if (random() < 0.5) {
    const line = toWords(pick(random, BOILERPLATE), () => -1);
    if (random() < 0.5) paragraphs.unshift(line);
    else paragraphs.push(line);
    edits.push('boilerplate added');
  }
  let title = original.title;
  if (random() < 0.5) {
    title = random() < 0.5 ? `UPDATE 1-${title}` : words(title).reverse().join(' ');
    edits.push('title changed');
  }
  const copyWords = paragraphs.flat();
  const kept = copyWords.filter((w) => w.origin >= 0).length;
  const shorter = Math.min(originalLength, copyWords.length);
  const published = new Date(originalDate.getTime() + Math.floor(random() * 72 * 3600_000));
  return {
    id,
    source: `outlet-${Math.floor(random() * 50)}`,
    title,
    text: render(paragraphs),
    published: published.toISOString(),
    derivedFrom: `${original.id}`,
    kind: 'copy',
    trueSimilarity: shorter === 0 ? 0 : kept / shorter,
    lengthRatio: shorter / Math.max(originalLength, copyWords.length),
    edits,
  };
};

/** A different article on the same topic wearing the original's title and opening paragraph. */
export const makeHardNegative = (
  original: CorpusArticle,
  sameTopic: CorpusArticle,
  originalDate: Date,
  id: string,
  random: Random,
): GeneratedDoc => {
  const opening = original.paragraphs[0] ?? '';
  const body = [opening, ...sameTopic.paragraphs];
  const borrowed = words(opening).length;
  const length = body.reduce((sum, p) => sum + words(p).length, 0);
  const originalLength = original.paragraphs.reduce((sum, p) => sum + words(p).length, 0);
  const published = new Date(originalDate.getTime() + Math.floor(random() * 72 * 3600_000));
  return {
    id,
    source: `outlet-${Math.floor(random() * 50)}`,
    title: original.title,
    text: body.join('\n\n'),
    published: published.toISOString(),
    derivedFrom: original.id,
    kind: 'negative',
    trueSimilarity: borrowed / Math.max(1, Math.min(length, originalLength)),
    lengthRatio: Math.min(length, originalLength) / Math.max(length, originalLength, 1),
    edits: [`borrowed title and opening from ${original.id} into ${sameTopic.id}`],
  };
};

export interface GeneratedSet {
  readonly docs: GeneratedDoc[];
}

/** Originals, 1-3 copies each, and one hard negative for every second original; shuffled. */
export const generateSyndicationSet = (
  originals: readonly CorpusArticle[],
  seed: number,
  options?: CopyOptions,
): GeneratedSet => {
  const random = seededRandom(seed);
  const vocabulary = [...new Set(originals.flatMap((a) => a.paragraphs.flatMap(words)))].sort();
  const byTopic = new Map<string, CorpusArticle[]>();
  for (const article of originals)
    byTopic.set(article.topic, [...(byTopic.get(article.topic) ?? []), article]);
  const docs: GeneratedDoc[] = [];
  const start = Date.UTC(2005, 0, 1);
  originals.forEach((original, n) => {
    const date = new Date(start + Math.floor(random() * 365 * 86400_000));
    docs.push({
      id: original.id,
      source: `origin-${n % 7}`,
      title: original.title,
      text: original.paragraphs.join('\n\n'),
      published: date.toISOString(),
      kind: 'original',
    });
    const copies = 1 + Math.floor(random() * 3);
    for (let c = 0; c < copies; c++)
      docs.push(makeCopy(original, date, `${original.id}~copy${c}`, random, vocabulary, options));
    const peers = (byTopic.get(original.topic) ?? []).filter((a) => a.id !== original.id);
    if (n % 2 === 0 && peers.length > 0) {
      docs.push(
        makeHardNegative(original, pick(random, peers), date, `${original.id}~neg`, random),
      );
    }
  });
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [docs[i], docs[j]] = [docs[j] as GeneratedDoc, docs[i] as GeneratedDoc];
  }
  return { docs };
};
