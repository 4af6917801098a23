import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readOpml } from './read-opml.js';
import { bytesOf } from './test-bytes.js';

describe('readOpml', () => {
  test('every outline with xmlUrl is a subscription; enclosing outlines are its category', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
  <outline text="Defence"><outline text="Europe">
    <outline type="rss" text="Wire" title="Defence Wire" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
  </outline></outline>
  <outline text="Top level" xmlUrl="https://b.example/feed" category="/Security,/Other"/>
  <outline text="No feed here"/>
</body></opml>`;
    assert.deepEqual(readOpml('subs.opml', bytesOf(opml)), [
      {
        kind: 'feed',
        feed: {
          xmlUrl: 'https://a.example/rss',
          title: 'Defence Wire',
          htmlUrl: 'https://a.example/',
          category: 'Defence/Europe',
          provenance: { path: 'subs.opml', recordIndex: 0, url: 'https://a.example/rss' },
        },
      },
      {
        kind: 'feed',
        feed: {
          xmlUrl: 'https://b.example/feed',
          title: 'Top level',
          category: 'Security',
          provenance: { path: 'subs.opml', recordIndex: 1, url: 'https://b.example/feed' },
        },
      },
    ]);
  });

  test('an OPML file without feeds is skipped with a reason', () => {
    const [event] = readOpml(
      'empty.opml',
      bytesOf('<opml><body><outline text="x"/></body></opml>'),
    );
    assert.equal(event?.kind, 'skipped');
  });
});
