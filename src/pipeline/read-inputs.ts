import { createReadStream } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ReaderEvent } from '../core/raw-item.js';
import { readFileBytes } from '../ingest/read-file.js';
import type { StreamableArchive } from '../ingest/read-warc-stream.js';
import { readWarcStream, streamableArchive } from '../ingest/read-warc-stream.js';

/**
 * The edge between the file system and the readers: expands directories (sorted, so two runs
 * over the same tree yield the same order), reads each file whole and hands its bytes to the
 * format readers. A path that cannot be read is a `rejected` event, never an exception, so one
 * bad path does not stop a batch.
 */

export interface ReadInputsOptions {
  /** Read when a path is "-" (defaults to process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * Progress: called with the bytes read from a file. A file read whole reports once, after
   * reading; a streamed web archive reports chunk by chunk. The calls for one file sum to its size.
   */
  readonly onFile?: (path: string, bytes: number) => void;
  /** Web archives larger than this are streamed record by record instead of read whole (default 64 MiB). */
  readonly streamAboveBytes?: number;
}

const DEFAULT_STREAM_ABOVE = 64 * 1024 * 1024;

/** Enough to see a WARC header, even inside a gzip member. */
const HEAD_BYTES = 64 * 1024;

const readHead = async (path: string): Promise<Uint8Array> => {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

async function* fileChunks(
  path: string,
  onFile: ReadInputsOptions['onFile'],
): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    onFile?.(path, bytes.byteLength);
    yield bytes;
  }
}

/** Files no reader understands; counted as skipped so a mixed folder is not a wall of rejections. */
const NOT_INPUT_EXTENSIONS = new Set([
  ...['.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.ico', '.svg', '.tif', '.tiff', '.avif'],
  ...['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt'],
  ...['.zip', '.tar', '.tgz', '.7z', '.rar', '.bz2', '.xz', '.zst'],
  ...['.mp3', '.mp4', '.m4a', '.mov', '.avi', '.wav', '.ogg', '.webm', '.mkv'],
  ...['.woff', '.woff2', '.ttf', '.otf', '.eot'],
  ...['.exe', '.dll', '.so', '.dylib', '.class', '.jar', '.pyc', '.o', '.wasm'],
  ...['.css', '.js', '.mjs', '.map', '.sqlite', '.db', '.cdx', '.cdxj'],
]);

type WalkEntry =
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'event'; readonly event: ReaderEvent };

const reject = (path: string, reason: string): WalkEntry => ({
  kind: 'event',
  event: { kind: 'rejected', rejection: { provenance: { path }, reason } },
});

const describeFsError = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `could not be read (${(error as Error).message})`;
};

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Directories already entered (device:inode), so a symlink back up the tree cannot loop forever. */
type Visited = Set<string>;

async function* walk(path: string, explicit: boolean, visited: Visited): AsyncGenerator<WalkEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield reject(path, describeFsError(error));
    return;
  }
  if (info.isDirectory()) {
    const identity = `${info.dev}:${info.ino}`;
    if (visited.has(identity)) return;
    visited.add(identity);
    let names: string[];
    try {
      names = (await readdir(path)).sort(byName);
    } catch (error) {
      yield reject(path, describeFsError(error));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      yield* walk(join(path, name), false, visited);
    }
    return;
  }
  if (!info.isFile()) {
    if (explicit) yield reject(path, 'not a regular file');
    return;
  }
  const extension = extname(path).toLowerCase();
  if (NOT_INPUT_EXTENSIONS.has(extension)) {
    yield {
      kind: 'event',
      event: {
        kind: 'skipped',
        skip: { provenance: { path }, reason: `not an input file (${extension})` },
      },
    };
    return;
  }
  yield { kind: 'file', path, size: info.size };
}

async function* walkAll(paths: readonly string[]): AsyncGenerator<WalkEntry> {
  const visited: Visited = new Set();
  for (const path of paths) {
    if (path === '-') yield { kind: 'stdin' };
    else yield* walk(path, true, visited);
  }
}

const readStream = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
};

const unreadable = (path: string, error: unknown): ReaderEvent => ({
  kind: 'rejected',
  rejection: { provenance: { path }, reason: describeFsError(error) },
});

/** Streams a large web archive; returns false when the file is something else (then it is read whole). */
async function* streamIfArchive(
  path: string,
  onFile: ReadInputsOptions['onFile'],
): AsyncGenerator<ReaderEvent, boolean> {
  let archive: StreamableArchive | undefined;
  try {
    archive = streamableArchive(await readHead(path));
  } catch (error) {
    yield unreadable(path, error);
    return true;
  }
  if (!archive) return false;
  try {
    yield* readWarcStream(path, fileChunks(path, onFile), archive);
  } catch (error) {
    yield unreadable(path, error);
  }
  return true;
}

/** Reader events for every input, file by file in a deterministic order. */
export async function* readInputs(
  paths: readonly string[],
  options: ReadInputsOptions = {},
): AsyncGenerator<ReaderEvent> {
  const streamAbove = options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE;
  for await (const entry of walkAll(paths)) {
    if (entry.kind === 'event') {
      yield entry.event;
      continue;
    }
    if (entry.kind === 'file' && entry.size > streamAbove) {
      const streamed = yield* streamIfArchive(entry.path, options.onFile);
      if (streamed) continue;
    }
    const path = entry.kind === 'stdin' ? '-' : entry.path;
    let bytes: Buffer;
    try {
      bytes =
        entry.kind === 'stdin'
          ? await readStream(options.stdin ?? process.stdin)
          : await readFile(entry.path);
    } catch (error) {
      yield unreadable(path, error);
      continue;
    }
    options.onFile?.(path, bytes.byteLength);
    yield* readFileBytes(path, bytes);
  }
}

/** Total size in bytes of the files `readInputs` would read (stdin counts as 0: its size is unknown). */
export const measureInputs = async (paths: readonly string[]): Promise<number> => {
  let total = 0;
  for await (const entry of walkAll(paths)) {
    if (entry.kind === 'file') total += entry.size;
  }
  return total;
};
