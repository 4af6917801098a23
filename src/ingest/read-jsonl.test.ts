import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReaderEvent } from '../core/raw-item.js';
import { readJsonl } from './read-jsonl.js';
import { bytesOf } from './test-bytes.js';

const reasons = (events: ReaderEvent[]) =>
  events.flatMap((event) =>
    event.kind === 'rejected'
      ? [[event.rejection.provenance.recordIndex, event.rejection.reason]]
      : [],
  );

describe('readJsonl', () => {
  const input = [
    '{"id": 7, "url": "https://example.com/a", "title": "A", "text": "Body A", "published": "2024-01-02T03:04:05Z", "source": "Wire", "language": "en", "authors": "Ann"}',
    '',
    '{"html": "<p>Body B</p>", "published": "not a date", "categories": ["defence"]}',
    '{"title": "no body"}',
    '{"text": "x",}',
    '[1, 2]',
    '{"text": ""}',
  ].join('\n');
  const events = readJsonl('in.jsonl', bytesOf(input));

  test('one item per valid line, with fields mapped and bad dates dropped', () => {
    const items = events.flatMap((event) => (event.kind === 'item' ? [event.item] : []));
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], {
      format: 'jsonl',
      provenance: { path: 'in.jsonl', recordIndex: 0, byteOffset: 0, url: 'https://example.com/a' },
      raw: input.split('\n')[0],
      body: { kind: 'text', text: 'Body A' },
      externalId: '7',
      url: 'https://example.com/a',
      title: 'A',
      published: '2024-01-02T03:04:05.000Z',
      authors: ['Ann'],
      categories: [],
      source: 'Wire',
      language: 'en',
    });
    assert.deepEqual(items[1]?.body, { kind: 'html', html: '<p>Body B</p>' });
    assert.equal(items[1]?.published, undefined);
    assert.deepEqual(items[1]?.categories, ['defence']);
    assert.equal(items[1]?.provenance.byteOffset, Buffer.byteLength(input.split('\n')[0]!) + 2);
  });

  test('bad lines are rejected with their line number and reason; blank lines are ignored', () => {
    const rejected = reasons(events);
    assert.equal(rejected.length, 4);
    assert.deepEqual(rejected[0], [
      3,
      'jsonl line 4: missing text and html (one of them is required)',
    ]);
    assert.match(String(rejected[1]?.[1]), /^jsonl line 5: invalid JSON at column 14$/);
    assert.deepEqual(rejected[2], [5, 'jsonl line 6: not a JSON object']);
    assert.match(String(rejected[3]?.[1]), /^jsonl line 7: text: /);
  });

  test('a pretty-printed JSON document is one clear rejection, not one per line', () => {
    const pretty = JSON.stringify([{ text: 'a' }, { text: 'b' }], null, 2);
    assert.deepEqual(readJsonl('pretty.json', bytesOf(pretty)), [
      {
        kind: 'rejected',
        rejection: {
          provenance: { path: 'pretty.json' },
          reason: 'jsonl: one multi-line JSON document, not JSON Lines (one object per line)',
        },
      },
    ]);
  });
});
