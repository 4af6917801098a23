import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.js';
import type { DedupOptions } from './dedup-options.js';
import { foldedWords } from './text-folding.js';
import { combine32, hashString32 } from './hash32.js';
import { lshBucketKeys, minhashSignature } from './minhash.js';

/** What dedup needs to know about an article; the pipeline maps its Article onto this. */
export interface DedupInput {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly canonicalUrl?: string;
  readonly source?: string;
  /** ISO 8601; absent dates sort after every dated copy. */
  readonly published?: string;
}

/** Everything kept about an article to compare it with later arrivals; persisted by the index. */
export interface ArticleFingerprint {
  readonly articleId: string;
  readonly source?: string;
  readonly published?: string;
  /** sha256 (hex) of the folded text. */
  readonly textHash: string;
  /** sha256 (hex) of the canonical URL. */
  readonly urlHash?: string;
  /** sha256 (hex) of the folded title. */
  readonly titleHash?: string;
  /** Word hashes in reading order. */
  readonly words: Uint32Array;
  /** Offset in `words` where each paragraph starts. */
  readonly paragraphStarts: Uint32Array;
  /** Hashes of the words holding a digit (figures, dates, scores), sorted ascending with repeats. */
  readonly figures: Uint32Array;
  readonly signature: Uint32Array;
}

export interface FingerprintWithBands {
  readonly fingerprint: ArticleFingerprint;
  /** LSH bucket keys (see lshBucketKeys). */
  readonly bands: number[];
}

// Plain loops: Uint32Array.from with a mapping function and a regex per word cost twice as much.
const hashAll = (words: readonly string[]): Uint32Array => {
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = hashString32(words[i] as string);
  return hashes;
};

/** Same as /\d/.test(word): an ASCII digit (figures in other scripts are not compared). */
const hasDigit = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const shingleHashes = (wordHashes: Uint32Array, size: number): Uint32Array => {
  if (wordHashes.length === 0) return new Uint32Array(0);
  const width = Math.min(size, wordHashes.length);
  const shingles = new Uint32Array(wordHashes.length - width + 1);
  for (let start = 0; start < shingles.length; start++) {
    let hash = width;
    for (let k = 0; k < width; k++) hash = combine32(hash, wordHashes[start + k] as number);
    shingles[start] = hash;
  }
  return shingles;
};

/**
 * A headline without the site name pages append or prepend ("Kemble quits - Sport - The Canberra
 * Times", "News24 | Bulls, Jones pursue talks"): the longest segment between separators, when it
 * has at least three words; otherwise the whole title.
 */
const MIN_HEADLINE_WORDS = 3;

export const titleProper = (title: string): string => {
  const segments = title.split(/\s+(?:[-|–—:]{1,2})\s+/);
  if (segments.length < 2) return title;
  const longest = segments.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.trim().split(/\s+/).length >= 3 ? longest : title;
};

export const fingerprintArticle = (
  input: DedupInput,
  options: DedupOptions,
): FingerprintWithBands => {
  const blocks = input.text.split(/\n\s*\n/);
  const paragraphs = (blocks.length > 1 ? blocks : input.text.split('\n'))
    .map(foldedWords)
    .filter((p) => p.length > 0);
  const words = paragraphs.flat();
  const paragraphStarts = new Uint32Array(paragraphs.length);
  let offset = 0;
  paragraphs.forEach((paragraph, p) => {
    paragraphStarts[p] = offset;
    offset += paragraph.length;
  });
  const inOrder = hashAll(words);
  const signature = minhashSignature(
    shingleHashes(inOrder, options.shingleSize),
    options.signatureSize,
  );
  const url = input.canonicalUrl ?? input.url;
  const canonical = url === undefined ? undefined : canonicalUrl(url);
  // A title of one or two words once the site name is off ("Video - CNN", "INDEX") is the site's
  // generic page title, not a headline: it vouches for nothing, so it gets no hash.
  const properWords = input.title === undefined ? [] : foldedWords(titleProper(input.title));
  const titleWords = properWords.length >= MIN_HEADLINE_WORDS ? properWords : [];
  const fingerprint: ArticleFingerprint = {
    articleId: input.id,
    ...(input.source === undefined ? {} : { source: input.source }),
    ...(input.published === undefined ? {} : { published: input.published }),
    textHash: sha256(words.join(' ')),
    ...(canonical === undefined ? {} : { urlHash: sha256(canonical) }),
    ...(titleWords.length === 0 ? {} : { titleHash: sha256(titleWords.join(' ')) }),
    words: inOrder,
    paragraphStarts,
    figures: hashAll(words.filter(hasDigit)).sort(),
    signature,
  };
  return { fingerprint, bands: lshBucketKeys(signature, options.bandRows) };
};
