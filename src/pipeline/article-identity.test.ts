import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawItem } from '../core/raw-item.js';
import { canonicalUrlFor, contentHashFor, identityKeyFor } from './article-identity.js';

const item = (overrides: Partial<RawItem> = {}): RawItem => ({
  format: 'rss',
  provenance: { path: 'feed.xml', recordIndex: 0 },
  raw: '<item>x</item>',
  body: { kind: 'text', text: 'x' },
  authors: [],
  categories: [],
  ...overrides,
});

test('a source-given id wins over the URL, scoped by source', () => {
  assert.equal(
    identityKeyFor(item({ externalId: ' guid-1 ', source: 'Defence Wire' }), 'https://a.org/x'),
    'id:defence wire:guid-1',
  );
});

test('without an id the canonical URL is the identity', () => {
  assert.equal(identityKeyFor(item(), 'https://a.org/x'), 'url:https://a.org/x');
});

test('without id or URL the raw input is the identity, not derived text', () => {
  const a = identityKeyFor(item({ raw: 'same raw' }), undefined);
  assert.equal(
    a,
    identityKeyFor(item({ raw: 'same raw', body: { kind: 'text', text: 'y' } }), undefined),
  );
  assert.notEqual(a, identityKeyFor(item({ raw: 'other raw' }), undefined));
  assert.match(a, /^raw:[0-9a-f]{64}$/);
});

test('canonical URLs drop fragments and tracking parameters and lower-case the host', () => {
  assert.equal(
    canonicalUrlFor('https://WWW.Example.ORG/news/1?utm_source=x&id=7&fbclid=abc#top'),
    'https://www.example.org/news/1?id=7',
  );
  assert.equal(canonicalUrlFor('not a url'), undefined);
  assert.equal(canonicalUrlFor('mailto:desk@example.org'), undefined);
  assert.equal(canonicalUrlFor(undefined), undefined);
});

test('content hash ignores whitespace differences but not words', () => {
  assert.equal(contentHashFor('T', 'a  b\n\nc'), contentHashFor(' T ', 'a b c'));
  assert.notEqual(contentHashFor('T', 'a b c'), contentHashFor('T', 'a b d'));
  assert.notEqual(contentHashFor('T1', 'a'), contentHashFor('T2', 'a'));
});
