import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { ReaderEvent } from '../core/raw-item.js';
import { measureInputs, readInputs } from './read-inputs.js';

const collect = async (events: AsyncIterable<ReaderEvent>): Promise<ReaderEvent[]> => {
  const out: ReaderEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

const describeEvent = (event: ReaderEvent, root: string): string => {
  const strip = (path: string) => path.replace(root, '<root>');
  switch (event.kind) {
    case 'item':
      return `item ${strip(event.item.provenance.path)} ${event.item.format}`;
    case 'feed':
      return `feed ${strip(event.feed.provenance.path)}`;
    case 'rejected':
      return `rejected ${strip(event.rejection.provenance.path)}: ${event.rejection.reason}`;
    case 'skipped':
      return `skipped ${strip(event.skip.provenance.path)}: ${event.skip.reason}`;
  }
};

describe('readInputs', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'sitrep-read-inputs-'));
    await mkdir(join(root, 'b-dir', 'nested'), { recursive: true });
    await mkdir(join(root, '.hidden-dir'));
    await writeFile(join(root, 'z-last.txt'), 'Last\n\nText.');
    await writeFile(join(root, 'a-first.html'), '<html><head><title>First</title></head></html>');
    await writeFile(join(root, '.hidden.txt'), 'never read');
    await writeFile(join(root, '.hidden-dir', 'inside.txt'), 'never read');
    await writeFile(join(root, 'b-dir', 'photo.PNG'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(
      join(root, 'b-dir', 'nested', 'lines.jsonl'),
      '{"text":"one"}\n{"text":"two"}\n',
    );
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('walks directories in sorted order, skips hidden files and non-inputs', async () => {
    const events = await collect(readInputs([root]));
    assert.deepEqual(
      events.map((event) => describeEvent(event, root)),
      [
        'item <root>/a-first.html html',
        'item <root>/b-dir/nested/lines.jsonl jsonl',
        'item <root>/b-dir/nested/lines.jsonl jsonl',
        'skipped <root>/b-dir/photo.PNG: not an input file (.png)',
        'item <root>/z-last.txt text',
      ],
    );
  });

  test('a symlink back up the tree is not followed forever', async () => {
    const loop = join(root, 'b-dir', 'nested', 'loop');
    await symlink(root, loop);
    try {
      const events = await collect(readInputs([root]));
      assert.equal(events.length, 5);
    } finally {
      await rm(loop);
    }
  });

  test('a missing path is a rejection naming it, and later paths are still read', async () => {
    const missing = join(root, 'nope.txt');
    const events = await collect(readInputs([missing, join(root, 'z-last.txt')]));
    assert.deepEqual(
      events.map((event) => describeEvent(event, root)),
      ['rejected <root>/nope.txt: no such file or directory', 'item <root>/z-last.txt text'],
    );
  });

  test('"-" reads stdin whole and sniffs it', async () => {
    const stdin = Readable.from([Buffer.from('{"text":"from'), Buffer.from(' stdin"}\n')]);
    const events = await collect(readInputs(['-'], { stdin }));
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(
      event?.kind === 'item' ? `${event.item.provenance.path} ${event.item.format}` : '',
      '- jsonl',
    );
  });

  test('onFile reports each file read; measureInputs totals the same bytes up front', async () => {
    const seen: [string, number][] = [];
    await collect(
      readInputs([root], {
        onFile: (path, bytes) => seen.push([path.replace(root, '<root>'), bytes]),
      }),
    );
    assert.deepEqual(seen, [
      ['<root>/a-first.html', 46],
      ['<root>/b-dir/nested/lines.jsonl', 30],
      ['<root>/z-last.txt', 11],
    ]);
    assert.equal(await measureInputs([root, join(root, 'missing')]), 46 + 30 + 11);
  });

  test('a web archive above the streaming threshold gives the same events, with progress per chunk', async () => {
    const warc = sharedWarc();
    const path = join(root, 'big.warc');
    await writeFile(path, warc);
    const whole = await collect(readInputs([path]));
    const progress: number[] = [];
    const streamed = await collect(
      readInputs([path], { streamAboveBytes: 10, onFile: (_path, bytes) => progress.push(bytes) }),
    );
    assert.deepEqual(streamed, whole);
    assert.equal(whole.filter((event) => event.kind === 'item').length, 2);
    assert.equal(
      progress.reduce((sum, bytes) => sum + bytes, 0),
      warc.length,
    );
    await rm(path);
  });
});

/** Two small HTML responses, built here so the test needs no fixture files. */
const sharedWarc = (): Buffer => {
  const record = (uri: string, title: string): Buffer => {
    const block = Buffer.from(
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>${title}</title></head></html>`,
    );
    return Buffer.concat([
      Buffer.from(
        `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${block.length}\r\n\r\n`,
      ),
      block,
      Buffer.from('\r\n\r\n'),
    ]);
  };
  return Buffer.concat([
    record('https://w.example/1', 'One'),
    record('https://w.example/2', 'Two'),
  ]);
};
