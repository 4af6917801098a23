import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import type { ReaderEvent } from '../core/raw-item.js';
import { readInputs } from './read-inputs.js';

/** Real third-party fixtures from ../shared (never copied into the repo); skipped when absent. */

const collect = async (paths: string[]): Promise<ReaderEvent[]> => {
  const out: ReaderEvent[] = [];
  for await (const event of readInputs(paths)) out.push(event);
  return out;
};

const pathOf = (event: ReaderEvent): string => {
  switch (event.kind) {
    case 'item':
      return event.item.provenance.path;
    case 'feed':
      return event.feed.provenance.path;
    case 'rejected':
      return event.rejection.provenance.path;
    case 'skipped':
      return event.skip.provenance.path;
  }
};

describe('readers over the shared fixtures', () => {
  test(
    'every feed and WARC fixture is read without an exception; each rejection names its file and a reason',
    {
      skip:
        skipUnlessShared('corpora', 'feed-fixtures') ||
        skipUnlessShared('corpora', 'warc-fixtures'),
    },
    async () => {
      const roots = [
        sharedPath('corpora', 'feed-fixtures')!,
        sharedPath('corpora', 'warc-fixtures')!,
      ];
      const events = await collect(roots);
      const items = events.filter((event) => event.kind === 'item');
      assert.ok(items.length > 2000, `only ${items.length} items from the fixtures`);
      for (const event of events) {
        assert.ok(
          roots.some((root) => pathOf(event).startsWith(root)),
          `event without its file: ${JSON.stringify(event)}`,
        );
        if (event.kind === 'rejected') assert.ok(event.rejection.reason.length > 5, pathOf(event));
      }
    },
  );

  test(
    'feeds with an rss-parser expected parse: every expected entry is an item or an entry-level rejection',
    { skip: skipUnlessShared('corpora', 'feed-fixtures', 'rss-parser', 'test') },
    async () => {
      const dir = sharedPath('corpora', 'feed-fixtures', 'rss-parser', 'test')!;
      const inputs = await readdir(join(dir, 'input'));
      let compared = 0;
      for (const output of await readdir(join(dir, 'output'))) {
        const stem = output.replace(/\.json$/, '');
        const input = inputs.find((name) => name.replace(/\.[^.]+$/, '') === stem);
        if (!input) continue;
        const expected = (
          JSON.parse(await readFile(join(dir, 'output', output), 'utf8')) as {
            feed: { items: unknown[] };
          }
        ).feed.items.length;
        const events = await collect([join(dir, 'input', input)]);
        const items = events.filter((event) => event.kind === 'item').length;
        const entryRejections = events.filter(
          (event) =>
            event.kind === 'rejected' && event.rejection.provenance.recordIndex !== undefined,
        ).length;
        assert.equal(
          items + entryRejections,
          expected,
          `${input}: ${items} items + ${entryRejections} rejected`,
        );
        // Only entries with nothing but an id or an empty author may be rejected.
        assert.ok(entryRejections <= 1, `${input}: ${entryRejections} entries rejected`);
        compared += 1;
      }
      assert.ok(compared >= 25, `only ${compared} feeds compared`);
    },
  );

  test(
    'the Guardian feed keeps its headlines, links and dates',
    { skip: skipUnlessShared('corpora', 'feed-fixtures') },
    async () => {
      const events = await collect([
        sharedPath('corpora', 'feed-fixtures', 'rss-parser', 'test', 'input', 'guardian.rss')!,
      ]);
      const items = events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));
      assert.equal(items.length, 55);
      for (const item of items) {
        assert.match(item.url ?? '', /^https:\/\/www\.theguardian\.com\//);
        assert.match(item.published ?? '', /^201[78]-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
        assert.ok((item.title ?? '').length > 10);
        assert.equal(item.source, 'The Guardian');
      }
    },
  );

  test(
    'the feedparser JSON Feed example yields its two entries',
    { skip: skipUnlessShared('corpora', 'feed-fixtures') },
    async () => {
      const events = await collect([
        sharedPath('corpora', 'feed-fixtures', 'feedparser', 'tests', 'json', 'example.json')!,
      ]);
      const items = events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));
      assert.deepEqual(
        items.map((item) => [item.format, item.source]),
        [
          ['jsonfeed', 'My Example Feed'],
          ['jsonfeed', 'My Example Feed'],
        ],
      );
    },
  );

  test(
    'warcio example.warc: the HTML response is an item and the revisit is skipped',
    { skip: skipUnlessShared('corpora', 'warc-fixtures') },
    async () => {
      for (const name of ['example.warc', 'example.warc.gz']) {
        const events = await collect([sharedPath('corpora', 'warc-fixtures', 'warcio', name)!]);
        const items = events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));
        assert.deepEqual(
          items.map((item) => [item.url, item.title, item.body.kind]),
          [['http://example.com/', 'Example Domain', 'html']],
          name,
        );
        const revisits = events.filter(
          (event) => event.kind === 'skipped' && event.skip.reason === 'warc: revisit record',
        );
        assert.equal(revisits.length, 1, name);
        assert.equal(events.filter((event) => event.kind === 'rejected').length, 0, name);
      }
    },
  );

  test('each seed yields exactly one text item', { skip: skipUnlessShared('seeds') }, async () => {
    const dir = sharedPath('seeds')!;
    const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
    const events = await collect([dir]);
    assert.deepEqual(
      events.map((event) =>
        event.kind === 'item' ? `${event.item.format} ${event.item.provenance.path}` : event.kind,
      ),
      names.map((name) => `text ${join(dir, name)}`),
    );
    const titles = events.map((event) => (event.kind === 'item' ? event.item.title : undefined));
    // Seed 003 opens straight into a long paragraph: no title candidate.
    assert.equal(titles[3], undefined);
    assert.match(titles[0] ?? '', /^NATO Investing More in European Defense/);
  });
});
