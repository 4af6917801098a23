import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readJsonFeed } from './read-json-feed.js';
import { bytesOf } from './test-bytes.js';

describe('readJsonFeed', () => {
  test('one item per entry with html preferred over text', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON Wire',
      language: 'en',
      authors: [{ name: 'Feed Author' }],
      items: [
        {
          id: 1,
          url: 'https://example.com/1',
          title: 'One',
          content_html: '<p>One</p>',
          content_text: 'One',
          date_published: '2024-01-01T00:00:00Z',
          tags: ['defence'],
        },
        {
          id: '2',
          content_text: 'Two',
          authors: [{ name: 'Item Author' }],
          date_published: 'garbage',
        },
        'not an object',
      ],
    };
    const events = readJsonFeed('feed.json', bytesOf(JSON.stringify(feed)));
    assert.equal(events.length, 3);
    const [first, second, third] = events;
    if (first?.kind !== 'item' || second?.kind !== 'item') return assert.fail('expected two items');
    assert.equal(first.item.format, 'jsonfeed');
    assert.equal(first.item.externalId, '1');
    assert.deepEqual(first.item.body, { kind: 'html', html: '<p>One</p>' });
    assert.equal(first.item.published, '2024-01-01T00:00:00.000Z');
    assert.deepEqual(first.item.authors, ['Feed Author']);
    assert.deepEqual(first.item.categories, ['defence']);
    assert.equal(first.item.source, 'JSON Wire');
    assert.deepEqual(second.item.body, { kind: 'text', text: 'Two' });
    assert.deepEqual(second.item.authors, ['Item Author']);
    assert.equal(second.item.published, undefined);
    assert.equal(third?.kind, 'rejected');
  });

  test('JSON that is not a JSON Feed is rejected with a reason', () => {
    const [notFeed] = readJsonFeed('x.json', bytesOf('{"items": []}'));
    assert.equal(notFeed?.kind, 'rejected');
    const [broken] = readJsonFeed('y.json', bytesOf('{"version": '));
    assert.match(
      broken?.kind === 'rejected' ? broken.rejection.reason : '',
      /^jsonfeed: invalid JSON/,
    );
  });
});
