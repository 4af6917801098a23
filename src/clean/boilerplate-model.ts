/**
 * Site boilerplate in text dumps: lines a site prints under every article ("Discover more from X",
 * its own invented footer). A small built-in list names the common ones; the rest is learned per
 * source as lines that recur across many of its documents, the way a footer does and an article
 * sentence does not.
 */
export const BOILERPLATE_VERSION = 'boilerplate-1';

/** A learned model, plain JSON so it can be stored per source and reloaded. */
export interface BoilerplateModel {
  readonly version: string;
  /** How many documents the model was learned from. */
  readonly documents: number;
  /** Line key -> number of documents containing it; only keys that passed the thresholds. */
  readonly lines: Readonly<Record<string, number>>;
}

export interface LearnOptions {
  /** A line must recur in at least this many documents (3: two articles can share a quote). */
  readonly minDocuments?: number;
  /** ...and in at least this share of the source's documents (0.1 on the noise bench: footers
   * shown on a tenth of pages are still furniture, repeated quotes stay far below). */
  readonly minShare?: number;
  /** Longer lines are prose even when repeated (syndicated paragraphs are dedup's business). */
  readonly maxChars?: number;
}

const DEFAULT_MIN_DOCUMENTS = 3;
const DEFAULT_MIN_SHARE = 0.1;
const DEFAULT_MAX_CHARS = 300;

/** Case, digits (years, counts) and spacing do not make a footer line different. */
export const boilerplateKey = (line: string): string =>
  line
    .toLowerCase()
    .replace(/\d+/g, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Learns from documents given as their paragraphs (or lines) of one source. */
export const learnBoilerplate = (
  documents: readonly (readonly string[])[],
  options: LearnOptions = {},
): BoilerplateModel => {
  const minDocs = options.minDocuments ?? DEFAULT_MIN_DOCUMENTS;
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const df = new Map<string, number>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const line of doc) {
      if (line.length > maxChars) continue;
      const key = boilerplateKey(line);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  const threshold = Math.max(minDocs, Math.ceil(documents.length * minShare));
  const lines: Record<string, number> = {};
  for (const [key, count] of df) if (count >= threshold) lines[key] = count;
  return { version: BOILERPLATE_VERSION, documents: documents.length, lines };
};

/**
 * Lines that are boilerplate wherever they appear: they address the reader about the site,
 * never report anything. Anchored on the whole line so a sentence merely containing the words stays.
 */
const BUILT_IN: readonly RegExp[] = [
  /^leave a (comment|reply)\W*$/i,
  /^(\d+ )?comments?\W*$/i,
  /^related( posts| articles| stories| news| content)?\s*:?\s*$/i,
  /^(you may|you might) also like\W*$/i,
  /^(read|see) (more|also)\W*$/i,
  /^subscribe to get the latest posts( sent)? to your email\.?$/i,
  /^discover more from .{1,120}$/i,
  /^(share|share this|share this (article|story|post)|tweet|print|email)( on \w+)?\W*$/i,
  /^(sign up|subscribe) (for|to) (our|the) (free )?(newsletter|daily|weekly).{0,80}$/i,
  /^follow us on .{1,80}$/i,
  /^(advertisement|sponsored|sponsored content|advertising)\W*$/i,
  /^(type your email|enter your email)\W*.{0,20}$/i,
  /^(copyright|©|\(c\)) .{0,120}$/i,
  /^all rights reserved\W*$/i,
  /^click here to .{1,100}$/i,
  /^(tags?|categories|filed under)\s*:.{0,200}$/i,
  /^continue reading\W*$/i,
];

export const isBuiltInBoilerplate = (line: string): boolean =>
  line.length <= 300 && BUILT_IN.some((re) => re.test(line.trim()));

export const isLearnedBoilerplate = (model: BoilerplateModel | undefined, line: string): boolean =>
  model !== undefined && boilerplateKey(line) in model.lines;

/**
 * A site's sign-off to the reader ("thank you for taking the time to share it with your friends",
 * "we put a lot of heart ... to bring you the most interesting articles"). Only used on the tail
 * of a dump and never on a line quoting someone, so reporting that contains such words stays.
 */
const READER_APPEAL =
  /\b(thank you|thanks for reading|share (it|this|them) with|your friends|bring you|our (articles|posts|website|site|newsletter|readers)|my articles?|support us|donate|subscribe|newsletter|leave a comment)\b/i;
const QUOTED = /["“”«»„]/;

export const isReaderAppeal = (line: string): boolean =>
  line.length <= 400 && READER_APPEAL.test(line) && !QUOTED.test(line);
