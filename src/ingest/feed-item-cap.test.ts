import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setIngestLimits } from './ingest-limits.js';
import { readAtom } from './read-atom.js';
import { readRss } from './read-rss.js';
import { findAll, parseXmlCapped } from './xml-tree.js';

const rss = (n: number): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Item ${i}</title><link>https://feed.example/${i}</link><description>Frigate ${i} moved.</description></item>`,
  ).join('')}<language>en</language></channel></rss>`;

const atom = (n: number): string =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>${Array.from(
    { length: n },
    (_, i) =>
      `<entry><id>urn:e:${i}</id><title>Entry ${i}</title><link href="https://feed.example/${i}"/><content>Frigate ${i} moved.</content></entry>`,
  ).join('')}</feed>`;

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('feed items past SITREP_MAX_FEED_ITEMS are counted, not built', () => {
  const restore: (() => void)[] = [];
  after(() => restore.reverse().forEach((undo) => undo()));

  test('the parsed tree holds only the items kept', () => {
    const { root, unbuiltItems } = parseXmlCapped(rss(50), {
      isItem: (el) => el.local === 'item',
      max: 10,
    });
    assert.equal(findAll(root, (el) => el.local === 'item').length, 10);
    assert.equal(unbuiltItems, 40);
    // What follows the items is still read.
    assert.equal(findAll(root, (el) => el.local === 'language').length, 1);
  });

  for (const [label, read, make] of [
    ['rss', (b: Uint8Array) => readRss('f.xml', b, 'rss'), rss],
    ['atom', (b: Uint8Array) => readAtom('f.xml', b), atom],
  ] as const) {
    test(`${label}: the same first items as an uncapped read, and the rest reported with the count`, () => {
      restore.push(setIngestLimits({ maxFeedItems: 1000 }));
      const whole = read(bytes(make(50)));
      restore.push(setIngestLimits({ maxFeedItems: 10 }));
      const capped = read(bytes(make(50)));
      assert.deepEqual(capped.slice(0, 10), whole.slice(0, 10));
      assert.equal(capped.length, 11);
      const last = capped[10];
      assert.equal(last?.kind, 'rejected');
      assert.match(
        last?.kind === 'rejected' ? last.rejection.reason : '',
        /feed has 50 items; items after the first 10 are not read \(SITREP_MAX_FEED_ITEMS\)/,
      );
    });
  }
});
