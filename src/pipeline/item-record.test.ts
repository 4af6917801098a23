import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawItem } from '../core/raw-item.js';
import { itemFromRecord, itemRecordOf } from './item-record.js';

test('a feed item round-trips with its body kept beside the raw XML', () => {
  const item: RawItem = {
    format: 'rss',
    provenance: { path: 'feed.xml', recordIndex: 3, url: 'https://a.org/x' },
    raw: '<item><title>T</title><description>&lt;p&gt;Body&lt;/p&gt;</description></item>',
    body: { kind: 'html', html: '<p>Body</p>' },
    title: 'T',
    url: 'https://a.org/x',
    published: '2025-01-02T03:04:05.000Z',
    authors: ['A'],
    categories: ['c'],
    source: 'Feed',
  };
  assert.deepEqual(itemFromRecord(item.raw, itemRecordOf(item)), item);
});

test('a text dump stores its body only once', () => {
  const item: RawItem = {
    format: 'text',
    provenance: { path: 'a.txt' },
    raw: 'Title\n\nBody',
    body: { kind: 'text', text: 'Title\n\nBody' },
    authors: [],
    categories: [],
  };
  const record = itemRecordOf(item);
  assert.ok(!record.includes('Body'));
  assert.deepEqual(itemFromRecord(item.raw, record), item);
});
