import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintArticle } from './article-fingerprint.js';
import { decideSyndication, decideSyndicationOfFingerprint } from './decide-syndication.js';
import { DEFAULT_DEDUP_OPTIONS } from './dedup-options.js';
import { MemoryNearDuplicateIndex } from './memory-near-duplicate-index.js';
import { nearDuplicateIndexContract } from './near-duplicate-index.test-suite.js';

nearDuplicateIndexContract('in memory', () => new MemoryNearDuplicateIndex());

test('deciding a fingerprint computed beforehand decides as deciding the article', async () => {
  const text = [
    'Navy officials said the new frigates would enter service two years late because of engine faults found during sea trials.',
    'The delay leaves the fleet short of escorts for the carrier group until the older ships are refitted next spring.',
  ].join('\n\n');
  const copy = text.replace('two years', 'two full years');
  const articles = [
    { id: 'a', text, published: '2024-05-01T08:00:00Z' },
    { id: 'b', text: copy, published: '2024-05-01T09:00:00Z' },
  ];
  const direct = new MemoryNearDuplicateIndex();
  const precomputed = new MemoryNearDuplicateIndex();
  for (const article of articles) {
    const expected = await decideSyndication(article, direct);
    const fingerprinted = fingerprintArticle(article, DEFAULT_DEDUP_OPTIONS);
    assert.deepEqual(await decideSyndicationOfFingerprint(fingerprinted, precomputed), expected);
  }
  assert.equal((await precomputed.getDecision('b'))?.of, 'a');
  const again = await decideSyndicationOfFingerprint(
    fingerprintArticle(articles[1] as (typeof articles)[number], DEFAULT_DEDUP_OPTIONS),
    precomputed,
  );
  assert.deepEqual(again.written, []);
});
