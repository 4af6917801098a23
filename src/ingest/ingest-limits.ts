/**
 * Bounds on what one input may cost, so a hostile or broken file is rejected with a reason
 * instead of exhausting memory or the stack. Defaults follow what trusted ingest systems do
 * (Chromium's parser caps DOM depth; Tika and Commons Compress cap inflation ratios); each can
 * be changed with an environment variable, read by main.ts (see README "How ingest behaves").
 */
export interface IngestLimits {
  /** Largest record (decoded text of a JSONL line, feed item, page, WARC payload), in bytes. */
  readonly maxRecordBytes: number;
  /** Largest decompressed size of one gzip file. */
  readonly maxDecompressedBytes: number;
  /** Decompressed / compressed beyond this is a zip bomb (checked once past `ratioGraceBytes`). */
  readonly maxInflateRatio: number;
  /** Output below this is never refused for its ratio (tiny files compress very well). */
  readonly ratioGraceBytes: number;
  /** Deepest element nesting kept in HTML and XML, and deepest JSON nesting accepted. */
  readonly maxNestingDepth: number;
  /** Items read from one feed; the rest are rejected with a reason. */
  readonly maxFeedItems: number;
  /**
   * Seconds one record may spend in cleaning or in enrichment (each timed on its own); past it the
   * record is rejected with the reason (src/pipeline/stage-deadline.ts: on worker threads and
   * inline, with --threads 1, in the server and in polling). 0 turns the limit off.
   */
  readonly maxRecordSeconds: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxRecordBytes: 16 * MIB,
  maxDecompressedBytes: 1024 * MIB,
  // Real inputs in ../shared gzip at 1.1x (HTML) to 11x (feeds); 50x leaves room and keeps a
  // 10 MB bomb under 500 MB.
  maxInflateRatio: 50,
  ratioGraceBytes: 16 * MIB,
  // Chromium's HTML parser stops nesting at 512; our cleaners are tested to 2,000.
  maxNestingDepth: 1024,
  maxFeedItems: 10_000,
  // The slowest real record in ../shared enriches in well under a second; 30 s leaves room for a
  // shared, loaded machine and still stops a pathological one long before it stalls a run.
  maxRecordSeconds: 30,
};

/** Environment variable for each limit; sizes in bytes (suffixes k, m, g accepted). */
export const LIMIT_ENV: Record<keyof IngestLimits, string> = {
  maxRecordBytes: 'SITREP_MAX_RECORD_BYTES',
  maxDecompressedBytes: 'SITREP_MAX_DECOMPRESSED_BYTES',
  maxInflateRatio: 'SITREP_MAX_INFLATE_RATIO',
  ratioGraceBytes: 'SITREP_INFLATE_RATIO_GRACE_BYTES',
  maxNestingDepth: 'SITREP_MAX_NESTING_DEPTH',
  maxFeedItems: 'SITREP_MAX_FEED_ITEMS',
  maxRecordSeconds: 'SITREP_MAX_RECORD_SECONDS',
};

const SUFFIX: Record<string, number> = { '': 1, k: 1024, m: MIB, g: 1024 * MIB };

/** Parses `16m`, `1g`, `4096`; undefined when the text is not a positive size. */
export const parseSize = (text: string): number | undefined => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/iu.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * (SUFFIX[(match[2] ?? '').toLowerCase()] ?? 1);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
};

export const limitsFromEnv = (env: Record<string, string | undefined>): IngestLimits => {
  const limits: Record<string, number> = { ...DEFAULT_INGEST_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_ENV)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    if (key === 'maxRecordSeconds') {
      // Seconds, fractions allowed; 0 turns the limit off.
      const seconds = Number(text);
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new Error(`${name}=${text} is not a number of seconds (0 turns the limit off)`);
      limits[key] = seconds;
      continue;
    }
    const value = parseSize(text);
    if (value === undefined)
      throw new Error(`${name}=${text} is not a positive number (sizes may end in k, m or g)`);
    limits[key] = value;
  }
  return limits as unknown as IngestLimits;
};

let current: IngestLimits | undefined;

/** The limits in force: the defaults, unless the composition root (main.ts) or a test set others. */
export const ingestLimits = (): IngestLimits => current ?? DEFAULT_INGEST_LIMITS;

/** Replaces the limits (tests, embedding); returns a function restoring the previous ones. */
export const setIngestLimits = (limits: Partial<IngestLimits>): (() => void) => {
  const previous = current;
  current = { ...ingestLimits(), ...limits };
  return () => {
    current = previous;
  };
};

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB'] as const;

/** 16777216 -> "16 MiB", for reasons a user reads. */
export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1 && value % 1024 === 0) {
    value /= 1024;
    unit++;
  }
  if (unit === 0 && bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${value} ${UNITS[unit]}`;
};
